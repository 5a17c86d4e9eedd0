/**
 * Writes the exact-match search index of the built site to dist/pagefind/ (run by `npm run build`
 * after `astro build`). Design: README.md, "Search"; tokens: src/lib/search-tokens.ts.
 *
 * 1. Lists every story page, dist/stories/<slug>/index.html, and reads its slug and date.
 * 2. Sorts them newest first and cuts them into shards: the newest SEARCH_FIRST_SHARD_SIZE (default
 *    500) stories, then shards of SEARCH_SHARD_SIZE (default 2,000). A search starts with the
 *    first shard, so it is kept small: its size sets what a first result costs.
 * 3. Builds each shard in its own process (scripts/search/shard.ts), SEARCH_JOBS at a time, so
 *    memory stays bounded however large the archive grows.
 * 4. Merges the shards into one Pagefind bundle, each shard a "language" (qaa, qab, …), so the
 *    browser downloads pagefind.js, its worker and wasm once; pagefind/shards.json lists them
 *    with their story counts and dates. The search page searches the newest shard first and
 *    older ones as the reader asks (src/lib/search-scope.ts).
 * Fails loudly when the number of indexed stories differs from the number of story pages.
 *
 * Env: ARCHIVE_OUT_DIR (dist), SEARCH_SHARD_SIZE (2000), SEARCH_FIRST_SHARD_SIZE (500), SEARCH_JOBS (default: cores, at most one
 * per 4 GB of memory), SEARCH_CHUNK_SIZE (Pagefind's index chunk size, default 2500: see below).
 * Prints one line of figures; with --json, that line is JSON (for benchmarks).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { CITIES } from '../src/lib/places.ts';
import { SECTIONS } from '../src/lib/taxonomy.ts';
import { DEFAULT_RARE_LIMIT, writeLexicon, type ShardWords } from '../src/search/build/lexicon.ts';
import type { SearchManifest, ShardInfo } from '../src/search/core/lexicon.ts';
import { peekStory } from './search/extract.ts';

const outDir = resolve(process.env.ARCHIVE_OUT_DIR ?? 'dist');
const shardSize = Number(process.env.SEARCH_SHARD_SIZE ?? 2000);
const firstShardSize = Math.min(shardSize, Number(process.env.SEARCH_FIRST_SHARD_SIZE ?? 500));
// A 2,000-story shard peaks near 3 GB (Node + Pagefind's binary): as many at once as memory and
// cores allow, at least one.
const jobs = Number(process.env.SEARCH_JOBS ?? Math.max(1, Math.min(availableParallelism(), Math.floor(totalmem() / 2 ** 30 / 4))));
// Pagefind cuts a shard's word index into chunks of about this many (page, position) entries; a
// search downloads the chunks holding its words. Its default, 20,000, makes a search of a
// common word fetch ~25 KB per word; smaller chunks cost a larger pf_meta (their list), fetched
// once per shard. Read by the Pagefind binary from its environment (PAGEFIND_UNSTABLE_…).
const chunkSize = Number(process.env.SEARCH_CHUNK_SIZE ?? 2500);
/** A word in at most this many stories goes into the lexicon with its postings (src/search/core/lexicon.ts). */
const rareLimit = Number(process.env.SEARCH_RARE_LIMIT ?? DEFAULT_RARE_LIMIT);
const sections = [...SECTIONS];
const places = CITIES.map((city) => city.slug);
if (!(shardSize >= 1) || !(firstShardSize >= 1) || !(jobs >= 1) || !(chunkSize >= 1)) {
  throw new Error('SEARCH_SHARD_SIZE, SEARCH_FIRST_SHARD_SIZE, SEARCH_JOBS and SEARCH_CHUNK_SIZE must be positive numbers');
}

const started = performance.now();
const storiesDir = join(outDir, 'stories');
const pages = readdirSync(storiesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(storiesDir, entry.name, 'index.html')))
  .map((entry) => join(storiesDir, entry.name, 'index.html'));
if (pages.length === 0) throw new Error(`no story pages under ${storiesDir}`);

const stories = pages.map((file) => ({ file, ...peekStory(readFileSync(file, 'utf8'), file) }));
// The archive's one order: newest first, ties by slug (as src/lib/dates.ts compareNewestFirst).
stories.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.slug.localeCompare(b.slug)));

/** ISO 639 local-use codes qaa … qtz: 520 shards. */
const language = (i: number): string => `q${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`;
const work = join(outDir, '.search-shards');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const shards: (ShardInfo & { job: string; dir: string })[] = [];
for (let i = 0, start = 0; start < stories.length; i++) {
  if (i >= 520) throw new Error('more than 520 shards: raise SEARCH_SHARD_SIZE');
  const first = start;
  const members = stories.slice(start, (start += i === 0 ? firstShardSize : shardSize));
  const job = join(work, `${language(i)}.json`);
  writeFileSync(job, JSON.stringify({ files: members.map((s) => s.file), first, sections, places, rareLimit }));
  shards.push({
    language: language(i),
    stories: members.length,
    newest: members[0]!.date,
    oldest: members.at(-1)!.date,
    job,
    dir: join(work, language(i)),
  });
}

