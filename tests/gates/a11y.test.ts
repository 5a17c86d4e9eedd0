/** Accessibility gate: axe finds nothing on any page, light and dark, desktop and phone. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { AXE_VIEWS, axeViolations } from '../../tooling/gates/axe.ts';
import { htmlPages } from '../../tooling/gates/pages.ts';
import { KNOWN_QUERY, searchFor, skipWithoutSearch } from '../support/search.ts';
import { DIST, useSite } from '../support/site.ts';

const site = useSite();
const WIDTHS = [...new Map(AXE_VIEWS.map((v) => [v.name, v.viewport])).entries()];
/** One page per width, opened on first use and reused for every URL; the scheme switches in place. */
const tabs = new Map<string, Page>();

/** Violations of the loaded page in every view, after `load` navigates each tab (widths in parallel). */
async function violationsInEveryView(load: (page: Page) => Promise<unknown>): Promise<string[]> {
  const perWidth = WIDTHS.map(async ([name, viewport]) => {
    if (!tabs.has(name)) tabs.set(name, await (await site.context({ viewport })).newPage());
    const page = tabs.get(name)!;
    const found: string[] = [];
    await page.emulateMedia({ colorScheme: 'light' });
    await load(page);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const v of await axeViolations(page)) found.push(`[${scheme}, ${name}] ${v}`);
    }
    return found;
  });
  return (await Promise.all(perWidth)).flat();
}

const pages = htmlPages(DIST);
test('the build has pages to check', () => assert.ok(pages.length > 0, `no HTML in ${DIST}`));

for (const { path } of pages) {
  test(`axe: ${path}`, async () => {
    const violations = await violationsInEveryView((page) => page.goto(site.url(path)));
    assert.deepEqual(violations, [], violations.join('\n'));
  });
}

test(
  'axe: the search page with results shown',
  { skip: skipWithoutSearch(DIST, 'a11y: search page with results') },
  async () => {
    const violations = await violationsInEveryView(async (page) => {
      const results = await searchFor(page, site.url('/'), KNOWN_QUERY);
      assert.ok(results.length > 0, `"${KNOWN_QUERY}" should find stories`);
    });
    assert.deepEqual(violations, [], violations.join('\n'));
  },
);
