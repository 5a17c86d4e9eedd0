/**
 * The search page's contract (issue #3), for tests written before it lands: /search/?q=… opens
 * with the query; results go in [data-testid="search-results"], aria-busy="false" once done,
 * each result an <a href> to /stories/<slug>/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { searchPath } from '../../src/lib/urls.ts';

const RESULTS = '[data-testid="search-results"]';
/** A query the six stories answer (the 太原 photo news is about an energy-storage station). */
export const KNOWN_QUERY = '储能';

/** Why search cannot be tested yet, or null once the build has Pagefind and the results list. */
export function searchUnavailable(dist: string): string | null {
  if (!existsSync(join(dist, 'pagefind'))) return `${dist}/pagefind is absent: search (issue #3) is not built yet`;
  const page = join(dist, 'search', 'index.html');
  if (!existsSync(page) || !readFileSync(page, 'utf8').includes('data-testid="search-results"')) {
    return `${dist}/search/index.html has no [data-testid="search-results"] yet: waiting for issue #3`;
  }
  return null;
}

/** Opens the search page with `query` and waits until the results are done; returns their links. */
export async function searchFor(page: Page, base: string, query: string, timeout = 15_000): Promise<string[]> {
  const response = await page.goto(new URL(searchPath(query), base).href, { waitUntil: 'networkidle', timeout });
  if (!response?.ok()) throw new Error(`search page answered ${response?.status()}`);
  // "attached", not "visible": an empty results list has no height.
  await page.locator(`${RESULTS}[aria-busy="false"]`).waitFor({ state: 'attached', timeout });
  return page.locator(`${RESULTS} a[href]`).evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
}
