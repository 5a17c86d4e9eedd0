/** Every file and HTML page of a build, found by walking the folder: gates never use a fixed list. */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface BuiltFile {
  /** Absolute path on disk. */
  file: string;
  /** Path inside the build, with forward slashes: stories/x/index.html */
  rel: string;
  /** URL path a host serves it at: /stories/x/ for index.html, else /<rel>. */
  path: string;
}

/** URL path of a built file: directory-format pages end in "/". */
export function urlPathOf(rel: string): string {
  if (rel === 'index.html') return '/';
  return rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
}

/** Every file of the build, sorted by path. */
export function builtFiles(dist: string): BuiltFile[] {
  const root = resolve(dist);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = join(entry.parentPath, entry.name);
      const rel = file
        .slice(root.length + 1)
        .split('\\')
        .join('/');
      return { file, rel, path: urlPathOf(rel) };
    })
    .sort((a, b) => a.rel.localeCompare(b.rel));
}

/** Every HTML page of the build. */
export function htmlPages(dist: string): BuiltFile[] {
  return builtFiles(dist).filter((f) => f.rel.endsWith('.html'));
}

/** Story pages: /stories/<slug>/. */
export function storyPages(dist: string): BuiltFile[] {
  return htmlPages(dist).filter((f) => /^\/stories\/[^/]+\/$/.test(f.path));
}
