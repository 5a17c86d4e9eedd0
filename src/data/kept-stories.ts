/**
 * What the story loader (src/loaders/stories.ts) works out of each story file, kept for the pages
 * and for the next build: the body rendered to HTML, the card opening the listings show, the
 * story's search source (src/search/build/source.ts), its data line (/data/) and its reference files. A build renders
 * each body once, and a later build renders only the files that changed: files are named by the
 * story's digest, which covers the file's bytes, the code that reads it (src/data/build-cache.ts
 * codeVersion) and the site's address. They live in the build's cache folder and never ship.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchSource } from '../search/build/source.ts';
import type { StoryReferenceFiles } from './story-references.ts';
import { archiveCacheDir } from './build-cache.ts';

/** One story file's derived text, as the loader kept it. */
export interface KeptStory {
  /** The body as HTML, checked. */
  html: string;
  /** What a listing's card shows of the text. */
  opening: string;
  search: SearchSource;
  /** The story's /data/ record, one line of JSON. */
  dataLine: string;
  /** Its files for reference managers (src/data/story-references.ts). */
  references: StoryReferenceFiles;
}

/** The folder of kept stories for a cache folder. */
export const keptStoriesDir = (cacheDir: string): string => join(cacheDir, 'kept-stories');

const fileOf = (dir: string, digest: string): string => join(dir, `${digest}.json`);

/** Keeps a story's derived text, whole or not at all (a killed build leaves no half file). */
export function keepStory(dir: string, digest: string, kept: KeptStory): void {
  mkdirSync(dir, { recursive: true });
  const partial = `${fileOf(dir, digest)}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify(kept));
  renameSync(partial, fileOf(dir, digest));
}

/** Drops what was kept of files that are no longer stories, or no longer read so. */
export function dropOtherKeptStories(dir: string, digests: ReadonlySet<string>): void {
  for (const name of readdirSync(dir))
    if (!digests.has(name.replace(/\.json$/, ''))) rmSync(join(dir, name), { force: true });
}

/** What was kept of a story's digest, or undefined (nothing, or nothing readable: render it). */
export function keptStory(digest: string | undefined, dir = keptStoriesDir(archiveCacheDir())): KeptStory | undefined {
  if (!digest) return undefined;
  try {
    const kept = JSON.parse(readFileSync(fileOf(dir, digest), 'utf8')) as KeptStory;
    return typeof kept.html === 'string' &&
      typeof kept.opening === 'string' &&
      typeof kept.dataLine === 'string' &&
      typeof kept.references?.csl === 'string' &&
      kept.search
      ? kept
      : undefined;
  } catch {
    return undefined;
  }
}

/** What listings and /data/'s page show of a kept story: its card opening and its data line's bytes. */
export interface KeptSummary {
  opening: string;
  dataLineBytes: number;
}

/**
 * Summaries read so far, by digest (a digest names one file's content, so an entry never goes
 * stale): a story is on about six listing pages, and its whole kept file is read for the first.
 */
const summaries = new Map<string, KeptSummary>();

/** The summary of what was kept of a story's digest, or undefined (nothing kept). */
export function keptSummary(digest: string | undefined): KeptSummary | undefined {
  if (!digest) return undefined;
  let summary = summaries.get(digest);
  if (!summary) {
    const kept = keptStory(digest);
    if (!kept) return undefined;
    summary = { opening: kept.opening, dataLineBytes: Buffer.byteLength(kept.dataLine) + 1 };
    summaries.set(digest, summary);
  }
  return summary;
}
