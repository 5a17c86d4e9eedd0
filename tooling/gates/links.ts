/**
 * Link gate: every internal URL a page points to (href, src, srcset, form action, link rel,
 * on-site og: URLs) must be a file of the build, and its #fragment an id on the target page.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { htmlPages } from './pages.ts';

export interface LinkProblem {
  page: string;
  url: string;
  where: string;
  reason: string;
}

/** Attributes holding one URL, by element (`*` for any element). */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  base: ['href'],
  use: ['href', 'xLinkHref'],
  script: ['src'],
  img: ['src'],
  iframe: ['src'],
  embed: ['src'],
  source: ['src'],
  track: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  input: ['src', 'formAction'],
  button: ['formAction'],
  form: ['action'],
  object: ['data'],
  blockquote: ['cite'],
  q: ['cite'],
};
const SRCSET_ELEMENTS = new Set(['img', 'source']);
/** Meta tags whose content is a URL of the site (Open Graph, Twitter cards). */
const URL_META = /^(og:(url|image|image:url|image:secure_url)|twitter:(image|url))$/;

const SCRIPT_URL = /^\s*(javascript|vbscript):/i;

/** The URLs a parsed page references, with where each was found. */
export function referencedUrls(tree: Root): { url: string; where: string }[] {
  const found: { url: string; where: string }[] = [];
  visit(tree, 'element', (node: Element) => {
    const props = node.properties;
    for (const prop of URL_ATTRIBUTES[node.tagName] ?? []) {
      const value = props[prop];
      if (typeof value === 'string') found.push({ url: value, where: `<${node.tagName} ${prop}>` });
    }
    const srcset = props['srcSet'];
    if (SRCSET_ELEMENTS.has(node.tagName) && srcset) {
      const text = Array.isArray(srcset) ? srcset.join(', ') : String(srcset);
      for (const candidate of text.split(/,\s+/)) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) found.push({ url, where: `<${node.tagName} srcset>` });
      }
    }
    if (node.tagName === 'meta') {
      const key = String(props['property'] ?? props['name'] ?? '');
      if (URL_META.test(key) && typeof props['content'] === 'string') {
        found.push({ url: props['content'], where: `<meta ${key}>` });
      }
    }
  });
  return found;
}

/** Every id (and a[name]) a page defines, the targets its #fragments may use. */
export function fragmentTargets(tree: Root): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    if (typeof node.properties['id'] === 'string') ids.add(node.properties['id']);
    if (node.tagName === 'a' && typeof node.properties['name'] === 'string') ids.add(node.properties['name']);
  });
  return ids;
}

/** The build file a URL path names, or why there is none. */
function resolveFile(dist: string, pathname: string): { file?: string; reason?: string } {
  const path = join(dist, pathname);
  if (pathname.endsWith('/')) {
    const index = join(path, 'index.html');
    return existsSync(index) ? { file: index } : { reason: 'no such page in the build' };
  }
  if (!existsSync(path)) return { reason: 'no such file in the build' };
  if (statSync(path).isDirectory()) {
    return existsSync(join(path, 'index.html'))
      ? { reason: 'missing trailing slash (the site uses /path/ URLs)' }
      : { reason: 'a folder, not a file' };
  }
  return { file: path };
}

/** Checks every page of `dist`; `siteUrl` is the public address, whose absolute URLs count as internal. */
export function linkProblems(dist: string, siteUrl: string): LinkProblem[] {
  const origin = new URL(siteUrl).origin;
  const trees = new Map<string, Root>();
  const parse = (file: string): Root => {
    let tree = trees.get(file);
    if (!tree) trees.set(file, (tree = fromHtml(readFileSync(file, 'utf8'))));
    return tree;
  };
  const problems: LinkProblem[] = [];
  for (const page of htmlPages(dist)) {
    const base = new URL(page.path, origin);
    for (const { url, where } of referencedUrls(parse(page.file))) {
      const problem = (reason: string) => problems.push({ page: page.path, url, where, reason });
      if (SCRIPT_URL.test(url)) {
        problem('script URL');
        continue;
      }
      let target: URL;
      try {
        target = new URL(url, base);
      } catch {
        problem('not a valid URL');
        continue;
      }
      if (target.origin !== origin) continue; // other sites, mailto:, data: … are not the build's
      let pathname: string;
      try {
        pathname = decodeURIComponent(target.pathname);
      } catch {
        problem('badly encoded path');
        continue;
      }
      const { file, reason } = resolveFile(dist, pathname);
      if (!file) {
        problem(reason!);
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && file.endsWith('.html') && !fragmentTargets(parse(file)).has(fragment)) {
        problem(`no element with id "${fragment}" on ${pathname}`);
      }
    }
  }
  return problems;
}

/** One line per problem, for assertion messages. */
export const formatLinkProblems = (problems: LinkProblem[]): string =>
  problems.map((p) => `${p.page}: ${p.where} ${p.url} — ${p.reason}`).join('\n');
