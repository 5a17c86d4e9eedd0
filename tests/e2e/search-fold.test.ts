/**
 * 繁體 = 简体 (issue #13), in Chromium through /search/: Traditional, Simplified and mixed queries
 * find exactly the stories whose folded text contains them (checked against a plain scan of the
 * story files with the same fold), excerpts and the story page mark the original characters, and
 * the fold table travels only when a search needs it. The six stories are Simplified, so a
 * re-indexed copy whose text is converted to Traditional checks the other direction.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { test } from 'node:test';
import * as OpenCC from 'opencc-js';
import type { Page } from 'playwright-core';
import { useSite } from '../support/site.ts';
import { foldWith, stories, termsOf as plainTermsOf, textOf } from '../support/plain-scan.ts';
import { recordedStories } from '../support/recorded.ts';
import { reindexedCopy } from '../support/reindex.ts';
import { storyPath } from '../../src/lib/urls.ts';
import { openccFoldTable } from '../../src/search/build/opencc.ts';
import { startServer } from '../../tooling/server/serve.ts';

const site = useSite();
/** OpenCC's own Simplified → Traditional converter (the package's, phrases and all). */
const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
const table = openccFoldTable().table;

// ---- ground truth: a plain scan of the story files -------------------------------------------

/** The fold as the README defines it: the table's characters to Simplified, then the plain fold. */
const fold = foldWith(table);
const termsOf = (query: string) => plainTermsOf(query, fold);
const scan = (query: string, texts: { path: string; text: string }[]) =>
  texts
    .filter((t) => termsOf(query).every((term) => fold(t.text).includes(term)))
    .map((t) => t.path)
    .sort();
const storyTexts = stories.map((s) => ({ path: storyPath(s.data.slug), text: textOf(s) }));

// ---- driving the page ------------------------------------------------------------------------

const results = '[data-testid="search-results"]';

async function searchAt(page: Page, base: string, query: string): Promise<string[]> {
  await page.goto(`${base}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector(`${results}[aria-busy="false"]`, { state: 'attached' });
  const hrefs = await page
    .locator(`${results} li h2 a`)
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  return hrefs.map((href) => href.replace(/\?.*$/, '')).sort();
}

/** Fold-table requests a page makes. */
function foldRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (/^\/lexicon-files\/[0-9a-f]{16}\/fold\.bin$/.test(path)) seen.push(path);
  });
  return seen;
}

// ---- Traditional queries over the Simplified stories -----------------------------------------

test('every query of the shared Traditional list (tests/fixtures/search-queries-zh.tsv) folds as listed and finds exactly its stories', async () => {
  const page = await (await site.context()).newPage();
  const rows = readFileSync('tests/fixtures/search-queries-zh.tsv', 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t'));
  assert.ok(rows.length >= 9);
  for (const [query, folded, count, names = ''] of rows) {
    assert.equal(termsOf(query!).join(' '), folded, `${query} folds to ${folded}`);
    const expected = names
      ? names
          .split(' | ')
          .map((kicker) => storyPath(stories.find((s) => s.data.kicker === kicker)!.data.slug))
          .sort()
      : [];
    assert.equal(expected.length, Number(count), `${query}: list is consistent`);
    const got = await searchAt(page, site.url('').replace(/\/$/, ''), query!);
    assert.deepEqual(got, expected, query);
    assert.deepEqual(got, scan(query!, storyTexts), `${query}: plain scan`);
    assert.equal(await page.locator('#search-status').innerText(), `找到${count}篇`, query);
  }
});

/** Several phrases of each story, converted to Traditional by OpenCC (only those it changes). */
function traditionalPhrases(perStory: number): { story: string; simplified: string; query: string }[] {
  const out: { story: string; simplified: string; query: string }[] = [];
  for (const s of stories) {
    const chars = Array.from(textOf(s));
    let found = 0;
    const tried = new Set<string>();
    // Positions spread over the text (every 37th, wrapping round), a phrase of 2 to 5 characters at each.
    for (let k = 0; k < chars.length && found < perStory; k++) {
      const i = (5 + k * 37) % chars.length;
      const phrase = chars.slice(i, i + 2 + (k % 4)).join('');
      if (!/^\p{Script=Han}{2,}$/u.test(phrase) || tried.has(phrase)) continue;
      tried.add(phrase);
      const query = toTraditional(phrase);
      if (query === phrase) continue;
      out.push({ story: storyPath(s.data.slug), simplified: phrase, query });
      found++;
    }
    assert.equal(found, perStory, `${s.data.slug}: ${perStory} phrases with a Traditional form`);
  }
  return out;
}

test("Traditional queries over every story (OpenCC's s2t of its phrases) find exactly what a plain scan with the same fold finds", async () => {
  const page = await (await site.context()).newPage();
  const base = site.url('').replace(/\/$/, '');
  let foundOwn = 0;
  const phrases = traditionalPhrases(6);
  for (const { story, simplified, query } of phrases) {
    const got = await searchAt(page, base, query);
    assert.deepEqual(got, scan(query, storyTexts), `${query} (${simplified})`);
    // Most phrases fold back to what the story says; those are found in their own story.
    if (fold(query) === fold(simplified)) {
      assert.ok(got.includes(story), `${query} finds ${story}`);
      foundOwn++;
    }
  }
  assert.ok(
    foundOwn >= phrases.length * 0.75,
    `${foundOwn} of ${phrases.length} phrases fold back to the story's own text`,
  );
});

