/**
 * Writes the search index of the archive, in two steps, so that the first runs while Astro renders
 * the pages (src/search/build/integration.ts; `scripts/index-search.ts` runs both on their own):
 *
 * indexShards, from the stories the loader handed over (src/search/build/source.ts):
 * 1. Reads them, one JSON line each, and checks that no slug comes twice.
 * 2. Sorts them newest first (the archive's one order; a story's number is its place in it) and
 *    cuts them into shards of SEARCH_SHARD_SIZE (default 2,000) counted from the oldest story, so
 *    that stories added to the archive only change its newest shard (or start a new one); the
 *    shards are listed newest first.
 * 3. Builds each shard in its own process (src/search/build/shard.ts), SEARCH_JOBS at a time, so
 *    memory stays bounded however large the archive grows, in a work folder beside the source,
 *    where it stays for the next build: a shard whose stories, settings and code
 *    (src/data/build-cache.ts codeVersion) are unchanged is reused, not built again.
 *
 * writeSearchIndex, into the built site:
 * 4. Checks there is one indexed story per story page: none is silently left out of search.
 * 5. Merges the shards' Pagefind indexes into one bundle (./pagefind.ts), their
 *    text parts into dist/excerpts/, their words into the lexicon, and writes what each result
 *    shows, each shard's filter values and the stories' dates (dist/lexicon-files/<id>/), with the
 *    繁體 = 简体 fold table every shard folded with (fold.bin, src/search/core/fold-table.ts), and
 *    the manifest that names it all (dist/lexicon.json), which lists the characters the table folds.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { searchTextPartPath } from '../../lib/urls.ts';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { CITIES } from '../../lib/places.ts';
import { SECTIONS } from '../../lib/taxonomy.ts';
import type { SearchManifest, ShardInfo } from '../core/lexicon.ts';
import { dateRuns } from '../core/date-range.ts';
import { DEFAULT_RARE_LIMIT, gzip, writeLexicon, type ShardWords } from './lexicon.ts';
import { codeVersion, placeKeptFile } from '../../data/build-cache.ts';
import { storyPageCount } from '../../data/story-pages.ts';
import { CHUNK_SIZE_ENV, MAX_SHARDS, mergeShards, shardName } from './pagefind.ts';
import { openccFoldTable } from './opencc.ts';
import { serializeFoldTable } from '../core/fold-table.ts';
import { foldableList } from '../core/fold.ts';
import type { ShardJob } from './shard.ts';

export interface IndexOptions {
  /** The stories handed over by the loader (JSON lines, src/search/build/source.ts). */
  source: string;
  /** Where shards are built and kept for the next build (a folder per shard, named by what it holds). */
  workDir: string;
  shardSize: number;
  jobs: number;
  /** Pagefind's index chunk size: a search downloads the chunks holding its words. */
  chunkSize: number;
  rareLimit: number;
}

/** Settings from the environment: SEARCH_SHARD_SIZE, SEARCH_JOBS, SEARCH_CHUNK_SIZE, SEARCH_RARE_LIMIT. */
export function indexOptions(source: string, env: NodeJS.ProcessEnv = process.env): IndexOptions {
  const shardSize = Number(env.SEARCH_SHARD_SIZE ?? 2000);
  const options: IndexOptions = {
    source,
    workDir: join(dirname(source), 'search-shards'),
    shardSize,
    // A 2,000-story shard peaks near 2.5 GB (Node + Pagefind's binary): as many at once as memory
    // and cores allow, at least one.
    jobs: Number(
      env.SEARCH_JOBS ?? Math.max(1, Math.min(availableParallelism(), Math.floor(totalmem() / 2 ** 30 / 4))),
    ),
    // Pagefind's default, 20,000, makes a search of a common word fetch ~25 KB per word; smaller
    // chunks cost a larger list of chunks, fetched once per shard.
    chunkSize: Number(env.SEARCH_CHUNK_SIZE ?? 2500),
    rareLimit: Number(env.SEARCH_RARE_LIMIT ?? DEFAULT_RARE_LIMIT),
  };
  for (const key of ['shardSize', 'jobs', 'chunkSize'] as const) {
    if (!(options[key] >= 1))
      throw new Error('SEARCH_SHARD_SIZE, SEARCH_JOBS and SEARCH_CHUNK_SIZE must be positive numbers');
  }
  if (!(options.rareLimit >= 0)) throw new Error('SEARCH_RARE_LIMIT must be a number, 0 or more');
  return options;
}

