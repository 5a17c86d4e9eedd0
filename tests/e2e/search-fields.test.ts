/**
 * Field and date search (issue #13), in Chromium through /search/: `&in=title` and `&in=byline`
 * find exactly the stories whose head or bylines and credits hold every term, `&from=`/`&to=` keep
 * exactly the stories inside the range (a month-only story only when its whole month is, the others
 * counted in a line), each against a plain scan of the story files (tests/support/plain-scan.ts);
 * through the lexicon, through Pagefind alone (rare limit 0) and mixed (rare limit 2). The controls,
 * the address, Back, the no-JavaScript form and the month pages' links.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { useSite } from '../support/site.ts';
import { bylinePiecesOf, headOf, placeInRange, plainScan, stories, type Field } from '../support/plain-scan.ts';
import { withReindexedCopy } from '../support/reindex.ts';
import { archiveMonthPath } from '../../src/lib/urls.ts';
import { axeViolations } from '../../tooling/gates/axe.ts';

const site = useSite();
/** The nginx pass (tooling/nginx/run-tests.ts) runs the tests that fetch each kind of file; the exhaustive ones once. */
const onceOnly =
  process.env.ARCHIVE_SERVER === 'nginx' &&
  'exactness over many queries, the same whichever server: checked in the preview-server pass';
const results = '[data-testid="search-results"]';
const sorted = (a: string[]) => [...a].sort();

async function settledPaths(page: Page): Promise<string[]> {
  await page.waitForSelector(`${results}[aria-busy="false"]`, { state: 'attached' });
  const hrefs = await page
    .locator(`${results} li h2 a`)
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  return hrefs.map((href) => href.replace(/\?.*$/, ''));
}

/** Opens a search at `base` and returns the result paths once the search is complete. */
async function search(page: Page, base: string, params: Record<string, string>): Promise<string[]> {
  await page.goto(`${base}/search/?${new URLSearchParams(params)}`);
  const paths = await settledPaths(page);
  assert.equal(await page.locator('#search-status').getAttribute('data-complete'), 'true');
  return paths;
}

/** Pieces of text to search for: substrings of 1 to 4 characters at a few places. */
function samples(text: string): string[] {
  const chars = Array.from(text.replace(/\s+/g, ''));
  const out = new Set<string>();
  for (let i = 0; i < chars.length; i += 5)
    for (const n of [1, 2, 4]) if (i + n <= chars.length) out.add(chars.slice(i, i + n).join(''));
  return [...out];
}

/** Title and byline queries: pieces of every story's head, bylines and credits, and words of the text that are in no head. */
const fieldQueries: Record<Exclude<Field, 'all'>, string[]> = {
  title: [
    ...new Set([
      ...stories.flatMap((s) => samples(headOf(s)).filter((_, i) => i % 3 === 0)),
      '开发区',
      '项目',
      '储能',
      '招商引资',
      '高质量 发展',
      '王瑞瑞',
    ]),
  ],
  byline: [
    ...new Set([
      ...stories.flatMap((s) => bylinePiecesOf(s).flatMap((p) => [p, ...samples(p)])),
      '"袁兆辉 张小菊"',
      '袁兆辉 张小菊',
      '长治高新区',
      '储能',
      '记者',
      '摄',
    ]),
  ],
};

/** Every field query, submitted in one page per field (the index files load once, as for a reader searching on). */
async function checkFields(base: string): Promise<void> {
  const page = await (await site.context()).newPage();
  for (const field of ['title', 'byline'] as const) {
    await page.goto(`${base}/search/?in=${field}`);
    for (const q of fieldQueries[field]) {
      await page.evaluate((query) => {
        (document.getElementById('search-q') as HTMLInputElement).value = query;
        (document.getElementById('search-form') as HTMLFormElement).requestSubmit();
      }, q);
      await page.waitForURL((url) => url.searchParams.get('q') === q);
      const got = await settledPaths(page);
      assert.equal(await page.locator('#search-status').getAttribute('data-complete'), 'true');
      assert.deepEqual(sorted(got), sorted(plainScan(q, field)), `${q} in ${field}`);
    }
  }
}

test(
  'a title search finds exactly the stories whose kicker, headline or subhead hold every term; a byline search those whose bylines or photo credits do',
  { skip: onceOnly },
  async () => {
    // The sample must tell the fields apart: terms found in all the text but not in the field.
    assert.ok(fieldQueries.title.some((q) => plainScan(q, 'title').length < plainScan(q).length));
    assert.ok(fieldQueries.byline.some((q) => plainScan(q, 'byline').length === 0 && plainScan(q).length > 0));
    await checkFields(site.server.url);
  },
);