test('mixed-script queries (经開区, 開发区 储能) find what their Simplified form finds', async () => {
  const page = await (await site.context()).newPage();
  const base = site.url('').replace(/\/$/, '');
  for (const [mixed, simplified] of [
    ['经開区', '经开区'],
    ['開发区', '开发区'],
    ['开發區', '开发区'],
    ['長治 高新區', '长治 高新区'],
    ['開發區 储能', '开发区 储能'],
    ['儲能 電站', '储能 电站'],
  ] as const) {
    const got = await searchAt(page, base, mixed);
    assert.deepEqual(got, scan(simplified, storyTexts), mixed);
    assert.deepEqual(got, await searchAt(page, base, simplified), `${mixed} = ${simplified}`);
  }
  assert.ok((await searchAt(page, base, '经開区')).length > 0, 'not vacuous');
});

test('a Traditional query marks the original Simplified characters in the results and asks the story page for them', async () => {
  const page = await (await site.context()).newPage();
  await searchAt(page, site.url('').replace(/\/$/, ''), '標準地');
  const item = page.locator(`${results} li`).first();
  assert.deepEqual([...new Set(await item.locator('mark').allInnerTexts())], ['标准地']);
  assert.match(
    (await item.locator('h2 a').getAttribute('href'))!,
    new RegExp(`\\?hl=${encodeURIComponent('标准地')}$`),
  );
  await searchAt(page, site.url('').replace(/\/$/, ''), '長治高新區');
  assert.deepEqual([...new Set(await page.locator(`${results} li mark`).allInnerTexts())], ['长治高新区']);
});

