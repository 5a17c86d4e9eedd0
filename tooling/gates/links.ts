/**
 * Link gate, on linkinator: the build is served by the preview server and every HTML page of it
 * (found by walking the folder, so an unlinked page is checked too) is crawled. Every URL on the
 * site's own origin must answer 200 with no redirect (a folder without its slash answers 301: the
 * site uses /path/ URLs), and every #fragment must be an id on its page. Absolute URLs of the
 * public address (SITE_URL) are checked against the local build; other sites are never fetched.
 *
 * Two things linkinator does not read are added here: form targets (action, formaction), handed to
 * it as more pages to check, and script URLs (javascript:, vbscript:), which are refused outright.
 */
import { readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';
import { visit } from 'unist-util-visit';
import { startServer } from '../server/serve.ts';
import { htmlPages } from './pages.ts';

export interface LinkProblem {
  /** The page the URL is on (path on the site). */
  page: string;
  /** The URL as checked: a path on the site (with its #fragment), or the URL as written. */
  url: string;
  reason: string;
}

const SCRIPT_URL = /^\s*(javascript|vbscript):/i;

/** What linkinator leaves unread on a page: its form targets and any script URL, as written. */
export function formTargetsAndScriptUrls(html: string): { formTargets: string[]; scriptUrls: string[] } {
  const formTargets: string[] = [];
  const scriptUrls: string[] = [];
  visit(fromHtml(html), 'element', (node: Element) => {
    for (const [name, value] of Object.entries(node.properties)) {
      if (typeof value !== 'string') continue;
      if (SCRIPT_URL.test(value)) scriptUrls.push(value);
      else if ((name === 'action' && node.tagName === 'form') || name === 'formAction') formTargets.push(value);
    }
  });
  return { formTargets, scriptUrls };
}

/** Why linkinator called a link broken, in the gate's words. */
function reasonOf(link: LinkResult): string {
  if (link.status === 301 || link.status === 308) {
    const location = link.failureDetails
      ?.map((d) => ('headers' in d ? d.headers['location'] : undefined))
      .find(Boolean);
    return typeof location === 'string' && location.endsWith('/')
      ? 'missing trailing slash (the site uses /path/ URLs)'
      : `redirects (${link.status})`;
  }
  if (link.status === 200 && link.url.includes('#')) return 'no element with that id on the page';
  if (link.status === 404) return 'no such file in the build';
  return `answers ${link.status ?? 'nothing'}`;
}

/** Checks every page of `dist`; `siteUrl` is the public address, whose absolute URLs count as internal. */
export async function linkProblems(dist: string, siteUrl: string): Promise<LinkProblem[]> {
  const site = new URL(siteUrl).origin;
  const server = await startServer(dist, 0);
  const local = server.url;
  const onSite = (url: URL): string => url.href.slice(url.origin.length);
  const problems: LinkProblem[] = [];
  const formTargetPages = new Map<string, string>();
  const starts: string[] = [];
  try {
    for (const page of htmlPages(dist)) {
      starts.push(`${local}${page.path}`);
      const { formTargets, scriptUrls } = formTargetsAndScriptUrls(readFileSync(page.file, 'utf8'));
      for (const url of scriptUrls) problems.push({ page: page.path, url, reason: 'script URL' });
      for (const target of formTargets) {
        const url = new URL(target, new URL(page.path, site));
        if (url.origin !== site) continue;
        const start = `${local}${onSite(url)}`;
        if (!formTargetPages.has(start)) formTargetPages.set(start, page.path);
      }
    }
    const result = await new LinkChecker().check({
      path: [...starts, ...formTargetPages.keys()],
      recurse: true,
      checkFragments: true,
      checkCss: true,
      redirects: 'error',
      concurrency: 8,
      urlRewriteExpressions: [{ pattern: new RegExp(`^${site.replace(/[.]/g, '\\.')}(?=/|$)`), replacement: local }],
      // Only the build's own URLs; the rewrite to the local server comes after this test.
      linksToSkip: async (url) => !url.startsWith(local) && !url.startsWith(site),
    });
    for (const link of result.links) {
      if (link.state !== LinkState.BROKEN) continue;
      const url = link.url.startsWith(local) ? onSite(new URL(link.url)) : link.url;
      const page = link.parent ? onSite(new URL(link.parent)) : (formTargetPages.get(link.url) ?? '(form target)');
      problems.push({ page, url, reason: reasonOf(link) });
    }
  } finally {
    await server.close();
  }
  return problems;
}

/** One line per problem, for assertion messages. */
export const formatLinkProblems = (problems: LinkProblem[]): string =>
  problems.map((p) => `${p.page}: ${p.url} — ${p.reason}`).join('\n');