for (const rareLimit of ['0', '2']) {
  test(
    `field searches are as exact when Pagefind answers (rare limit ${rareLimit}, shards of two stories)`,
    { skip: onceOnly },
    async () => {
      await withReindexedCopy({ SEARCH_SHARD_SIZE: '2', SEARCH_RARE_LIMIT: rareLimit }, checkFields);
    },
  );
}

test('a byline search marks the name in the excerpt, from the byline', async () => {
  const page = await (await site.context()).newPage();
  await search(page, site.server.url, { q: '王瑞瑞', in: 'byline' });
  assert.equal(await page.locator(`${results} li mark`).first().innerText(), '王瑞瑞');
  await search(page, site.server.url, { q: '张小菊', in: 'byline' });
  assert.match(await page.locator(`${results} li [data-field="excerpt"]`).first().innerText(), /袁兆辉 张小菊/);
});

/** Ranges at year, month and day precision, open at either end, cutting October (two stories are dated only to it). */
const RANGES: [string, string][] = [
  ['2025', '2025'],
  ['2024', '2024'],
  ['2025-10', '2025-10'],
  ['2025-09', '2025-09'],
  ['2025-09-30', '2025-10-01'],
  ['2025-10-02', ''],
  ['', '2025-10-02'],
  ['2025-10-01', '2025-10-31'],
  ['2025-09-30', '2025-09-30'],
  ['', '2025-09'],
  ['2025-11', ''],
];

test(
  'a date range keeps exactly the stories inside it; a story dated only to a month is inside only when its whole month is, and a line counts those left out',
  { skip: onceOnly },
  async () => {
    const page = await (await site.context()).newPage();
    const leftOutSeen = new Set<number>();
    for (const [from, to] of RANGES) {
      for (const q of ['区', '储能', '开发区 项目']) {
        const label = `${q} from ${from || '…'} to ${to || '…'}`;
        const params = { q, ...(from && { from }), ...(to && { to }) };
        assert.deepEqual(
          sorted(await search(page, site.server.url, params)),
          sorted(plainScan(q, 'all', from, to)),
          label,
        );
        const leftOut = stories.filter(
          (s) => plainScan(q).includes(`/stories/${s.data.slug}/`) && placeInRange(s, from, to) === 'left out',
        ).length;
        const line = page.locator('#search-left-out');
        if (leftOut === 0) assert.ok(await line.isHidden(), `${label}: no left-out line`);
        else
          assert.match(
            await line.innerText(),
            new RegExp(`^另有${leftOut}篇含所查文字的稿件只注明了月份（2025年10月）`),
            label,
          );
        leftOutSeen.add(leftOut);
      }
    }
    assert.ok(leftOutSeen.has(2) && leftOutSeen.has(0), 'the ranges cut October and leave it whole');
  },
);

test('field, date range, section and sort combine', async () => {
  const page = await (await site.context()).newPage();
  const got = await search(page, site.server.url, {
    q: '区',
    in: 'title',
    from: '2025-10',
    to: '2025-10',
    section: 'development-zone',
    sort: 'newest',
  });
  const expected = plainScan('区', 'title', '2025-10', '2025-10').filter(
    (path) => stories.find((s) => path.includes(s.data.slug))!.data.section === 'development-zone',
  );
  assert.ok(expected.length > 0);
  assert.deepEqual(sorted(got), sorted(expected));
  assert.match(await page.locator('#search-status').innerText(), /^在所选日期范围内的稿件的标题中找到\d+篇/);
});

test('the controls set the field and the dates in the address; Back returns to the search before', async () => {
  const page = await (await site.context()).newPage();
  await page.goto(site.url('/search/?q=王瑞瑞'));
  await settledPaths(page);
  assert.equal(await page.getByLabel('范围').inputValue(), 'all');
  await page.getByLabel('范围').selectOption('byline');
  await page.waitForURL(/in=byline/);
  assert.deepEqual(await settledPaths(page), plainScan('王瑞瑞', 'byline'));
  await page.getByLabel('从', { exact: true }).selectOption('2025-10');
  await page.waitForURL(/from=2025-10/);
  await page.getByLabel('至', { exact: true }).selectOption('2025');
  await page.waitForURL(/to=2025$/);
  assert.equal(new URL(page.url()).search, '?q=%E7%8E%8B%E7%91%9E%E7%91%9E&in=byline&from=2025-10&to=2025');
  assert.deepEqual(await settledPaths(page), plainScan('王瑞瑞', 'byline', '2025-10', '2025'));
  await page.goBack();
  await page.waitForURL((url) => !url.search.includes('to='));
  assert.equal(await page.getByLabel('至', { exact: true }).inputValue(), '');
  assert.equal(await page.getByLabel('从', { exact: true }).inputValue(), '2025-10');
  await page.goBack();
  await page.goBack();
  await page.waitForURL((url) => !url.search.includes('in='));
  assert.equal(await page.getByLabel('范围').inputValue(), 'all');
  // A day from a link is kept and shown, though the list offers years and months.
  await page.goto(site.url('/search/?q=区&from=2025-10-02'));
  await settledPaths(page);
  assert.equal(await page.getByLabel('从', { exact: true }).inputValue(), '2025-10-02');
  assert.equal(await page.getByLabel('从', { exact: true }).locator('option:checked').innerText(), '2025年10月2日');
});

