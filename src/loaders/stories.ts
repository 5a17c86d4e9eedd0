/**
 * Loads story files into the content store: validated frontmatter and the file's path, but not its
 * body. Astro bundles the whole store into one module, and with every body in it 100,000 stories
 * passed the largest string the bundler can hand to Node. Story pages render their own Markdown
 * (src/data/render.ts), and what listings show of a story comes from that render
 * (src/data/story-text.ts).
 *
 * Every file in the stories folder is a story or refused: a file that cannot be read, breaks the
 * schema or does not end in `.md` stops the build. All bad files are reported at once, one line
 * each, naming the file, the field and what is allowed.
 */
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { formatIssues } from '../lib/schema-issues.ts';
import { STORY_FIELDS } from '../lib/story-schema.ts';
import { decodeStoryText, splitStoryFile, StoryFileError } from '../lib/story-file.ts';

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

async function loadAll({ store, parseData, generateDigest }: LoaderContext, schema: z.ZodType, root: string, base: string): Promise<void> {
  const names = (await readdir(base, { recursive: true, withFileTypes: true }))
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(base, join(entry.parentPath, entry.name)))
    .filter((name) => !isNonStoryFile(name))
    .sort();
  /** Slug → file that claimed it: a second file with the same slug stops the build, never overwrites. */
  const owners = new Map<string, string>();
  const problems: string[] = [];
  const entries = [];
  for (const name of names) {
    const path = join(base, name);
    const filePath = relative(root, path);
    if (!name.endsWith('.md')) {
      problems.push(`${filePath}: not a story file: story files end in .md (lowercase); rename it or move it out of the stories folder`);
      continue;
    }
    const bytes = await readFile(path);
    let text: string;
    let frontmatter: Record<string, unknown>;
    try {
      text = decodeStoryText(bytes);
      ({ frontmatter } = splitStoryFile(text));
    } catch (error) {
      if (!(error instanceof StoryFileError)) throw error;
      problems.push(`${filePath}: ${error.message}`);
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
      problems.push(`${filePath}: field "slug" is "${slug}", already the slug of ${owner} (each story needs its own slug)`);
      continue;
    }
    owners.set(slug, filePath);
    entries.push({ slug, frontmatter, filePath, path, digest: generateDigest(text) });
  }
  if (problems.length > 0) {
    const count = problems.length === 1 ? 'A story file is' : `${problems.length} story files are`;
    throw new Error(`${count} not fit to publish:\n${problems.join('\n')}`);
  }
  const parsed = [];
  for (const { slug, frontmatter, filePath, path, digest } of entries) {
    parsed.push({ id: slug, data: await parseData({ id: slug, data: frontmatter, filePath: path }), filePath, digest });
  }
  store.clear();
  for (const entry of parsed) store.set(entry);
}
