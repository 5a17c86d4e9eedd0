/**
 * The search index as part of `astro build`. The story loader has handed over every story's text
 * before the build starts (src/search/build/source.ts), so the shards are built
 * (src/search/build/index.ts indexShards) while Astro renders the pages, in processes of their
 * own, on the cores Astro's single-threaded render leaves idle; when the pages are done they are
 * merged into the output folder (writeSearchIndex). A failure fails the build, which then leaves
 * the last good site in place (scripts/build.ts).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { searchSourceFile } from './source.ts';
import { indexOptions, indexShards, writeSearchIndex, type ShardedIndex } from './index.ts';

export function searchIndex(): AstroIntegration {
  let source = '';
  let sharding: Promise<ShardedIndex> | undefined;
  return {
    name: 'archive-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        source = searchSourceFile(fileURLToPath(config.cacheDir));
      },
      'astro:build:start': () => {
        sharding = indexShards(indexOptions(source));
        // Awaited in astro:build:done; a failure meanwhile must not count as unhandled.
        sharding.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const pagesDone = performance.now();
        const sharded = await sharding!;
        const waited = (performance.now() - pagesDone) / 1000;
        const figures = writeSearchIndex(sharded, fileURLToPath(dir));
        logger.info(
          `${figures.stories} stories in ${figures.shards} shard(s) (${figures.reused} reused), ${figures.buckets} lexicon buckets, ${figures.seconds} s ` +
            `(${waited.toFixed(1)} s of it after the pages)`,
        );
      },
    },
  };
}
