/**
 * Loads story files into the content store: validated frontmatter and the file's path, but not its
 * body. Astro bundles the whole store into one module, and with every body in it 100,000 stories
 * passed the largest string the bundler can hand to Node. Story pages render their own Markdown
 * (src/data/render.ts), and what listings show of a story comes from that render
 * (src/data/story-text.ts).
 *
 * Every file in the stories folder is a story or refused: a file that cannot be read (a link, a
 * pipe, too large, not UTF-8), breaks the schema, has a body beyond plain paragraphs (each body is
 * rendered here once, with the archive's plugins) or does not end in `.md` stops the build, and so
 * does a source extract a story names that is missing or not UTF-8. All bad files are reported at
 * once, one line each, naming the file, the field (or line) and what is allowed.
 *
 * The body rendered for that check also gives the story's text model, which goes to the search
 * index here (src/search/build/source.ts): the index is built from the content, not from pages,
 * and starts before the pages render.
 *
 * A later build reads only what changed: a file in the state the last build read it in
 * (src/data/story-file-index.ts), whose content store entry and kept text are there, is handed on
 * from them unread; any other file is read and checked in full.
 */
import type { BigIntStats } from 'node:fs';
import { lstat, mkdir, readdir } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { formatIssues } from '../lib/schema-issues.ts';
import { STORY_FIELDS } from '../lib/story-schema.ts';
import { bodyCharacterProblems, renderedBodyProblems } from '../lib/story-body.ts';
import { decodeStoryText, readStoryFile, splitStoryFile, StoryFileError } from '../lib/story-file.ts';
import { forbiddenCharacter } from '../lib/text-rules.ts';
import { htmlParagraphs } from '../lib/text.ts';
import { isBodyRefusal, refusalText, renderBodyHtml } from '../markdown/render-body.ts';
import { CARD_OPENING_CHARS, storyOpening, storyTextModel } from '../lib/story-text-model.ts';
import { compareArchiveOrder, isoDate, yearMonth } from '../lib/dates.ts';
import { dataLine, storyDataRecord } from '../lib/story-data.ts';
import { absoluteUrl, monthSegment, storyPath } from '../lib/urls.ts';
import { searchSource, searchSourceFile, type SearchSource } from '../search/build/source.ts';
import type { StoryData } from '../lib/story-schema.ts';
import {
  dropOtherKeptStories,
  keepStory,
  keptLines,
  keptStoriesDir,
  type KeptLines,
  type KeptStory,
} from '../data/kept-stories.ts';
import { codeVersion } from '../data/build-cache.ts';
import {
  storyFileIndex,
  storyFileIndexFile,
  type IndexedStoryFile,
  type StoryFileIndex,
} from '../data/story-file-index.ts';
import { dataOrderFile, dataRecordsFile } from '../data/archive-data.ts';
import { linesWriter, type LinesWriter } from '../data/lines-writer.ts';
import { referenceRecordsFile, storyReferenceFiles } from '../data/story-references.ts';

/**
 * Files in the stories folder that are not stories: hidden files (.gitkeep, .DS_Store, editors'
 * swap files) and a README. Anything else must be a `.md` story.
 */
export function isNonStoryFile(path: string): boolean {
  const parts = path.split(/[\\/]/);
  return parts.some((part) => part.startsWith('.')) || /^readme(?:\.md|\.txt)?$/i.test(parts.at(-1) ?? '');
}

export function storiesLoader(dir: string, schema: z.ZodType): Loader {
  return {
    name: 'stories-loader',
    async load(context: LoaderContext) {
      const root = fileURLToPath(context.config.root);
      const base = isAbsolute(dir) ? dir : join(root, dir);
      const sync = () => loadAll(context, schema, root, base);
      await sync();
      context.watcher?.add(base);
      context.watcher?.on('all', (_event, path) => {
        if (path.startsWith(base)) void sync().catch((error) => context.logger.error(String(error)));
      });
    },
  };
}

/** What the loader writes for the rest of the build, each file replaced whole once every story has passed. */
interface LoaderOutputs {
  /** The search index's input (src/search/build/source.ts). */
  search: LinesWriter;
  /** /data/'s records and the archive's order (src/data/archive-records.ts). */
  records: LinesWriter;
  order: LinesWriter;
  /** Each story's reference-manager files (src/data/story-references.ts). */
  references: LinesWriter;
}

