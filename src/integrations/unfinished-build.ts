/**
 * Keeps Astro's page cache (experimental.incrementalBuild) from outliving a build that stopped
 * halfway. Astro rewrites a page's cached copy as it renders it but its list of cache keys only at
 * the end, so after a build killed or failed mid-render a copy may not match its key. A mark in the
 * cache folder says a build is under way: a build that finds it (the last one never finished)
 * drops the page cache first, and so renders every page. What the archive keeps itself (story
 * texts, QR codes, search shards) is written whole or not at all and needs no such care.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's page cache in its cache folder (node_modules/astro/dist/core/build/incremental.js). */
const PAGE_CACHE = ['incremental-build.json', 'dist'];

export function unfinishedBuild(): AstroIntegration {
  let cacheDir = '';
  const mark = () => join(cacheDir, 'build-under-way');
  return {
    name: 'archive-unfinished-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': ({ logger }) => {
        if (existsSync(mark())) {
          logger.warn('the last build did not finish: its page cache is dropped, and every page is rendered');
          for (const name of PAGE_CACHE) rmSync(join(cacheDir, name), { recursive: true, force: true });
        }
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(mark(), `${process.pid}\n`);
      },
      // Listed last in astro.config.mjs: every other step of the build is done.
      'astro:build:done': () => {
        rmSync(mark(), { force: true });
      },
    },
  };
}
