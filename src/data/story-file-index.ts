/**
 * What the last build learnt of each story file, so that the next knows a file unchanged without
 * reading it: its slug and digest under its name, with its size, times and inode. At 10,000
 * stories reading, decoding and checking every unchanged file's frontmatter again took the loader
 * (src/loaders/stories.ts) about half its time. A file counts as unchanged only when all of them
 * match, as git's index does: an edit changes the ctime, which no tool can set back.
 *
 * A file changed within RACY_MS of being looked at is not indexed (read again next build): file
 * times are coarse, and a second write in the same tick would leave them as they were.
 */
import { readFileSync } from 'node:fs';
import type { BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { writeFileWhole } from './build-cache.ts';

/** One story file as the last build read it. */
export interface IndexedStoryFile {
  slug: string;
  digest: string;
}

/** The index for a cache folder. */
export const storyFileIndexFile = (cacheDir: string): string => join(cacheDir, 'story-files.json');

const RACY_MS = 2000n;

/** What identifies a file's state: size, modification and change times (ns), inode and device. */
const fileState = (stats: BigIntStats): string =>
  `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}:${stats.dev}`;

export interface StoryFileIndex {
  /** What was learnt of the file `name` in this state, or undefined (not known so: read it). */
  known(name: string, stats: BigIntStats): IndexedStoryFile | undefined;
  /** Records what this build learnt of a file, from its state when it was read. */
  record(name: string, stats: BigIntStats, file: IndexedStoryFile): void;
  /** Writes the index for the next build, whole (a killed build leaves the last one). */
  save(): void;
}

/**
 * The index in `file`, for the code and site `version` (src/loaders/stories.ts): one written for
 * another version, or not readable, knows nothing.
 */
export function storyFileIndex(file: string, version: string, now = () => BigInt(Date.now())): StoryFileIndex {
  let last: Record<string, [state: string, slug: string, digest: string]> = {};
  try {
    const read = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown; files?: typeof last };
    if (read.version === version && read.files && typeof read.files === 'object') last = read.files;
  } catch {
    // No index: every file is read.
  }
  const next: typeof last = {};
  return {
    known(name, stats) {
      const entry = Object.hasOwn(last, name) ? last[name] : undefined;
      return entry && stats.isFile() && entry[0] === fileState(stats)
        ? { slug: entry[1], digest: entry[2] }
        : undefined;
    },
    record(name, stats, { slug, digest }) {
      const changed = stats.mtimeNs > stats.ctimeNs ? stats.mtimeNs : stats.ctimeNs;
      if (now() - changed / 1_000_000n >= RACY_MS) next[name] = [fileState(stats), slug, digest];
    },
    save: () => writeFileWhole(file, JSON.stringify({ version, files: next })),
  };
}
