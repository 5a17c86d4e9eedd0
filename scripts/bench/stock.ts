/**
 * The stock site bench:scale compares the archive with (issue 19): the same story files built by a
 * bare Astro site (scripts/bench/stock-site/: the glob loader, Astro's own Markdown rendering, one
 * page a story with lang="zh-CN") and indexed by stock Pagefind's CLI with its defaults.
 */
import { join } from 'node:path';
import { runMeasured } from './process-tree.ts';

export interface StockFigures {
  buildSeconds: number;
  indexSeconds: number;
  totalSeconds: number;
  peakRssMB: number;
}

/** Builds and indexes the stock site of `storiesDir` under `root`. */
export async function buildStockSite(storiesDir: string, root: string): Promise<StockFigures> {
  const outDir = join(root, 'stock-dist');
  const env = { STOCK_STORIES_DIR: storiesDir, STOCK_OUT_DIR: outDir, STOCK_CACHE_DIR: join(root, 'stock-cache') };
  const build = await runMeasured(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'build', '--root', 'scripts/bench/stock-site'],
    env,
  );
  const index = await runMeasured(
    process.execPath,
    ['node_modules/pagefind/lib/runner/bin.cjs', '--site', outDir],
    env,
  );
  return {
    buildSeconds: Number(build.seconds.toFixed(1)),
    indexSeconds: Number(index.seconds.toFixed(1)),
    totalSeconds: Number((build.seconds + index.seconds).toFixed(1)),
    peakRssMB: Math.round(Math.max(build.peakRssBytes, index.peakRssBytes) / 2 ** 20),
  };
}
