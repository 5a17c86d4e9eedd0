/**
 * Weight gate: what a story page costs over the network, measured in the browser so dynamic
 * imports and fonts count. HTML + CSS must fit the first round trip (10 TCP segments ≈ 14.6 KB,
 * gzip-compressed as hosts send them); JavaScript (gzip) stays within 2 KB; no web font loads.
 */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export const BUDGET = {
  /** HTML plus its CSS, gzip level 6 (the common server default), in bytes. */
  htmlCss: 14_600,
  /** All JavaScript the page loads, gzip level 6, in bytes. */
  js: 2_048,
} as const;

export interface PageWeight {
  url: string;
  /** Bytes as sent gzip-compressed, by kind. */
  html: number;
  css: number;
  js: number;
  /** Uncompressed bytes of HTML and CSS, for the report. */
  rawHtmlCss: number;
  /** URLs of every font the page downloaded. */
  fonts: string[];
}

const gzipSize = (body: Buffer): number => gzipSync(body, { level: 6 }).length;

/** Pages whose HTTP cache is already turned off (Chromium's DevTools protocol). */
const uncached = new WeakSet<Page>();

/** Loads `url` in `page` and weighs what it fetched. */
export async function measureWeight(page: Page, url: string): Promise<PageWeight> {
  const bodies: Promise<void>[] = [];
  const weight: PageWeight = { url, html: 0, css: 0, js: 0, rawHtmlCss: 0, fonts: [] };
  const onResponse = (response: import('playwright-core').Response): void => {
    const type = response.request().resourceType();
    if (type === 'font') weight.fonts.push(response.url());
    if (type !== 'document' && type !== 'stylesheet' && type !== 'script') return;
    bodies.push(
      response.body().then((body) => {
        const size = gzipSize(body);
        if (type === 'script') weight.js += size;
        else {
          weight[type === 'document' ? 'html' : 'css'] += size;
          weight.rawHtmlCss += body.length;
        }
      }),
    );
  };
  // Each page is weighed as a first visit: a file revalidated from cache (304, e.g. the fixed-name
  // public/reader-prefs.js) would have no body to weigh.
  if (!uncached.has(page)) {
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Network.enable');
    await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
    uncached.add(page);
  }
  page.on('response', onResponse);
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    await Promise.all(bodies);
  } finally {
    page.off('response', onResponse);
  }
  return weight;
}

/** What breaks the budget, one line each; empty when the page fits. */
export function budgetProblems(w: PageWeight): string[] {
  const problems: string[] = [];
  if (w.html + w.css > BUDGET.htmlCss) {
    problems.push(
      `${w.url}: HTML + CSS is ${w.html + w.css} bytes gzip (HTML ${w.html}, CSS ${w.css}); budget ${BUDGET.htmlCss}`,
    );
  }
  if (w.js > BUDGET.js) problems.push(`${w.url}: JavaScript is ${w.js} bytes gzip; budget ${BUDGET.js}`);
  for (const font of w.fonts) problems.push(`${w.url}: downloads web font ${font}`);
  return problems;
}