/** Where each handed-over story's line lies in the source file, with its slug and date. */
interface SourceLine {
  slug: string;
  date: string;
  precision: 'day' | 'month';
  start: number;
  end: number;
}

/** Reads the source file's lines without holding it whole (it is about 7 KB a story). */
function sourceLines(file: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const fd = openSync(file, 'r');
  const chunk = Buffer.alloc(1 << 24);
  let carry = Buffer.alloc(0);
  let offset = 0;
  try {
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      const data = Buffer.concat([carry, chunk.subarray(0, read)]);
      let at = 0;
      for (let nl = data.indexOf(10, at); nl >= 0; nl = data.indexOf(10, at)) {
        // source.ts writes slug, date and precision first.
        const head = /^\{"slug":"((?:[^"\\]|\\.)*)","date":"(\d{4}-\d{2}-\d{2})","precision":"(day|month)"/.exec(
          data.subarray(at, Math.min(nl, at + 400)).toString(),
        );
        if (!head) throw new Error(`${file}: line ${lines.length + 1} is not a story from the loader`);
        lines.push({
          slug: head[1]!,
          date: head[2]!,
          precision: head[3] as SourceLine['precision'],
          start: offset + at,
          end: offset + nl + 1,
        });
        at = nl + 1;
      }
      offset += at;
      carry = Buffer.from(data.subarray(at));
    }
  } finally {
    closeSync(fd);
  }
  return lines;
}

interface ShardReport {
  name: string;
  stories: number;
  totalSeconds: number;
  peakRssMB: number;
  storiesHash: string;
}

function runShard(jobFile: string, dir: string, chunkSize: number): Promise<ShardReport> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./shard.ts', import.meta.url)), jobFile, dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, [CHUNK_SIZE_ENV]: String(chunkSize) },
    });
    // A build that fails while pages render exits at once: its shards must not outlive it.
    const stop = () => child.kill();
    process.on('exit', stop);
    child.on('exit', () => process.off('exit', stop));
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`search shard ${jobFile} failed (exit ${code})`));
      try {
        done(JSON.parse(out.trim().split('\n').pop()!) as ShardReport);
      } catch {
        fail(new Error(`search shard ${jobFile} printed no report: ${out}`));
      }
    });
  });
}

export interface IndexFigures {
  stories: number;
  shards: number;
  /** Shards kept from the last build, not built again. */
  reused: number;
  shardSize: number;
  chunkSize: number;
  rareLimit: number;
  jobs: number;
  buckets: number;
  seconds: number;
  lexiconSeconds: number;
  maxShardRssMB: number;
}

/** The shards of the index, built and waiting to be merged into the site. */
export interface ShardedIndex {
  options: IndexOptions;
  lines: SourceLine[];
  shards: Shard[];
  reports: ShardReport[];
  reused: number;
  foldTable: string;
  table: ReturnType<typeof openccFoldTable>['table'];
  sections: string[];
  places: string[];
  started: number;
}

/** A shard folder's report, written when the shard is complete. */
const DONE = 'done.json';

/** A shard of the index: which stories (newest first from archive number `first`), and its folder. */
interface Shard extends ShardInfo {
  first: number;
  dir: string;
  job: string;
}