interface ShardReport {
  language: string;
  stories: number;
  totalSeconds: number;
  peakRssMB: number;
  storiesHash: string;
}

function buildShard(shard: (typeof shards)[number]): Promise<ShardReport> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve('scripts/search/shard.ts'), shard.job, shard.dir, shard.language], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(chunkSize) },
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`search shard ${shard.language} failed (exit ${code})`));
      try {
        done(JSON.parse(out.trim().split('\n').pop()!) as ShardReport);
      } catch {
        fail(new Error(`search shard ${shard.language} printed no report: ${out}`));
      }
    });
  });
}

const queue = [...shards];
const reports: ShardReport[] = [];
await Promise.all(
  Array.from({ length: Math.min(jobs, shards.length) }, async () => {
    for (let shard = queue.shift(); shard; shard = queue.shift()) reports.push(await buildShard(shard));
  }),
);

const indexed = reports.reduce((sum, r) => sum + r.stories, 0);
if (indexed !== pages.length) throw new Error(`search index holds ${indexed} stories, but there are ${pages.length} story pages`);

// Merge: every file name in a shard is hashed or language-prefixed, so shards never collide.
const bundle = join(outDir, 'pagefind');
rmSync(bundle, { recursive: true, force: true });
mkdirSync(bundle);
const entry: { version?: string | undefined; languages: Record<string, unknown>; include_characters?: unknown } = { languages: {} };
const UNUSED = /^pagefind-(component-ui|modular-ui|ui|highlight)\.|^pagefind-entry\.json$/;
for (const shard of shards) {
  const shardEntry = JSON.parse(readFileSync(join(shard.dir, 'pagefind-entry.json'), 'utf8')) as typeof entry;
  entry.version = shardEntry.version;
  entry.include_characters = shardEntry.include_characters;
  Object.assign(entry.languages, shardEntry.languages);
  for (const item of readdirSync(shard.dir, { withFileTypes: true })) {
    if (item.name === 'lexicon.json' || item.name === 'stories') continue;
    const from = join(shard.dir, item.name);
    if (item.isDirectory()) {
      mkdirSync(join(bundle, item.name), { recursive: true });
      for (const file of readdirSync(from)) renameSync(join(from, file), join(bundle, item.name, file));
    } else if (!UNUSED.test(item.name)) {
      renameSync(from, join(bundle, item.name));
    }
  }
}
writeFileSync(join(bundle, 'pagefind-entry.json'), JSON.stringify(entry));

// The lexicon and what results show, in a folder named by a hash of it all (served immutable),
// and the manifest that names it (revalidated): a reader mid-search never mixes two builds.
const lexiconStarted = performance.now();
const staging = join(outDir, 'search-index', '.staging');
rmSync(join(outDir, 'search-index'), { recursive: true, force: true });
const lexicon = writeLexicon(
  join(staging, 'b'),
  (function* () {
    for (const shard of shards) yield JSON.parse(readFileSync(join(shard.dir, 'lexicon.json'), 'utf8')) as ShardWords;
  })(),
  rareLimit,
);
mkdirSync(join(staging, 's'));
for (const shard of shards) {
  for (const file of readdirSync(join(shard.dir, 'stories'))) renameSync(join(shard.dir, 'stories', file), join(staging, 's', file));
}
const listed: ShardInfo[] = shards.map((s) => ({ language: s.language, stories: s.stories, newest: s.newest, oldest: s.oldest }));
const byLanguage = new Map(reports.map((r) => [r.language, r.storiesHash]));
const id = createHash('sha256')
  .update(JSON.stringify({ lexicon: lexicon.hash, stories: shards.map((s) => byLanguage.get(s.language)), listed, rareLimit, sections, places, version: entry.version }))
  .digest('hex')
  .slice(0, 16);
renameSync(staging, join(outDir, 'search-index', id));
const manifest: SearchManifest = { id, stories: indexed, buckets: lexicon.buckets, rareLimit, sections, places, shards: listed };
writeFileSync(join(outDir, 'search-index.json'), JSON.stringify(manifest));
const lexiconSeconds = (performance.now() - lexiconStarted) / 1000;
rmSync(work, { recursive: true, force: true });

const figures = {
  stories: indexed,
  shards: shards.length,
  firstShardSize,
  shardSize,
  chunkSize,
  jobs,
  seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  maxShardRssMB: Math.max(...reports.map((r) => r.peakRssMB)),
  lexiconSeconds: Number(lexiconSeconds.toFixed(1)),
  buckets: lexicon.buckets,
};
console.log(
  process.argv.includes('--json')
    ? JSON.stringify(figures)
    : `Search index: ${figures.stories} stories in ${figures.shards} shard(s) of ≤${shardSize}, ${figures.seconds} s`,
);
