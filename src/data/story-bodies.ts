/**
 * Story bodies as HTML, kept from the loader's render (src/loaders/stories.ts renders every body
 * to check it) for the story pages, so a build renders each body once. Files are named by the
 * story file's digest: an edited file gets a new one, and a page never reads a stale body. They
 * live in Astro's cache folder (ARCHIVE_CACHE_DIR, as astro.config.mjs sets it) and never ship.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The folder of kept bodies for a cache folder. */
export const storyBodiesDir = (cacheDir: string): string => join(cacheDir, 'story-bodies');

/** The build's cache folder, as astro.config.mjs names it. */
export const archiveCacheDir = (env: NodeJS.ProcessEnv = process.env): string => resolve(env.ARCHIVE_CACHE_DIR ?? 'node_modules/.astro');

export function keepStoryBody(dir: string, digest: string, html: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${digest}.html`), html);
}

/** Drops the bodies of files that are no longer stories, or no longer read so. */
export function dropOtherStoryBodies(dir: string, digests: ReadonlySet<string>): void {
  for (const name of readdirSync(dir)) if (!digests.has(name.replace(/\.html$/, ''))) rmSync(join(dir, name), { force: true });
}

/** The kept body of a story file's digest, or undefined (none kept: render it). */
export function keptStoryBody(digest: string | undefined, dir = storyBodiesDir(archiveCacheDir())): string | undefined {
  if (!digest) return undefined;
  try {
    return readFileSync(join(dir, `${digest}.html`), 'utf8');
  } catch {
    return undefined;
  }
}
