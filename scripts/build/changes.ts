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

export function siteChanges(before: string, after: string): SiteChanges {
  const old = new Set(filesOf(before));
  const changes: SiteChanges = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const file of filesOf(after)) {
    if (!old.has(file)) changes.added.push(file);
    else {
      old.delete(file);
      const [a, b] = [join(before, file), join(after, file)];
      const [was, is] = [statSync(a), statSync(b)];
      if (was.ino === is.ino && was.dev === is.dev) changes.unchanged++;
      else if (was.size !== is.size || !readFileSync(a).equals(readFileSync(b))) changes.changed.push(file);
      else changes.unchanged++;
    }
  }
  changes.removed = [...old];
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
