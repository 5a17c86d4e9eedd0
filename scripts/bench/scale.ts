/**
 * `npm run bench:scale -- N`: builds a temporary archive of N synthetic stories
 * (scripts/bench/synthetic.ts), indexes it, and reports build and index seconds, peak memory
 * (RSS of the largest process), the size of dist/ and of the search index, and, in Chromium
 * through the search page, the bytes and milliseconds of a first and of a later search (their
 * first results: the newest shard) and of each query over the whole archive (?scope=all).
 * It also checks that, over the whole archive, the queries find exactly the stories whose text
 * contains them. Like `npm run build`, it precompresses scripts and styles (timed on its own).
 * The archive lives in the system temp folder and is removed afterwards (--keep keeps it);
 * figures are also written to .bench/scale-N.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMeasured } from './process-tree.ts';
import { writeSyntheticArchive, type SyntheticStory } from './synthetic.ts';

const count = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 1000);
const keep = process.argv.includes('--keep');
/** Queries checked against a plain substring scan; the first two are also the timed searches. */
const QUERIES = ['营商环境', '高新区', '15万吨', '招商 项目', '一件事一次办', '上海'];

const MB = 2 ** 20;
const kB = (bytes = 0): number => Math.round(bytes / 1024);
const root = mkdtempSync(join(tmpdir(), `archive-scale-${count}-`));
const env = {
  ARCHIVE_STORIES_DIR: join(root, 'stories'),
  ARCHIVE_OUT_DIR: join(root, 'dist'),
  ARCHIVE_CACHE_DIR: join(root, 'cache'),
};

/** Bytes under a folder. */
function sizeOf(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? sizeOf(path) : statSync(path).size;
  }
  return total;
}

/** How many stories hold every term as a substring: the answer search must give. */
function expectedCount(stories: readonly SyntheticStory[], query: string): number {
  const terms = query.split(/\s+/).filter(Boolean);
  return stories.filter((s) => {
    const text = [s.kicker, s.headline, ...s.paragraphs, '合成稿件'].join('\n');
    return terms.every((term) => text.includes(term));
  }).length;
}

try {
  console.error(`writing ${count} synthetic stories to ${root}`);
  const stories = writeSyntheticArchive(env.ARCHIVE_STORIES_DIR, count);

  console.error('building (astro build)…');
  const build = await runMeasured(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], env);
  console.error('indexing (scripts/index-search.ts)…');
  const index = await runMeasured(process.execPath, ['scripts/index-search.ts', '--json'], env);
  console.error('precompressing (scripts/precompress.ts)…');
  const precompress = await runMeasured(process.execPath, ['scripts/precompress.ts'], env);

  console.error('searching in Chromium…');
  const searches = spawnSync(process.execPath, ['scripts/bench/search.ts', ...QUERIES], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (searches.status !== 0) throw new Error(`search benchmark failed:\n${searches.stderr}`);
  const runs = searches.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { phase: string; query?: string; status?: string; ms?: number; bytes: { total: number; body: number } });
  const searchRuns = runs.filter((run) => run.phase === 'first search' || run.phase === 'later search');
  const wholeRuns = runs.filter((run) => run.phase === 'whole archive');
  const exactness = wholeRuns.map((run) => {
    const found = Number(/找到\s*([\d,]+)\s*篇/.exec(run.status ?? '')?.[1]?.replace(/,/g, '') ?? 0);
    return { query: run.query!, found, expected: expectedCount(stories, run.query!) };
  });

  const report = {
    stories: count,
    buildSeconds: Number(build.seconds.toFixed(1)),
    indexSeconds: Number(index.seconds.toFixed(1)),
    totalSeconds: Number((build.seconds + index.seconds).toFixed(1)),
    precompressSeconds: Number(precompress.seconds.toFixed(1)),
    peakRssMB: Math.round(Math.max(build.peakRssBytes, index.peakRssBytes) / MB),
    buildPeakRssMB: Math.round(build.peakRssBytes / MB),
    indexPeakRssMB: Math.round(index.peakRssBytes / MB),
    distMB: Number((sizeOf(env.ARCHIVE_OUT_DIR) / MB).toFixed(1)),
    indexMB: Number((sizeOf(join(env.ARCHIVE_OUT_DIR, 'pagefind')) / MB).toFixed(1)),
    msPerStory: Number((((build.seconds + index.seconds) * 1000) / count).toFixed(2)),
    kBPerStory: Number((sizeOf(env.ARCHIVE_OUT_DIR) / 1024 / count).toFixed(1)),
    // kB: bodies and HTTP/1.1 response headers; bodyKB: bodies only.
    firstSearch: { query: searchRuns[0]?.query, kB: kB(searchRuns[0]?.bytes.total), bodyKB: kB(searchRuns[0]?.bytes.body), ms: searchRuns[0]?.ms },
    laterSearches: searchRuns.slice(1).map((run) => ({ query: run.query, kB: kB(run.bytes.total), bodyKB: kB(run.bytes.body), ms: run.ms })),
    firstResults: searchRuns.map((run) => ({ query: run.query, status: run.status })),
    wholeArchive: wholeRuns.map((run) => ({ query: run.query, kB: kB(run.bytes.total), bodyKB: kB(run.bytes.body), ms: run.ms })),
    exact: exactness.every((e) => e.found === e.expected),
    exactness,
  };
  mkdirSync('.bench', { recursive: true });
  writeFileSync(`.bench/scale-${count}.json`, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
  if (!report.exact) process.exitCode = 1;
} finally {
  if (!keep) rmSync(root, { recursive: true, force: true });
  else console.error(`kept ${root}`);
}