test('a reversed date range says why nothing matches, and one keyboard press swaps the dates', async () => {
  const page = await (await site.context()).newPage();
  const status = page.locator('#search-status');
  const swap = page.getByRole('button', { name: '对调起止日期' });
  const reversed = '起始日期（2025年10月）晚于截止日期（2025年9月），没有稿件能同时满足。';
  // From the controls: the reader picks an end before the start.
  await page.goto(site.url('/search/?q=区'));
  await settledPaths(page);
  assert.equal(await swap.isVisible(), false, 'no swap offered for an open range');
  await page.getByLabel('从', { exact: true }).selectOption('2025-10');
  await page.waitForURL(/from=2025-10/);
  await settledPaths(page);
  await page.getByLabel('至', { exact: true }).selectOption('2025-09');
  await page.waitForURL(/to=2025-09/);
  assert.deepEqual(await settledPaths(page), []);
  assert.equal(await status.innerText(), reversed);
  assert.equal(
    await page.locator('#search-empty').isVisible(),
    false,
    'not the no-match next steps: the dates are why',
  );
  assert.equal(await swap.isVisible(), true);
  assert.deepEqual(await axeViolations(page), [], 'axe, with the swap offered');
  // From a link, by keyboard.
  await page.goto(site.url('/search/?q=区&from=2025-10&to=2025-09'));
  assert.deepEqual(await settledPaths(page), []);
  assert.equal(await status.innerText(), reversed);
  await swap.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/from=2025-09&to=2025-10/);
  assert.deepEqual(sorted(await settledPaths(page)), sorted(plainScan('区', 'all', '2025-09', '2025-10')));
  assert.ok(plainScan('区', 'all', '2025-09', '2025-10').length > 0);
  assert.equal(await swap.isVisible(), false);
  assert.equal(await page.getByLabel('从', { exact: true }).inputValue(), '2025-09');
  assert.equal(await page.getByLabel('至', { exact: true }).inputValue(), '2025-10');
  assert.equal(
    await page.evaluate(() => document.activeElement?.id),
    'search-from',
    'focus stays in the date controls, not lost with the button',
  );
  // A range inside one month is not reversed (2025-10 to 2025: October lies inside the year).
  await page.goto(site.url('/search/?q=区&from=2025-10&to=2025'));
  await settledPaths(page);
  assert.notEqual(await status.innerText(), reversed);
});

test('the search form names every field, so it sends the same address without the page script', async () => {
  const page = await (await site.context()).newPage();
  await page.goto(site.url('/search/?q=储能&in=title&from=2025&to=2025-10&sort=newest'));
  await settledPaths(page);
  const sent = await page.evaluate(() =>
    new URLSearchParams(
      new FormData(document.getElementById('search-form') as HTMLFormElement) as unknown as Record<string, string>,
    ).toString(),
  );
  const params = new URLSearchParams(sent);
  assert.deepEqual(
    {
      q: params.get('q'),
      in: params.get('in'),
      from: params.get('from'),
      to: params.get('to'),
      sort: params.get('sort'),
    },
    { q: '储能', in: 'title', from: '2025', to: '2025-10', sort: 'newest' },
  );
});

test('each month page of the date archive links to a search limited to that month', async () => {
  const page = await (await site.context()).newPage();
  await page.goto(site.url(archiveMonthPath(2025, 10)));
  await page.getByRole('link', { name: '在2025年10月的稿件中搜索' }).click();
  await page.waitForURL(/\/search\/\?from=2025-10&to=2025-10$/);
  assert.equal(await page.getByLabel('从', { exact: true }).inputValue(), '2025-10');
  assert.equal(await page.getByLabel('至', { exact: true }).inputValue(), '2025-10');
  await page.getByLabel('搜索档案全文').fill('区');
  await page.getByLabel('搜索档案全文').press('Enter');
  await page.waitForURL(/q=/);
  assert.deepEqual(sorted(await settledPaths(page)), sorted(plainScan('区', 'all', '2025-10', '2025-10')));
});