/** Steps 1–3: the shards of every story handed over, built in their own processes (or kept from the last build). */
export async function indexShards(options: IndexOptions): Promise<ShardedIndex> {
  const { shardSize, jobs, chunkSize, rareLimit } = options;
  const started = performance.now();
  if (!existsSync(options.source))
    throw new Error(
      `search index: no stories at ${options.source} (the story loader, src/loaders/stories.ts, writes them)`,
    );
  const lines = sourceLines(options.source);
  if (lines.length === 0) throw new Error('search index: the loader handed over no stories');
  const slugs = new Set<string>();
  for (const line of lines) {
    if (slugs.has(line.slug)) throw new Error(`search index: story ${line.slug} was handed over twice`);
    slugs.add(line.slug);
  }
  // Newest first by date, ties by slug. A month-only date is its month's first day here: this order
  // only cuts shards and numbers results; no page shows it.
  lines.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.slug.localeCompare(b.slug)));

  const sections = [...SECTIONS];
  const places = CITIES.map((city) => city.slug);
  // One table for the whole build, handed to every shard and shipped to the search page.
  const { table } = openccFoldTable();
  const foldTable = serializeFoldTable(table);
  const work = options.workDir;
  const jobsDir = join(work, 'jobs');
  rmSync(jobsDir, { recursive: true, force: true });
  mkdirSync(jobsDir, { recursive: true });
  const version = codeVersion();
  const blocks = Math.ceil(lines.length / shardSize);
  if (blocks > MAX_SHARDS) throw new Error(`more than ${MAX_SHARDS} shards: raise SEARCH_SHARD_SIZE`);
  const shards: Shard[] = [];
  const toBuild: Shard[] = [];
  const fd = openSync(options.source, 'r');
  try {
    // Block b holds the archive's stories b·size … (b+1)·size − 1 counted from the oldest; listed newest first.
    for (let block = blocks - 1; block >= 0; block--) {
      const first = Math.max(0, lines.length - (block + 1) * shardSize);
      const members = lines.slice(first, lines.length - block * shardSize);
      const name = shardName(block);
      const job = { name, sections, places, rareLimit, foldTable };
      const hash = createHash('sha256').update(JSON.stringify({ version, job, chunkSize }));
      const bytes = members.map((line) => {
        const data = Buffer.alloc(line.end - line.start);
        readSync(fd, data, 0, data.length, line.start);
        hash.update(data);
        return data;
      });
      const dir = join(work, `${name}-${hash.digest('hex').slice(0, 16)}`);
      const shard: Shard = {
        name,
        stories: members.length,
        newest: members[0]!.date,
        oldest: members.at(-1)!.date,
        first,
        dir,
        job: join(jobsDir, `${name}.json`),
      };
      shards.push(shard);
      if (existsSync(join(dir, DONE))) continue;
      rmSync(dir, { recursive: true, force: true });
      const source = join(jobsDir, `${name}.jsonl`);
      writeFileSync(source, Buffer.concat(bytes));
      writeFileSync(shard.job, JSON.stringify({ ...job, source } satisfies ShardJob));
      toBuild.push(shard);
    }
  } finally {
    closeSync(fd);
  }
  // Shard folders of earlier builds that no shard of this one is: their stories changed or left.
  const kept = new Set(shards.map((shard) => shard.dir));
  for (const entry of readdirSync(work))
    if (entry !== 'jobs' && !kept.has(join(work, entry))) rmSync(join(work, entry), { recursive: true, force: true });

  const queue = [...toBuild];
  await Promise.all(
    Array.from({ length: Math.min(jobs, toBuild.length) }, async () => {
      for (let shard = queue.shift(); shard; shard = queue.shift()) {
        const report = await runShard(shard.job, shard.dir, chunkSize);
        // Written last: a folder without it (a build killed halfway) is built again.
        writeFileSync(join(shard.dir, DONE), JSON.stringify(report));
      }
    }),
  );
  rmSync(jobsDir, { recursive: true, force: true });
  const reports = shards.map((shard) => JSON.parse(readFileSync(join(shard.dir, DONE), 'utf8')) as ShardReport);
  const indexed = reports.reduce((sum, r) => sum + r.stories, 0);
  if (indexed !== lines.length)
    throw new Error(`search index holds ${indexed} stories, but ${lines.length} were handed over`);
  return {
    options,
    lines,
    shards,
    reports,
    reused: shards.length - toBuild.length,
    foldTable,
    table,
    sections,
    places,
    started,
  };
}