async function loadAll(context: LoaderContext, schema: z.ZodType, root: string, base: string): Promise<void> {
  const cacheDir = fileURLToPath(context.config.cacheDir);
  await mkdir(cacheDir, { recursive: true });
  const outputs: LoaderOutputs = {
    search: linesWriter(searchSourceFile(cacheDir)),
    records: linesWriter(dataRecordsFile(cacheDir)),
    order: linesWriter(dataOrderFile(cacheDir)),
    references: linesWriter(referenceRecordsFile(cacheDir)),
  };
  const all = Object.values(outputs);
  const kept = keptStoriesDir(cacheDir);
  try {
    const { digests, rendered, unread } = await checkAndStore(context, schema, root, base, outputs, kept);
    for (const output of all) output.commit();
    dropOtherKeptStories(kept, digests);
    context.logger.info(
      `${digests.size} stories: ${rendered} rendered, ${digests.size - rendered} unchanged since the last build; ${unread} files known unchanged by their state, not read`,
    );
  } catch (error) {
    for (const output of all) output.abort();
    throw error;
  }
}

async function checkAndStore(
  context: LoaderContext,
  schema: z.ZodType,
  root: string,
  base: string,
  outputs: LoaderOutputs,
  keptDir: string,
): Promise<{ digests: Set<string>; rendered: number; unread: number }> {
  // A file's digest covers its bytes, the code that reads it and the site's address (in its data
  // line): what was kept of it is reused only when all three are unchanged (src/data/kept-stories.ts).
  const site = context.config.site ?? '';
  const version = `${codeVersion(root)}\n${site}\n`;
  const index = storyFileIndex(storyFileIndexFile(fileURLToPath(context.config.cacheDir)), version);
  let rendered = 0;
  let unread = 0;
  const names = (await readdir(base, { recursive: true, withFileTypes: true }))
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(base, join(entry.parentPath, entry.name)))
    .filter((name) => !isNonStoryFile(name))
    .sort();
  const { store, parseData, generateDigest } = context;
  /** Slug → file that claimed it: a second file with the same slug stops the build, never overwrites. */
  const owners = new Map<string, string>();
  const problems: string[] = [];
  /** Every story, and for those read this time the frontmatter the content store is given. */
  const entries: {
    slug: string;
    filePath: string;
    path: string;
    digest: string;
    data: StoryData;
    frontmatter?: Record<string, unknown>;
  }[] = [];
  /** Source extract → the stories that name it: each is checked once. */
  const sources = new Map<string, string[]>();
  /** A story's lines for the files the loader hands on, and what the rest of the build needs of it. */
  const handOn = (story: (typeof entries)[number], kept: KeptLines) => {
    outputs.search.add(kept.search);
    const { year, month } = yearMonth(story.data.date);
    outputs.records.add(`${year}-${monthSegment(month)}\t${story.slug}\t${kept.dataLine}`);
    outputs.references.add(`${story.slug}\t${kept.references}`);
    const sourceFile = (story.data as unknown as CheckedStory).source.file;
    sources.set(sourceFile, [...(sources.get(sourceFile) ?? []), story.filePath]);
    entries.push(story);
  };
  /** The story an indexed file was, as the content store and the kept files hold it, or undefined. */
  const unchanged = (known: IndexedStoryFile, filePath: string, path: string) => {
    const entry = store.get(known.slug);
    const kept = entry?.digest === known.digest && entry.filePath === filePath && keptLines(known.digest, keptDir);
    if (!kept) return undefined;
    return { story: { slug: known.slug, filePath, path, digest: known.digest, data: entry.data as StoryData }, kept };
  };
  const look = readAhead(base, names, index);
  for (const [i, name] of names.entries()) {
    const path = join(base, name);
    const filePath = relative(root, path);
    const looking = look(i);
    if (!name.endsWith('.md')) {
      problems.push(
        `${filePath}: not a story file: story files end in .md (lowercase); rename it or move it out of the stories folder`,
      );
      continue;
    }
    let text: string;
    let frontmatter: Record<string, unknown>;
    let body: string;
    let stats: BigIntStats;
    try {
      const looked = await looking;
      stats = looked.stats;
      const known = looked.known && unchanged(looked.known, filePath, path);
      if (known) {
        const owner = owners.get(known.story.slug);
        if (owner) {
          problems.push(duplicateSlug(filePath, known.story.slug, owner));
          continue;
        }
        owners.set(known.story.slug, filePath);
        handOn(known.story, known.kept);
        index.record(name, stats, known.story);
        unread++;
        continue;
      }
      text = decodeStoryText(looked.bytes ?? (await readStoryFile(path)));
      ({ frontmatter, body } = splitStoryFile(text));
    } catch (error) {
      problems.push(`${filePath}: ${readProblem(error)}`);
      continue;
    }
    const checked = schema.safeParse(frontmatter);
    if (!checked.success) {
      problems.push(formatIssues(filePath, checked.error.issues, frontmatter, STORY_FIELDS));
      continue;
    }
    const slug = String(frontmatter.slug);
    const owner = owners.get(slug);
    if (owner) {
      problems.push(duplicateSlug(filePath, slug, owner));
      continue;
    }
    owners.set(slug, filePath);
    const digest = generateDigest(version + text);
    let kept = keptLines(digest, keptDir);
    if (!kept) {
      // Checked and rendered once; a file unchanged since then passed these checks with this same code.
      const { problems: bodyProblems, html } = await checkBody(body, checked.data as CheckedStory, path);
      if (bodyProblems.length > 0) {
        problems.push(...bodyProblems.map((problem) => `${filePath}${problem}`));
        continue;
      }
      kept = keepStory(keptDir, digest, derive(slug, checked.data as StoryData, html, site));
      rendered++;
    }
    handOn({ slug, frontmatter, filePath, path, digest, data: checked.data as StoryData }, kept);
    index.record(name, stats, { slug, digest });
  }
  const sourceDir = join(base, '..', 'source');
  for (const [file, stories] of sources) {
    const problem = await sourceProblem(sourceDir, file);
    if (problem)
      problems.push(
        `${relative(root, join(sourceDir, file))}: ${problem} (the source extract of ${stories.join(', ')}, field "source.file")`,
      );
  }
  if (problems.length > 0) {
    // Files, not lines: a file may have several problems (each its own line).
    const files = new Set(problems.map((problem) => /^(.*?)(?:, line \d+)?: /.exec(problem)?.[1])).size;
    const count = files === 1 ? 'A story file is' : `${files} story files are`;
    throw new Error(`${count} not fit to publish:\n${problems.join('\n')}`);
  }
  // The archive's one order (src/lib/dates.ts), for /data/'s month files.
  const ordered = entries
    .map(({ slug, data }) => ({ date: data.date, precision: data.datePrecision, key: slug }))
    .sort(compareArchiveOrder);
  for (const { key } of ordered) outputs.order.add(key);
  // The content store keeps its entries between builds: those of unchanged files stay as they are.
  const parsed = [];
  for (const { slug, frontmatter, filePath, path, digest } of entries) {
    if (frontmatter)
      parsed.push({
        id: slug,
        data: await parseData({ id: slug, data: frontmatter, filePath: path }),
        filePath,
        digest,
      });
  }
  const slugs = new Set(entries.map((entry) => entry.slug));
  for (const key of store.keys()) if (!slugs.has(key)) store.delete(key);
  for (const entry of parsed) {
    // set() keeps an entry whose digest is the same: a file renamed keeps its bytes but not its path.
    const existing = store.get(entry.id);
    if (existing?.digest !== entry.digest || existing.filePath !== entry.filePath) {
      store.delete(entry.id);
      store.set(entry);
    }
  }
  index.save();
  return { digests: new Set(entries.map((entry) => entry.digest)), rendered, unread };
}

