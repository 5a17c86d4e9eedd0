/**
 * `npm run bench:scale -- N`: builds a temporary archive of N synthetic stories
 * (scripts/bench/synthetic.ts: recombined sentences plus rare vocabulary), indexes it, and reports
 * build and index seconds, peak memory (RSS of the largest process), the size of dist/ and of the
 * search index, and, in Chromium through the search page, bytes and milliseconds of each query on
 * a fresh page (until its first results show and until its count is exact) and of a rare term
 * typed later on the first query's page (scripts/bench/search.ts).
 * The queries are picked from the generated archive by their true story counts, a plain scan of
 * the story files (scripts/bench/queries.ts): rare (≤ 20 stories), medium (hundreds) and common
 * terms, a multi-term query and one with no hits. Every query's final count must equal the scan
 * (the exit code is 1 otherwise). It also builds the same stories as a stock site (a bare Astro
 * page each, stock Pagefind: scripts/bench/stock.ts) and reports ours ÷ stock. Like `npm run build`, it precompresses scripts and styles (timed on its own).
 * --no-stock skips the stock site (stock Pagefind's memory grows with the archive: it peaked at 8.7 GB
 * at 10,000 stories, so at 100,000 it is not tried on a 24 GB machine).
 * The archive lives in the system temp folder and is removed afterwards (--keep keeps it);
 * figures are also written to .bench/scale-N.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMeasured } from './process-tree.ts';
import {
  candidateTerms,
  characterShares,
  countStories,
  pickQueries,
  tallyItems,
  COMMON_QUERIES,
  MULTI_TERM_QUERY,
  ZERO_CANDIDATES,
  type PickedQuery,
} from './queries.ts';
import { writeSyntheticArchive } from './synthetic.ts';
import { buildStockSite } from './stock.ts';

const count = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 1000);
const keep = process.argv.includes('--keep');
const withStock = !process.argv.includes('--no-stock');

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

interface SearchRun {
  phase: 'fresh' | 'later';
  query: string;
  status: string;
  count: number;
  complete: boolean;
  firstMs: number;
  exactMs: number;
  bytes: Record<string, number>;
}

/** A search run as the report shows it: kB by kind of file (bodies and HTTP/1.1 headers), bodyKB bodies only. */
const figures = (run: SearchRun | undefined) =>
  run && {
    kB: kB(run.bytes.total),
    bodyKB: kB(run.bytes.body),
    firstMs: run.firstMs,
    exactMs: run.exactMs,
    complete: run.complete,
    found: run.count,
    byKindKB: Object.fromEntries(
      Object.entries(run.bytes)
        .filter(([k]) => !['total', 'body', 'headers', 'requests'].includes(k))
        .map(([k, v]) => [k, kB(v)]),
    ),
    requests: run.bytes.requests,
  };

