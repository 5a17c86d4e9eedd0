/**
 * Hostile queries against the search page (contract of issue #3, see tests/support/search.ts):
 * markup stays text, a huge query answers, odd Unicode neither crashes nor matches wrongly.
 * Skips, saying why, when the build has no search; fails instead when CI is set.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { searchFor, skipWithoutSearch } from '../support/search.ts';
import { DIST, useSite } from '../support/site.ts';

const site = useSite();
const options = { skip: skipWithoutSearch(DIST, 'hostile search tests') };

/** A page that records script errors and dialogs (an alert() would mean injected script ran). */
async function watchedPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await (await site.context()).newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    errors.push(`dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, errors };
}

/** Text compared the way a reader sees it: compatibility forms folded (ＭＷ = MW), spaces and invisible format marks ignored. */
const fold = (text: string): string => text.normalize('NFKC').replace(/[\s\p{Cf}]+/gu, '');

/** Asserts every result is a story page whose text really holds the query. */
async function assertResultsContain(page: Page, hrefs: string[], query: string): Promise<void> {
  for (const href of hrefs) {
    // A result may carry ?hl= (the hit to highlight); the story itself is the path.
    const { pathname } = new URL(href, site.url('/'));
    assert.match(pathname, /^\/stories\/[a-z0-9-]+\/$/, `result link ${href}`);
    const story = await page.context().newPage();
    await story.goto(site.url(pathname));
    const text = await story.locator('article').innerText();
    await story.close();
    assert.ok(
      fold(text).includes(fold(query)),
      `${href} was found for ${JSON.stringify(query.slice(0, 80))} but does not contain it`,
    );
  }
}

for (const query of ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', "'><svg onload=alert(1)>"]) {
  test(`markup in a query shows as plain text: ${query}`, options, async () => {
    const { page, errors } = await watchedPage();
    const hrefs = await searchFor(page, site.url('/'), query);
    const boxes = await page
      .getByRole('searchbox')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    assert.ok(boxes.includes(query), `the search box shows the query verbatim: ${JSON.stringify(boxes)}`);
    assert.equal(
      await page.locator('img[src="x"], svg[onload], body script:not([src])').count(),
      0,
      'no element was injected',
    );
    assert.deepEqual(hrefs, [], 'no story holds this markup');
    assert.deepEqual(errors, []);
  });
}

test('a 10,000-character query answers promptly and the page stays responsive', options, async () => {
  // Mostly ASCII so the URL (about 14 KB) stays under common request-line limits of hosts.
  const unit = `储能${'abcdefghij'.repeat(4)} `;
  const query = unit.repeat(Math.ceil(10_000 / unit.length)).slice(0, 10_000);
  assert.equal(query.length, 10_000);
  const { page, errors } = await watchedPage();
  const started = Date.now();
  const hrefs = await searchFor(page, site.url('/'), query, 20_000);
  const took = Date.now() - started;
  assert.ok(took < 15_000, `answered in ${took} ms`);
  assert.equal(await page.evaluate(() => 1 + 1), 2, 'the page still runs script');
  assert.match(await page.locator('#search-status').innerText(), /^搜索词太长：最多200个字/, 'over the cap: said so');
  await assertResultsContain(page, hrefs, query);
  assert.deepEqual(errors, []);
});

const ODD_UNICODE: { query: string; why: string }[] = [
  { query: '🔋', why: 'emoji alone' },
  { query: '储能🔋', why: 'emoji after a word the stories hold' },
  { query: '👨‍👩‍👧', why: 'emoji joined by zero-width joiners' },
  { query: '储\u0301能', why: 'a combining accent inside a word' },
  { query: '\u0301\u0302', why: 'combining marks with nothing to combine with' },
  { query: 'ＭＷ', why: 'full-width Latin letters (the page prints 100MW)' },
  { query: '储能　电站', why: 'a full-width space' },
  { query: '\u202e储能', why: 'a right-to-left override' },
  { query: '𠀀𪚥', why: 'characters outside the Basic Multilingual Plane' },
];

for (const { query, why } of ODD_UNICODE) {
  test(`odd Unicode neither crashes nor matches wrongly: ${why}`, options, async () => {
    const { page, errors } = await watchedPage();
    const hrefs = await searchFor(page, site.url('/'), query);
    await assertResultsContain(page, hrefs, query);
    assert.deepEqual(errors, []);
  });
}

// ---- issue #12 item 8: NUL, invisible characters, an over-long paste ---------------------------

/** Result links as story paths, sorted. */
const storyPaths = (hrefs: string[]) => hrefs.map((href) => new URL(href, site.url('/')).pathname).sort();

test(
  'a control character in a query is no text: 琪%00 finds what 琪 finds (NUL no longer meets the end-of-text word)',
  options,
  async () => {
    const { page, errors } = await watchedPage();
    for (const [query, plain] of [
      ['琪\0', '琪'],
      ['\0琪', '琪'],
      ['储\0', '储'],
      ['储\0能', '储能'],
      ['储\u0007能\u0085', '储能'],
    ] as const) {
      const expected = storyPaths(await searchFor(page, site.url('/'), plain));
      assert.ok(expected.length > 0, plain);
      assert.deepEqual(storyPaths(await searchFor(page, site.url('/'), query)), expected, JSON.stringify(query));
    }
    // NUL alone is no query at all.
    assert.deepEqual(await searchFor(page, site.url('/'), '\0'), []);
    assert.equal(await page.locator('#search-status').innerText(), '输入要查找的文字：多个词用空格隔开。');
    assert.deepEqual(errors, []);
  },
);

test('format characters (U+FEFF, U+200B, bidi controls) neither split a term nor stop a match', options, async () => {
  const { page, errors } = await watchedPage();
  const expected = storyPaths(await searchFor(page, site.url('/'), '储能电站'));
  assert.equal(expected.length, 1);
  for (const query of ['储\ufeff能电站', '储能\u200b电站', '\u2066储能电站\u2069', '\ufeff储能电站\ufeff']) {
    const hrefs = await searchFor(page, site.url('/'), query);
    assert.deepEqual(storyPaths(hrefs), expected, JSON.stringify(query));
    await assertResultsContain(page, hrefs, query);
    assert.deepEqual(await page.locator('.search-excerpt mark').allInnerTexts(), ['储能电站'], 'the hit is marked');
  }
  assert.deepEqual(errors, []);
});

test('a pasted 100,000-character query is refused with a message, and the page stays usable', options, async () => {
  const { page, errors } = await watchedPage();
  await page.goto(site.url('/search/'));
  const box = page.getByRole('searchbox', { name: '搜索档案全文' });
  const query = '储能电站项目建设'.repeat(12_500);
  assert.equal(query.length, 100_000);
  await box.fill(query);
  const status = page.locator('#search-status');
  await page.waitForFunction(
    () => document.querySelector('#search-status')?.textContent?.startsWith('搜索词太长'),
    undefined,
    { timeout: 10_000 },
  );
  assert.equal(await status.innerText(), '搜索词太长：最多200个字，这里有100,000个字。请删短后再搜索。');
  await page.locator('[data-testid="search-results"][aria-busy="false"]').waitFor({ state: 'attached' });
  assert.equal(await page.locator('[data-testid="search-results"] li').count(), 0);
  assert.ok(!page.url().includes('%E5%82%A8'), 'the refused query is not written into the address');
  assert.equal(await page.locator('#search-empty').isVisible(), false);
  // Still answers: a short query right after finds its story.
  await box.fill('储能电站');
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="search-results"] li').length === 1,
    undefined,
    { timeout: 10_000 },
  );
  assert.equal(await status.innerText(), '找到1篇');
  // Exactly the cap is searched; one more character is not.
  await page.goto(site.url(`/search/?q=${'区'.repeat(200)}`));
  await page.locator('[data-testid="search-results"][aria-busy="false"]').waitFor({ state: 'attached' });
  assert.equal(await status.innerText(), '没有稿件包含“' + '区'.repeat(200) + '”。');
  await page.goto(site.url(`/search/?q=${'区'.repeat(201)}`));
  await page.locator('[data-testid="search-results"][aria-busy="false"]').waitFor({ state: 'attached' });
  assert.match(await status.innerText(), /^搜索词太长/);
  assert.deepEqual(errors, []);
});

test(
  'odd field and date parameters are ignored, never a crash: the search runs over all the text and every date',
  options,
  async () => {
    const { page, errors } = await watchedPage();
    const odd = [
      'in=<script>alert(1)</script>',
      'in=title&in=byline',
      'from=2025-02-30&to=9999999',
      'from=%00&to=2025-13',
      `from=${'2'.repeat(5000)}`,
      'to=2025-10-01T00:00',
      'from=-2025',
    ];
    const plain = (await searchFor(page, site.url('/'), '储能')).map((href) => new URL(href, site.url('/')).pathname);
    for (const extra of odd) {
      await page.goto(site.url(`/search/?q=${encodeURIComponent('储能')}&${extra}`));
      await page.locator('[data-testid="search-results"][aria-busy="false"]').waitFor({ state: 'attached' });
      const got = await page
        .locator('[data-testid="search-results"] li h2 a')
        .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      // `in=title&in=byline` takes the first; every other odd value is no limit at all.
      if (extra.startsWith('in=title')) assert.ok(got.length <= plain.length, extra);
      else assert.deepEqual(got, plain, extra);
      assert.equal(await page.locator('#search-left-out').isHidden(), true, extra);
    }
    assert.deepEqual(errors, []);
  },
);