test('following a result of a Traditional query highlights the Simplified hit on the story page', async () => {
  const context = await site.context({ viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  const folds = foldRequests(page);
  await searchAt(page, site.url('').replace(/\/$/, ''), '合成氨 標準地');
  await page.locator(`${results} li h2 a`).first().click();
  await page.waitForURL(/\/stories\/lingshi-etdz-transformation\/\?hl=/);
  const marks = page.locator('article mark');
  assert.deepEqual([...new Set(await marks.allInnerTexts())].sort(), ['合成氨', '标准地'].sort());
  assert.ok(await marks.first().isVisible());
  assert.equal(folds.length, 1, 'the table was fetched once, on the search page, not by the story page');
  await context.close();
});

test('the fold table travels only when a search needs it: a Traditional query, never a Simplified one with results or a story page', async () => {
  const page = await (await site.context()).newPage();
  const folds = foldRequests(page);
  const base = site.url('').replace(/\/$/, '');
  for (const query of ['开发区', '储能', '区', '招商 项目']) await searchAt(page, base, query);
  await page.goto(site.url(storyPath('lingshi-etdz-transformation')));
  assert.deepEqual(folds, [], 'no table for Simplified queries or story pages');
  await searchAt(page, base, '開發區');
  assert.equal(folds.length, 1, 'a Traditional query fetches the table');
  const bytes = readFileSync(join(process.env.ARCHIVE_OUT_DIR ?? 'dist', folds[0]!)).length;
  assert.ok(bytes <= 30 * 1024, `the table is ${bytes} bytes gzip (at most 30 KB)`);
});

// ---- the other direction: stories in Traditional characters ----------------------------------

// Default settings (the lexicon answers), no rare words (Pagefind answers) and a rare limit of 2 (rare words beside common ones, checked against the text).
for (const env of [
  {},
  { SEARCH_SHARD_SIZE: '2', SEARCH_RARE_LIMIT: '0' },
  { SEARCH_SHARD_SIZE: '2', SEARCH_RARE_LIMIT: '2' },
] as Record<string, string>[]) {
  test(`a copy re-indexed from Traditional text (${JSON.stringify(env)}): Simplified, Traditional and mixed queries find exactly its stories, marks show the Traditional original`, async () => {
    const work = mkdtempSync(join(tmpdir(), 'search-fold-'));
    const source = join(work, 'traditional.jsonl');
    const converted = recordedStories().map((story) => ({
      ...story,
      kicker: story.kicker && toTraditional(story.kicker),
      headline: toTraditional(story.headline),
      subhead: story.subhead && toTraditional(story.subhead),
      head: toTraditional(story.head),
      body: toTraditional(story.body),
    }));
    writeFileSync(source, converted.map((s) => JSON.stringify(s)).join('\n') + '\n');
    const { root } = reindexedCopy({ ARCHIVE_SEARCH_SOURCE: source, ...env });
    const server = await startServer(root);
    try {
      // The indexer records which stories hold a character of the table.
      const id = JSON.parse(readFileSync(join(root, 'lexicon.json'), 'utf8')).id as string;
      const shown = readdirSync(join(root, 'lexicon-files', id, 's')).map((f) =>
        JSON.parse(gunzipSync(readFileSync(join(root, 'lexicon-files', id, 's', f))).toString()),
      );
      assert.ok(
        shown.every((s) => s.meta.folds === true),
        'every converted story is marked as folding',
      );

      const texts = converted.map((s) => ({ path: storyPath(s.slug), text: `${s.head}\n${s.body}` }));
      const page = await (await site.context()).newPage();
      const folds = foldRequests(page);
      const queries = [
        '开发区',
        '經濟技術開發區',
        '经開区',
        '储能',
        '儲能 電站',
        '长治',
        '科学导报讯',
        '新质生产力',
        '区',
        '報廢汽車',
        '上海',
      ];
      for (const query of queries) {
        const got = await searchAt(page, server.url, query);
        assert.deepEqual(got, scan(query, texts), query);
      }
      assert.ok((await searchAt(page, server.url, '开发区')).length >= 3, 'not vacuous');
      // A Simplified query over Traditional text: the marks, and the hit the story page is asked for, are as printed.
      await searchAt(page, server.url, '开发区');
      assert.deepEqual(
        [...new Set(await page.locator(`${results} li .search-excerpt mark`).allInnerTexts())],
        ['開發區'],
      );
      const href = (await page.locator(`${results} li h2 a`).first().getAttribute('href'))!;
      assert.equal(new URL(href, server.url).searchParams.get('hl'), '開發區');
      assert.ok(folds.length >= 1, 'the table was loaded to mark Traditional text');
    } finally {
      await server.close();
      rmSync(root, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    }
  });
}
