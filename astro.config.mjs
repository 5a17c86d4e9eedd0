// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { storyQrCodes } from './src/integrations/story-qr-codes.ts';
import { archiveData } from './src/integrations/archive-data.ts';
import { storyReferences } from './src/integrations/story-references.ts';
import { storyMarkdownOptions } from './src/markdown/pipeline.ts';
import { archiveCacheDir } from './src/data/build-cache.ts';
import { DEFAULT_SITE_URL } from './src/lib/site.ts';
import { searchPath } from './src/lib/urls.ts';
import { searchIndex } from './src/search/build/integration.ts';
import { unfinishedBuild } from './src/integrations/unfinished-build.ts';

/** The archive's public address: the one place every absolute URL derives from. */
export const SITE_URL = process.env.SITE_URL ?? DEFAULT_SITE_URL;

export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  // Overridable so tests can build fixture archives side by side without sharing caches.
  outDir: process.env.ARCHIVE_OUT_DIR ?? './dist',
  cacheDir: archiveCacheDir(),
  // A slug used by two files must stop the build, not silently drop one story.
  prerenderConflictBehavior: 'error',
  build: {
    format: 'directory',
    // Pages rendered while earlier ones are written: rendering is one thread, but the file writes
    // (and each story's Markdown read) wait on the disk. 4 cut the time the build sat idle from 10 s
    // to 3 s at 2,000 stories; more buys nothing on one render thread.
    concurrency: 4,
    // Never inline CSS or scripts: public/_headers sends a strict CSP (no 'unsafe-inline').
    inlineStylesheets: 'never',
  },
  // The search page is a shell without results: not worth a crawler's visit.
  integrations: [
    sitemap({ filter: (page) => !new URL(page).pathname.startsWith(searchPath()) }),
    // Every story's qr.svg, written after the pages (cheaper than a route per story).
    storyQrCodes(),
    // Every story's .ris, .bib and .csl.json, from the texts the story loader kept (a route each cost 2 ms a file).
    storyReferences(),
    // /data/: every story as JSON and each month as JSON Lines, from the records the story loader keeps.
    archiveData(),
    // Builds the search index from the stories' text as the pages render it (src/search/).
    searchIndex(),
    // Last: a build that stops before this point leaves a mark, and the next renders every page.
    unfinishedBuild(),
  ],
  experimental: {
    // A page whose cacheKey (src/lib/cache-key.ts) and code are unchanged is copied from the last
    // build's output (kept in cacheDir), not rendered: a build costs what changed. A config or
    // lockfile change, or `npm run build -- --full`, renders every page.
    incrementalBuild: true,
  },
  // Story bodies are rendered by src/data/render.ts with this same pipeline.
  markdown: { processor: unified(storyMarkdownOptions) },
  vite: {
    plugins: [tailwindcss()],
    build: {
      // Astro inlines scripts below this size; 0 keeps every script in a file the CSP allows.
      assetsInlineLimit: 0,
    },
  },
});
