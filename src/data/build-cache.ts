/**
 * The build's cache folder and the version of the code that fills it. What a build keeps for the
 * next (each story's rendered body and text, QR codes, search shards) is only reused by a build of
 * the same code: the version hashes every TypeScript module under src/, the Astro config and the
 * lockfile, so any change to them, or to a dependency, gives a full build of what they make.
 * (Astro's own page cache, experimental.incrementalBuild, checks its pages' code itself.)
 */
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
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
