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

/** Why search cannot be tested in `dist`, or null when the build has Pagefind and the results list. */
function searchUnavailable(dist: string): string | null {
  if (!existsSync(join(dist, 'pagefind'))) return `${dist}/pagefind is absent: the build has no search index`;
  const page = join(dist, 'search', 'index.html');
  if (!existsSync(page) || !readFileSync(page, 'utf8').includes('data-testid="search-results"')) {
    return `${dist}/search/index.html has no [data-testid="search-results"]: the build has no search page`;
  }
  return null;
}

/**
 * The `skip` option of a test that needs search in `dist`: false when it is built, otherwise the
 * reason, printed. With CI set, a build without search throws instead, failing the test file: a
 * check that skips in CI passes without checking anything.
 */
export function skipWithoutSearch(dist: string, what: string): string | false {
  const reason = searchUnavailable(dist);
  if (reason === null) return false;
  if (process.env.CI && process.env.CI !== 'false')
    throw new Error(`${what}: ${reason} (CI is set, so this fails instead of skipping; run npm run build)`);
  console.log(`# ${what} skipped: ${reason}`);
  return reason;
}

/** Opens the search page with `query` and waits until the results are done; returns their links. */
export async function searchFor(page: Page, base: string, query: string, timeout = 15_000): Promise<string[]> {
  const response = await page.goto(new URL(searchPath(query), base).href, { waitUntil: 'networkidle', timeout });
  if (!response?.ok()) throw new Error(`search page answered ${response?.status()}`);
  // "attached", not "visible": an empty results list has no height.
  await page.locator(`${RESULTS}[aria-busy="false"]`).waitFor({ state: 'attached', timeout });
  return page.locator(`${RESULTS} a[href]`).evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
}
