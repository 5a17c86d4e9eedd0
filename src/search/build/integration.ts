/**
 * The search index as part of `astro build`: before pages render, it names the file where each
 * story page records its text (src/search/build/collect.ts); when the build is done, it builds
 * the index from those records into the output folder (src/search/build/index.ts). A failure
 * fails the build, which then leaves the last good site in place (scripts/build.ts).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SOURCE_ENV } from './collect.ts';
import { buildSearchIndex, indexOptions } from './index.ts';

/** Where a build's recorded stories are kept (in Astro's cache folder, so they never ship). */
export const searchSourceFile = (cacheDir: string): string => join(cacheDir, 'search-source.jsonl');

export function searchIndex(): AstroIntegration {
  let source = '';
  return {
    name: 'archive-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        source = searchSourceFile(fileURLToPath(config.cacheDir));
      },
      'astro:build:start': () => {
        rmSync(source, { force: true });
        process.env[SOURCE_ENV] = source;
      },
      'astro:build:done': async ({ dir, logger }) => {
        delete process.env[SOURCE_ENV];
        const figures = await buildSearchIndex(indexOptions(fileURLToPath(dir), source));
        logger.info(`${figures.stories} stories in ${figures.shards} shard(s), ${figures.buckets} lexicon buckets, ${figures.seconds} s`);
      },
    },
  };
}
