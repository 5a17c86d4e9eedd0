/**
 * What a build changed in the site, file by file, against the site it replaces: what an editor
 * uploads to a host that is not synced whole (scripts/build.ts writes the list beside the output
 * folder). Files are compared by inode (a file the cache keeps is linked into each build, src/data/build-cache.ts
 * placeKeptFile, so one inode is one text), then by size, then by bytes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface SiteChanges {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
}

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
function filesOf(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(dir.length + 1)
        .split('\\')
        .join('/'),
    )
    .sort();
}

/** A site's files (paths as filesOf gives them) with what the comparison reads of each. */
export interface SiteFiles {
  dir: string;
  files: Map<string, { ino: number; dev: number; size: number }>;
}

/**
 * The files of the site at `dir`, listed and measured: scripts/build.ts takes the last site's
 * while Astro builds the next (140,000 files at 10,000 stories, about a second on its own).
 */
export function siteFiles(dir: string): SiteFiles {
  const files: SiteFiles['files'] = new Map();
  for (const file of filesOf(dir)) {
    const { ino, dev, size } = statSync(join(dir, file));
    files.set(file, { ino, dev, size });
  }
  return { dir, files };
}

/** What `after` changes against `before` (a folder, or its files as siteFiles listed them). */
export function siteChanges(before: string | SiteFiles, after: string): SiteChanges {
  const { dir, files } = typeof before === 'string' ? siteFiles(before) : before;
  const old = new Map(files);
  const changes: SiteChanges = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const file of filesOf(after)) {
    const was = old.get(file);
    if (!was) changes.added.push(file);
    else {
      old.delete(file);
      const is = statSync(join(after, file));
      if (was.ino === is.ino && was.dev === is.dev) changes.unchanged++;
      else if (was.size !== is.size || !readFileSync(join(dir, file)).equals(readFileSync(join(after, file))))
        changes.changed.push(file);
      else changes.unchanged++;
    }
  }
  changes.removed = [...old.keys()];
  return changes;
}

/** The list an editor uploads from: one line a file, `+` added, `~` changed, `-` removed. */
export const changesList = (changes: SiteChanges): string =>
  [
    ...changes.added.map((f) => `+ ${f}`),
    ...changes.changed.map((f) => `~ ${f}`),
    ...changes.removed.map((f) => `- ${f}`),
  ]
    .map((line) => `${line}\n`)
    .join('');
