/**
 * Loads story files into the content store: validated frontmatter, the file's path and the opening
 * of its text, but not its body. Astro bundles the whole store into one module, and with every
 * body in it 100,000 stories passed the largest string the bundler can hand to Node. Story pages
 * render their own Markdown (src/data/render.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { markdownParagraphs, opening } from '../lib/text.ts';

/** Characters of each story's text kept in the store, for listings and page descriptions. */
export const OPENING_CHARS = 160;

export function storiesLoader(dir: string): Loader {
  return {
    name: 'stories-loader',
    async load(context: LoaderContext) {
      const root = fileURLToPath(context.config.root);
      const base = isAbsolute(dir) ? dir : join(root, dir);
      const sync = () => loadAll(context, root, base);
      await sync();
      context.watcher?.add(base);
      context.watcher?.on('all', (_event, path) => {
        if (path.startsWith(base) && path.endsWith('.md')) void sync();
      });
    },
  };
}

async function loadAll({ store, parseData, generateDigest }: LoaderContext, root: string, base: string): Promise<void> {
  const files = (await readdir(base, { recursive: true })).filter((name) => name.endsWith('.md')).sort();
  /** Slug → file that claimed it: a second file with the same slug stops the build, never overwrites. */
  const owners = new Map<string, string>();
  const entries = [];
  for (const name of files) {
    const path = join(base, name);
    const filePath = relative(root, path);
    const text = await readFile(path, 'utf8');
    const { frontmatter, content } = parseStoryFile(text, filePath);
    const slug = typeof frontmatter.slug === 'string' ? frontmatter.slug : filePath;
    const owner = owners.get(slug);
    if (owner) throw new Error(`duplicate slug "${slug}" (field: slug) in ${owner} and ${filePath}; each story needs its own slug.`);
    owners.set(slug, filePath);
    const data = await parseData({ id: slug, data: frontmatter, filePath: path });
    entries.push({ id: slug, data, filePath, digest: generateDigest(text), body: opening(markdownParagraphs(content).join(''), OPENING_CHARS) });
  }
  store.clear();
  for (const entry of entries) store.set(entry);
}

/** Frontmatter and body of a story file; invalid YAML is reported with the file's name. */
function parseStoryFile(text: string, filePath: string): { frontmatter: Record<string, unknown>; content: string } {
  try {
    return parseFrontmatter(text, { frontmatter: 'remove' });
  } catch (error) {
    throw new Error(`${filePath}: the frontmatter is not valid YAML: ${(error as Error).message}`);
  }
}
