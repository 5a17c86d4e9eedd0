/**
 * What the story loader (src/loaders/stories.ts) works out of each story file, kept for the pages
 * and for the next build: the body rendered to HTML, the card opening the listings show, the
 * story's search source (src/search/build/source.ts), its data line (/data/) and its reference files. A build renders
 * each body once, and a later build renders only the files that changed: files are named by the
 * story's digest, which covers the file's bytes, the code that reads it (src/data/build-cache.ts
 * codeVersion) and the site's address. They live in the build's cache folder and never ship.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchSource } from '../search/build/source.ts';
import type { StoryReferenceFiles } from './story-references.ts';
import { archiveCacheDir, writeFileWhole } from './build-cache.ts';

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

const fileOf = (dir: string, digest: string): string => join(dir, `${digest}.jsonl`);

/**
 * What the loader writes of a story into the files it hands on (src/loaders/stories.ts), each a
 * line of JSON, ready to write: its search source, its data line and its reference files.
 */
export interface KeptLines {
  search: string;
  dataLine: string;
  references: string;
}

/** The lines the loader hands on of a story's derived text. */
export const linesOf = (kept: KeptStory): KeptLines => ({
  search: JSON.stringify(kept.search),
  dataLine: kept.dataLine,
  references: JSON.stringify(kept.references),
});

/**
 * A kept file is five lines of JSON: the loader's three first (KeptLines), so that an unchanged
 * story is handed on without parsing them (at 10,000 stories, parsing whole kept files took the
 * loader 1.4 s), then the body's HTML and the card opening.
 */
const LINES = 5;

/** Keeps a story's derived text, whole or not at all (a killed build leaves no half file); returns its loader lines. */
export function keepStory(dir: string, digest: string, kept: KeptStory): KeptLines {
  mkdirSync(dir, { recursive: true });
  const lines = linesOf(kept);
  const { search, dataLine, references } = lines;
  const text = [search, dataLine, references, JSON.stringify(kept.html), JSON.stringify(kept.opening)];
  writeFileWhole(fileOf(dir, digest), `${text.join('\n')}\n`);
  return lines;
}

/** Drops what was kept of files that are no longer stories, or no longer read so. */
export function dropOtherKeptStories(dir: string, digests: ReadonlySet<string>): void {
  for (const name of readdirSync(dir))
    if (!digests.has(name.replace(/\.jsonl$/, ''))) rmSync(join(dir, name), { force: true });
}

/** A kept file's lines, or undefined (nothing, or not a whole kept file). */
function keptFileLines(dir: string, digest: string): string[] | undefined {
  let text: string;
  try {
    text = readFileSync(fileOf(dir, digest), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  // Five lines and the last line break; objects where objects go, strings where strings go.
  const enclosed = (line: string, ends: string) =>
    line.length >= 2 && line.startsWith(ends[0]!) && line.endsWith(ends[1]!);
  const shaped =
    lines.length === LINES + 1 &&
    lines[LINES] === '' &&
    lines.slice(0, 3).every((line) => enclosed(line, '{}')) &&
    lines.slice(3, LINES).every((line) => enclosed(line, '""'));
  return shaped ? lines : undefined;
}

/** What the loader hands on of a kept story, unparsed, or undefined (nothing kept: render it). */
export function keptLines(digest: string, dir: string): KeptLines | undefined {
  const lines = keptFileLines(dir, digest);
  return lines && { search: lines[0]!, dataLine: lines[1]!, references: lines[2]! };
}

/** What pages show of a kept story: its body, its card opening and its data line (for its bytes). */
export type KeptPageText = Pick<KeptStory, 'html' | 'opening' | 'dataLine'>;

/**
 * What pages show of what was kept of a story's digest, or undefined (nothing, or nothing
 * readable: render it). The loader's search and reference lines are not parsed: no page reads them.
 */
export function keptPageText(
  digest: string | undefined,
  dir = keptStoriesDir(archiveCacheDir()),
): KeptPageText | undefined {
  if (!digest) return undefined;
  const lines = keptFileLines(dir, digest);
  if (!lines) return undefined;
  try {
    const [html, opening] = lines.slice(3, LINES).map((line) => JSON.parse(line) as unknown);
    return typeof html === 'string' && typeof opening === 'string' ? { html, opening, dataLine: lines[1]! } : undefined;
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
    const kept = keptPageText(digest);
    if (!kept) return undefined;
    summary = { opening: kept.opening, dataLineBytes: Buffer.byteLength(kept.dataLine) + 1 };
    summaries.set(digest, summary);
  }
  return summary;
}