try {
  console.error(`writing ${count} synthetic stories to ${root}`);
  const generation = performance.now();
  const stories = writeSyntheticArchive(env.ARCHIVE_STORIES_DIR, count);
  const writeSeconds = (performance.now() - generation) / 1000;
  console.error(`picking queries by their story counts (plain scan)…`);
  const shares = characterShares(env.ARCHIVE_STORIES_DIR);
  const candidates = candidateTerms(tallyItems(stories), shares, count);
  const counts = countStories(env.ARCHIVE_STORIES_DIR, [
    ...candidates,
    ...COMMON_QUERIES,
    MULTI_TERM_QUERY,
    ...ZERO_CANDIDATES,
  ]);
  const picked = pickQueries(counts, shares, count);
  const all: PickedQuery[] = [...picked.fresh, picked.later];

  console.error('building (astro build, with the search index)…');
  const build = await runMeasured(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], env);
  // The search integration's line: "… N stories in S shard(s) (R reused), B lexicon buckets, X s (Y s of it after the pages)".
  const indexed =
    /(\d+) stories in (\d+) shard\(s\) \(\d+ reused\), (\d+) lexicon buckets, ([\d.]+) s \(([\d.]+) s of it after the pages\)/.exec(
      build.output,
    );
  if (!indexed) throw new Error(`no search index figures in the build's output:\n${build.output.slice(-2000)}`);
  const index = {
    seconds: Number(indexed[4]),
    shards: Number(indexed[2]),
    buckets: Number(indexed[3]),
    afterPagesSeconds: Number(indexed[5]),
  };
  console.error('precompressing (scripts/precompress.ts)…');
  const precompress = await runMeasured(process.execPath, ['scripts/precompress.ts'], env);

  let stock = null;
  if (withStock) {
    console.error('building the same stories as a stock Astro + Pagefind site (scripts/bench/stock.ts)…');
    stock = await buildStockSite(env.ARCHIVE_STORIES_DIR, root);
  }

  console.error('searching in Chromium…');
  const searches = spawnSync(
    process.execPath,
    ['scripts/bench/search.ts', `--later=${picked.later.query}`, ...picked.fresh.map((q) => q.query)],
    {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    },
  );
  if (searches.status !== 0) throw new Error(`search benchmark failed:\n${searches.stderr}`);
  const runs = searches.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as SearchRun);
  const run = (phase: SearchRun['phase'], query: string) => runs.find((r) => r.phase === phase && r.query === query);
  const queries = all.map((q) => {
    const phase: SearchRun['phase'] = q === picked.later ? 'later' : 'fresh';
    const checked = run(phase, q.query);
    return {
      ...q,
      phase,
      exact: checked?.count === q.count,
      ...figures(run(phase, q.query)),
    };
  });

  const report = {
    stories: count,
    writeSeconds: Number(writeSeconds.toFixed(1)),
    // astro build includes the search index (src/search/build/integration.ts), which runs while
    // the pages render: indexSeconds overlap buildSeconds; indexAfterPagesSeconds is what the
    // index adds once the pages are done (waiting for shards, then merging).
    totalSeconds: Number(build.seconds.toFixed(1)),
    buildSeconds: Number((build.seconds - index.afterPagesSeconds).toFixed(1)),
    indexSeconds: Number(index.seconds.toFixed(1)),
    indexAfterPagesSeconds: index.afterPagesSeconds,
    // The same stories as a bare Astro site indexed by stock Pagefind (lang="zh-CN"), and ours ÷ stock.
    stock,
    ratioToStock: stock ? Number((build.seconds / stock.totalSeconds).toFixed(2)) : null,
    shards: index.shards,
    buckets: index.buckets,
    precompressSeconds: Number(precompress.seconds.toFixed(1)),
    peakRssMB: Math.round(build.peakRssBytes / MB),
    distMB: Number((sizeOf(env.ARCHIVE_OUT_DIR) / MB).toFixed(1)),
    indexMB: Number((sizeOf(join(env.ARCHIVE_OUT_DIR, 'pagefind')) / MB).toFixed(1)),
    lexiconMB: Number((sizeOf(join(env.ARCHIVE_OUT_DIR, 'lexicon-files')) / MB).toFixed(1)),
    msPerStory: Number(((build.seconds * 1000) / count).toFixed(2)),
    kBPerStory: Number((sizeOf(env.ARCHIVE_OUT_DIR) / 1024 / count).toFixed(1)),
    // Each query on a fresh page; the later one typed on the first query's page. kB: bodies and
    // HTTP/1.1 response headers; bodyKB: bodies only; firstMs: until the first result shows;
    // exactMs: until the count is exact (complete: the page said so with data-complete).
    queries: {
      rare: queries.filter((q) => q.kind === 'rare'),
      medium: queries.filter((q) => q.kind === 'medium'),
      common: queries.filter((q) => q.kind === 'common'),
    },
    exact: queries.every((q) => q.exact),
    mismatches: queries
      .filter((q) => !q.exact)
      .map((q) => ({ query: q.query, expected: q.count, found: run(q.phase, q.query)?.count })),
  };
  mkdirSync('.bench', { recursive: true });
  writeFileSync(`.bench/scale-${count}.json`, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
  if (!report.exact) process.exitCode = 1;
} finally {
  if (!keep) rmSync(root, { recursive: true, force: true });
  else console.error(`kept ${root}`);
}