const duplicateSlug = (filePath: string, slug: string, owner: string): string =>
  `${filePath}: field "slug" is "${slug}", already the slug of ${owner} (each story needs its own slug)`;

/** How many story files are looked at while the loader checks the one before them. */
const READ_AHEAD = 32;

/** A story file as looked at: its state, and what the index knows of it in that state, or its bytes. */
interface LookedAt {
  stats: BigIntStats;
  known?: IndexedStoryFile;
  bytes?: Uint8Array;
}

/**
 * names[i] (under `base`) looked at READ_AHEAD files ahead of the caller, who asks in order (one
 * file at a time left the loader waiting on the disk for about a third of an unchanged build's
 * sync): a file the index knows in its present state is not read.
 */
function readAhead(base: string, names: string[], index: StoryFileIndex): (i: number) => Promise<LookedAt> {
  const looks: Promise<LookedAt>[] = [];
  const start = (i: number) => {
    const path = join(base, names[i]!);
    const looking = lstat(path, { bigint: true }).then(async (stats): Promise<LookedAt> => {
      const known = index.known(names[i]!, stats);
      return known ? { stats, known } : { stats, bytes: await readStoryFile(path) };
    });
    // Its error is the caller's when it asks; until then it is not an unhandled rejection.
    looking.catch(() => undefined);
    looks[i] = looking;
  };
  return (i) => {
    for (let next = looks.length; next < Math.min(names.length, i + READ_AHEAD); next++) start(next);
    const looking = looks[i]!;
    delete looks[i];
    return looking;
  };
}

