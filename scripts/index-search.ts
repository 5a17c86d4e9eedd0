/**
 * Builds the search index of a built site on its own (the search integration does it at the end
 * of `astro build`): `node scripts/index-search.ts [--json]`, for a copy of the output folder
 * re-indexed with other settings (tests, benchmarks). Reads the stories the last build's loader handed over.
 *
 * Env: ARCHIVE_OUT_DIR (dist), ARCHIVE_CACHE_DIR (node_modules/.astro), ARCHIVE_SEARCH_SOURCE
 * (the recorded stories, default: in the cache folder), ARCHIVE_SEARCH_WORK_DIR (where shards are
 * built and kept; default: a temporary folder, removed after, so a re-index never touches the
 * build's own shards), and the SEARCH_* settings of src/search/build/index.ts. Prints one line of
 * figures; with --json, that line is JSON.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSearchIndex, indexOptions } from '../src/search/build/index.ts';
import { searchSourceFile } from '../src/search/build/source.ts';

const outDir = resolve(process.env.ARCHIVE_OUT_DIR ?? 'dist');
const source =
  process.env.ARCHIVE_SEARCH_SOURCE ??
  searchSourceFile(resolve(process.env.ARCHIVE_CACHE_DIR ?? 'node_modules/.astro'));
const workDir = process.env.ARCHIVE_SEARCH_WORK_DIR ?? mkdtempSync(join(tmpdir(), 'search-shards-'));
const figures = await buildSearchIndex({ ...indexOptions(source), workDir }, outDir).finally(() => {
  if (!process.env.ARCHIVE_SEARCH_WORK_DIR) rmSync(workDir, { recursive: true, force: true });
});
console.log(
  process.argv.includes('--json')
    ? JSON.stringify(figures)
    : `Search index: ${figures.stories} stories in ${figures.shards} shard(s) of ≤${figures.shardSize}, ${figures.seconds} s`,
);