/** Steps 4–5: the shards merged into the built site at `outDir`. */
export function writeSearchIndex(sharded: ShardedIndex, outDir: string): IndexFigures {
  const { options, lines, shards, reports, reused, foldTable, table, sections, places, started } = sharded;
  const { shardSize, jobs, chunkSize, rareLimit } = options;
  const pages = storyPageCount(outDir);
  // "One story page = one indexed story": no story is silently left out of search.
  if (lines.length !== pages)
    throw new Error(`search index: the loader handed over ${lines.length} stories, but there are ${pages} story pages`);
  const indexed = lines.length;

  const version = mergeShards(
    shards.map((s) => s.dir),
    outDir,
  );
  // Text parts are named by their story's text: one folder for every build.
  const textDir = join(outDir, dirname(searchTextPartPath('x', 1)).slice(1));
  rmSync(textDir, { recursive: true, force: true });
  mkdirSync(textDir, { recursive: true });
  // Linked (or copied), not moved: the shard folders stay for the next build.
  for (const shard of shards)
    for (const file of readdirSync(join(shard.dir, 'text')))
      placeKeptFile(join(shard.dir, 'text', file), join(textDir, file));

  // The lexicon and what results show, in a folder named by a hash of it all (served immutable),
  // and the manifest that names it (revalidated): a reader mid-search never mixes two builds.
  const lexiconStarted = performance.now();
  rmSync(join(outDir, 'lexicon-files'), { recursive: true, force: true });
  const staging = join(outDir, 'lexicon-files', '.staging');
  const lexicon = writeLexicon(
    join(staging, 'b'),
    (function* () {
      for (const shard of shards)
        yield {
          words: JSON.parse(readFileSync(join(shard.dir, 'lexicon.json'), 'utf8')) as ShardWords,
          first: shard.first,
        };
    })(),
    rareLimit,
  );
  mkdirSync(join(staging, 's'));
  mkdirSync(join(staging, 'f'));
  // Each story's date, for date ranges (src/search/core/date-range.ts), fetched only by a search with one.
  const datesJson = JSON.stringify(
    dateRuns(lines.map((line) => (line.precision === 'month' ? line.date.slice(0, 7) : line.date))),
  );
  writeFileSync(join(staging, 'dates.bin'), gzip(datesJson));
  shards.forEach((shard, i) => {
    // A shard numbers its stories from 0: here they get their archive numbers.
    for (const file of readdirSync(join(shard.dir, 'stories')))
      placeKeptFile(
        join(shard.dir, 'stories', file),
        join(staging, 's', `${shard.first + Number.parseInt(file, 10)}.bin`),
      );
    placeKeptFile(join(shard.dir, 'facets.bin'), join(staging, 'f', `${i}.bin`));
  });
  writeFileSync(join(staging, 'fold.bin'), gzip(foldTable));
  const listed: ShardInfo[] = shards.map((s) => ({
    name: s.name,
    stories: s.stories,
    newest: s.newest,
    oldest: s.oldest,
  }));
  const byName = new Map(reports.map((r) => [r.name, r.storiesHash]));
  const foldable = foldableList(table);
  const id = createHash('sha256')
    .update(
      JSON.stringify({
        lexicon: lexicon.hash,
        stories: shards.map((s) => byName.get(s.name)),
        listed,
        rareLimit,
        sections,
        places,
        version,
        datesJson,
        foldTable,
      }),
    )
    .digest('hex')
    .slice(0, 16);
  renameSync(staging, join(outDir, 'lexicon-files', id));
  const manifest: SearchManifest = {
    id,
    stories: indexed,
    buckets: lexicon.buckets,
    rareLimit,
    sections,
    places,
    shards: listed,
    foldable,
  };
  writeFileSync(join(outDir, 'lexicon.json'), JSON.stringify(manifest));
  const lexiconSeconds = (performance.now() - lexiconStarted) / 1000;

  return {
    stories: indexed,
    shards: shards.length,
    reused,
    shardSize,
    chunkSize,
    rareLimit,
    jobs,
    buckets: lexicon.buckets,
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    lexiconSeconds: Number(lexiconSeconds.toFixed(1)),
    maxShardRssMB: Math.max(...reports.map((r) => r.peakRssMB)),
  };
}

/** Both steps at once, for a site built already (scripts/index-search.ts, tests). */
export async function buildSearchIndex(options: IndexOptions, outDir: string): Promise<IndexFigures> {
  return writeSearchIndex(await indexShards(options), outDir);
}
