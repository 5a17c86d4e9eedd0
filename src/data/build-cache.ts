/**
 * The build's cache folder and the version of the code that fills it. What a build keeps for the
 * next (each story's rendered body and text, QR codes, search shards) is only reused by a build of
 * the same code: the version hashes every TypeScript module under src/, the Astro config and the
 * lockfile, so any change to them, or to a dependency, gives a full build of what they make.
 * Texts kept by their own hash (keptTexts: reference and data files) need no version.
 * (Astro's own page cache, experimental.incrementalBuild, checks its pages' code itself.)
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The build's cache folder, as astro.config.mjs names it (Astro's own, unless ARCHIVE_CACHE_DIR). */
export const archiveCacheDir = (env: NodeJS.ProcessEnv = process.env): string =>
  resolve(env.ARCHIVE_CACHE_DIR ?? 'node_modules/.astro');

/** Files whose change must discard what the cache keeps. */
function versionedFiles(root: string): string[] {
  const sources = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
  return [...sources, join(root, 'astro.config.mjs'), join(root, 'package-lock.json')].sort();
}

const versions = new Map<string, string>();

/** A hash of the code that makes what the cache keeps (16 hex digits), once per root. */
export function codeVersion(root: string = process.cwd()): string {
  let version = versions.get(root);
  if (version === undefined) {
    const hash = createHash('sha256');
    for (const file of versionedFiles(root)) {
      hash.update(relative(root, file)).update('\0');
      try {
        hash.update(readFileSync(file));
      } catch {
        hash.update('(none)');
      }
      hash.update('\0');
    }
    versions.set(root, (version = hash.digest('hex').slice(0, 16)));
  }
  return version;
}

/**
 * Puts a file the cache keeps into the site as a hard link (a copy where links cannot be made, as
 * across file systems): one link costs a fraction of a copy, and a build places tens of thousands
 * of kept files. Safe because a kept file is never rewritten in place: a changed one is written
 * as a new file (a new shard folder, a new name), so both names keep the same bytes. The build's
 * change list (scripts/build/changes.ts) then knows such a file unchanged by its inode. A file
 * already at `to` is replaced, as a copy would replace it.
 */
export function placeKeptFile(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      unlinkSync(to);
      linkSync(from, to);
    } else if (code === 'EXDEV' || code === 'EPERM' || code === 'EMLINK' || code === 'ENOTSUP') copyFileSync(from, to);
    else throw error;
  }
}

/** Writes a cache file whole or not at all: a build killed meanwhile leaves the last one (or none), never half. */
export function writeFileWhole(path: string, text: string): void {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, path);
}

/** Texts a build writes into the site, each kept once by its hash and placed as a link (keptTexts). */
export interface KeptTexts {
  /** Puts `text` at `to` in the site: a link to the kept copy of these bytes, or a new file that is then kept. */
  place(to: string, text: string | Uint8Array): void;
  /** Drops kept texts this build placed nowhere (a story's old data line, a removed story's files). */
  dropUnplaced(): void;
}

/**
 * A folder of texts named by their SHA-256, for files a build writes by the ten thousand (each
 * story's reference files and data line): a text unchanged since the last build is placed as a
 * link to the same file as before (placeKeptFile), so the build writes no bytes for it, the change
 * list knows it unchanged by its inode, and dropping the last site frees nothing of it. A kept
 * file is never rewritten: other bytes are another name. One whose size is not its text's (a
 * killed build, a damaged disk) is written again.
 */
export function keptTexts(dir: string): KeptTexts {
  mkdirSync(dir, { recursive: true });
  const placed = new Set<string>();
  return {
    place(to, text) {
      const bytes = typeof text === 'string' ? Buffer.from(text) : text;
      const name = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
      const kept = join(dir, name);
      if (!placed.has(name)) {
        placed.add(name);
        let size = -1;
        try {
          size = statSync(kept).size;
        } catch {
          // Not kept yet.
        }
        if (size !== bytes.length) {
          // Written into the site, then kept as a second name of that file: two steps, not four
          // (a full build writes tens of thousands). A build killed between them keeps nothing.
          rmSync(kept, { force: true });
          writeNewFile(to, bytes);
          placeKeptFile(to, kept);
          return;
        }
      }
      placeKeptFile(kept, to);
    },
    dropUnplaced() {
      for (const name of readdirSync(dir)) if (!placed.has(name)) rmSync(join(dir, name), { force: true });
    },
  };
}

/** Writes a new file at `path`, replacing (never writing through) a file there, which may be a link to a kept one. */
function writeNewFile(path: string, bytes: Uint8Array): void {
  try {
    writeFileSync(path, bytes, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    unlinkSync(path);
    writeFileSync(path, bytes, { flag: 'wx' });
  }
}
