/**
 * The build's cache folder and the version of the code that fills it. What a build keeps for the
 * next (each story's rendered body and text, QR codes, search shards) is only reused by a build of
 * the same code: the version hashes every TypeScript module under src/, the Astro config and the
 * lockfile, so any change to them, or to a dependency, gives a full build of what they make.
 * (Astro's own page cache, experimental.incrementalBuild, checks its pages' code itself.)
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
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
