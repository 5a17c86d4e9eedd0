/** The stories the last build of dist/ handed to the search index (src/search/build/source.ts). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SearchSource } from '../../src/search/build/source.ts';
import { searchSourceFile } from '../../src/search/build/source.ts';

export const RECORDED = searchSourceFile(resolve(process.env.ARCHIVE_CACHE_DIR ?? 'node_modules/.astro'));

export function recordedStories(file = RECORDED): SearchSource[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SearchSource);
}

export function recordedStory(slug: string): SearchSource {
  const story = recordedStories().find((s) => s.slug === slug);
  if (!story) throw new Error(`no recorded story ${slug}`);
  return story;
}