/** What the build reads of a story besides its frontmatter, from its checked body. */
function derive(slug: string, data: StoryData, html: string, site: string): KeptStory {
  const model = storyTextModel(data, html);
  const search: SearchSource = searchSource(
    {
      slug,
      date: isoDate(data.date, 'day'),
      precision: data.datePrecision,
      dateBasis: data.dateBasis,
      yearBasis: data.yearBasis,
      headlineDerived: data.headlineDerived,
      section: data.section,
      city: data.place.city,
      county: data.place.county,
    },
    model,
  );
  const url = site ? absoluteUrl(storyPath(slug), new URL(site)) : storyPath(slug);
  return {
    html,
    opening: storyOpening(model, CARD_OPENING_CHARS),
    search,
    dataLine: dataLine(storyDataRecord({ ...data, slug, url, paragraphs: model.paragraphs })),
    references: storyReferenceFiles(slug, data, url),
  };
}

/** Why a file could not be read, in plain words (an unexpected error keeps its code). */
function readProblem(error: unknown): string {
  if (error instanceof StoryFileError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'the file cannot be read (no permission): let the build read it';
  if (code === 'ELOOP') return 'the file is a symbolic link: a story file must be a regular file in the folder';
  if (code) return `the file cannot be read (${code}: ${(error as Error).message})`;
  throw error;
}

/** The parts of a checked story the body checks read. */
interface CheckedStory {
  format: string;
  figures: { caption: string }[];
  editorNotes: { text: string; anchor?: string }[];
  source: { file: string };
}

/** Problems of a body, each starting `, line N: ` or `: ` to follow the file's name, and its HTML. */
async function checkBody(
  body: string,
  data: CheckedStory,
  path: string,
): Promise<{ problems: string[]; html: string }> {
  const characters = bodyCharacterProblems(body);
  if (characters.length > 0) return { problems: characters.map((problem) => `, ${problem}`), html: '' };
  let html: string;
  try {
    html = await renderBodyHtml(body, data, path);
  } catch (error) {
    if (!isBodyRefusal(error)) throw error;
    return { problems: [refusalText(error)], html: '' };
  }
  return { problems: renderedBodyProblems(data, htmlParagraphs(html)).map((problem) => `: ${problem}`), html };
}

/**
 * Why a source extract a story names cannot be published, or undefined: read like a story file
 * (a regular UTF-8 file of bounded size), as its lines are published on /sources/<file>/.
 */
async function sourceProblem(dir: string, file: string): Promise<string | undefined> {
  // src/data/sources.ts names a bad file name or a missing file with the story's field.
  if (!/^[\w.-]+\.txt$/.test(file)) return undefined;
  let text: string;
  try {
    text = decodeStoryText(await readStoryFile(join(dir, file)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return readProblem(error);
  }
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    const bad = forbiddenCharacter(line);
    if (bad) return `line ${i + 1} holds ${bad.description}; delete it`;
  }
  return undefined;
}
