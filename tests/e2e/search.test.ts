/**
 * Search, in Chromium through /search/: every query of the shared list and of a held-back list
 * returns exactly the stories whose text contains every term (checked against the list and
 * against a brute-force scan of the story files), ranking, filters, sort, history, highlighting
 * on the story page, the / key, the aria-busy contract, the no-JavaScript message.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { DIST, useSite } from '../support/site.ts';
import { fold, headOf, plainScan, stories, termsOf, textOf } from '../support/plain-scan.ts';
import { searchTextPartPath, storyPath } from '../../src/lib/urls.ts';
import { OPENING_CHARS, partOf } from '../../src/search/core/text-parts.ts';
import { recordedStory } from '../support/recorded.ts';
import { withReindexedCopy } from '../support/reindex.ts';
import { axeViolations } from '../../tooling/gates/axe.ts';
import { afterClause, splitsRun } from '../support/excerpt-rules.ts';

const site = useSite();

// ---- ground truth, independent of the site's code -------------------------------------------

const bruteForce = (query: string) => plainScan(query);

/** A story named as queries.tsv names it: by kicker, or the photo news by its name + (图片新闻). */
function byName(name: string): string {
  const story =
    stories.find((s) => s.data.kicker === name) ??
    stories.find((s) => s.data.format === 'photo' && s.data.headline.includes(name.replace('(图片新闻)', '')));
  assert.ok(story, `no story named ${name}`);
  return storyPath(story.data.slug);
}

function readTsv(file: string): { query: string; count: number; expected: string[] }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [query, count, names = ''] = line.split('\t');
      return { query: query!, count: Number(count), expected: names ? names.split(' | ') : [] };
    });
}

// ---- driving the page ------------------------------------------------------------------------

const results = '[data-testid="search-results"]';

async function settled(page: Page): Promise<void> {
  await page.waitForSelector(`${results}[aria-busy="false"]`, { state: 'attached' });
}

/** Result links (story paths, without the ?hl= part) in the order shown. */
async function resultPaths(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator(`${results} li h2 a`)
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  return hrefs.map((href) => href.replace(/\?.*$/, ''));
}

async function searchFor(page: Page, query: string, extra = ''): Promise<string[]> {
  await page.goto(site.url(`/search/?q=${encodeURIComponent(query)}${extra}`));
  await settled(page);
  return resultPaths(page);
}

const sorted = (a: string[]) => [...a].sort();

/** Searches a listed query: the results are the listed stories (`expected`) and what brute force finds. */
async function checkListed(page: Page, row: { query: string; count: number }, expected: string[]): Promise<void> {
  const got = await searchFor(page, row.query);
  assert.equal(expected.length, row.count, `${row.query}: list is consistent`);
  assert.deepEqual(sorted(got), sorted(expected), `${row.query}`);
  assert.deepEqual(sorted(got), sorted(bruteForce(row.query)), `${row.query}: brute force`);
}

/**
 * The nginx pass (tooling/nginx/run-tests.ts) checks that search works through nginx; these check
 * the search itself over many queries, on the same files whichever server sends them: once is enough.
 */
const onceOnly =
  process.env.ARCHIVE_SERVER === 'nginx' &&
  'search exactness, the same whichever server: checked in the preview-server pass';

test(
  'every query of the shared list (tests/fixtures/search-queries.tsv) finds exactly its stories',
  { skip: onceOnly },
  async () => {
    const page = await (await site.context()).newPage();
    for (const row of readTsv('tests/fixtures/search-queries.tsv')) {
      await checkListed(page, row, row.expected.map(byName));
      assert.equal(
        await page.locator('#search-status').innerText(),
        row.count > 0
          ? `找到${row.count}篇`
          : `没有稿件${termsOf(row.query).length > 1 ? '同时' : ''}包含${termsOf(row.query)
              .map((t) => `“${t}”`)
              .join('')}。`,
      );
    }
  },
);

test(
  'held-back queries (digits, Latin, symbols, spaces, quotes, single characters) find exactly their stories',
  { skip: onceOnly },
  async () => {
    const page = await (await site.context()).newPage();
    for (const row of readTsv('tests/fixtures/search-queries-extra.tsv'))
      await checkListed(page, row, row.expected.map(storyPath));
  },
);

test(
  'every substring of two to four characters of a story finds what brute force finds (sampled)',
  { skip: onceOnly },
  async () => {
    const page = await (await site.context()).newPage();
    const text = fold(textOf(stories.find((s) => s.data.slug === 'lingshi-etdz-transformation')!));
    const chars = Array.from(text);
    for (let i = 7; i < chars.length; i += 211) {
      const term = chars
        .slice(i, i + 2 + (i % 3))
        .join('')
        .trim();
      if (!term || /["“”\s]/.test(term)) continue;
      assert.deepEqual(sorted(await searchFor(page, term)), sorted(bruteForce(term)), term);
    }
  },
);

test('results show kicker, headline, date, section, place and an excerpt with the whole hit marked', async () => {
  const page = await (await site.context()).newPage();
  await searchFor(page, '"管委会+公司"');
  const item = page.locator(`${results} li`).first();
  assert.equal(await item.locator('h2 a').innerText(), '多元施策突围转型发展主战场');
  const text = await item.innerText();
  for (const part of ['灵石经济技术开发区', '2025年10月', '开发区', '晋中市 · 灵石县'])
    assert.ok(text.includes(part), part);
  assert.equal(await item.locator('time').getAttribute('datetime'), '2025-10');
  assert.deepEqual(await item.locator('.search-excerpt mark').allInnerTexts(), ['管委会+公司']);
  assert.equal(
    await item.locator('h2 a').getAttribute('href'),
    `${storyPath('lingshi-etdz-transformation')}?hl=${encodeURIComponent('管委会+公司')}`,
  );

  await searchFor(page, '储能电站');
  const photo = page.locator(`${results} li`).first();
  assert.match(await photo.innerText(), /2025年10月3日/);
  assert.deepEqual(
    await photo.locator('h2 mark').allInnerTexts(),
    ['储能电站'],
    'the hit in the headline is marked too',
  );
  await searchFor(page, '100mw');
  assert.deepEqual(
    await page.locator(`${results} .search-excerpt mark`).allInnerTexts(),
    ['100MW'],
    'marked as printed',
  );
});

test('a result marks what of its date and headline the archive derived, exactly as its listing does', async () => {
  const page = await (await site.context()).newPage();
  await page.goto(site.url('/'));
  /** The date line (with its mark) and the headline line (with its mark) of the card linked to `path`, under `root`. */
  const marked = (root: string, path: string) =>
    page.locator(`${root} li:has(h2 a[href^="${path}"]) article`).evaluate((article) => ({
      date: (article.querySelector('.story-date') as HTMLElement).innerText,
      inferred: [...article.querySelectorAll('.date-inferred')].map((el) => (el as HTMLElement).innerText),
      headline: (article.querySelector('h2') as HTMLElement).innerText,
    }));
  const listed = new Map<string, Awaited<ReturnType<typeof marked>>>();
  for (const story of stories) listed.set(story.data.slug, await marked('main', storyPath(story.data.slug)));
  // Every story of the six derives some of its date, and one its headline: else this proves nothing.
  assert.ok([...listed.values()].every((card) => card.inferred.length === 1));
  assert.ok([...listed.values()].some((card) => card.headline.includes('标题取自图片说明')));
  assert.ok(new Set([...listed.values()].map((card) => card.inferred[0])).size > 1, 'the marks differ by story');
  for (const story of stories) {
    await searchFor(page, `"${story.data.headline}"`, '&in=title');
    assert.deepEqual(await marked(results, storyPath(story.data.slug)), listed.get(story.data.slug), story.data.slug);
  }
});

test("a result is the listings' story card: the same elements with the same classes as on the home page", async () => {
  const page = await (await site.context()).newPage();
  /** Tag and classes of each part of the card of the story linked to `path`, under `root`. */
  const parts = (root: string, path: string) =>
    page.locator(`${root} li:has(h2 a[href^="${path}"]) article`).evaluate((article) =>
      ['', 'p.text-accent', 'h2', 'h2 a', '.story-meta', ':scope > p:last-child'].map((selector) => {
        const el = selector ? article.querySelector(selector) : article;
        return el
          ? `${el.tagName} ${[...el.classList].filter((c) => c !== 'search-excerpt').join(' ')}`
          : `${selector}: none`;
      }),
    );
  await page.goto(site.url('/'));
  const listed = await parts('main', storyPath('lingshi-etdz-transformation'));
  await searchFor(page, '"管委会+公司"');
  assert.deepEqual(await parts(results, storyPath('lingshi-etdz-transformation')), listed);
  assert.ok(
    listed.every((part) => !part.endsWith(': none') && /\S+ \S/.test(part)),
    listed.join(' | '),
  );
});

// ---- excerpts are cut at clause boundaries (issue #10 item 1) --------------------------------

test(
  'excerpts start and end at clause boundaries and never cut a number or word (储能 shows 10月3日, not …0月3日)',
  { skip: onceOnly },
  async () => {
    const page = await (await site.context()).newPage();
    const bodies = new Map<string, string[]>();
    const bodyOf = (path: string) => {
      const slug = path.split('/')[2]!;
      if (!bodies.has(slug)) bodies.set(slug, Array.from(recordedStory(slug).body));
      return bodies.get(slug)!;
    };
    let checked = 0;
    for (const query of [
      '储能',
      '上午',
      '导报讯',
      '10月',
      '月3日',
      '2024年',
      '100mw',
      '项目',
      '区',
      '"管委会+公司"',
      '孔庆锁',
      '压路机',
      '合成氨',
      '习近平',
      '招商 营商环境',
    ]) {
      const paths = await searchFor(page, query);
      const excerpts = await page
        .locator(`${results} li .search-excerpt`)
        .evaluateAll((els) => els.map((el) => el.textContent!));
      assert.equal(excerpts.length, paths.length, query);
      for (const [i, shown] of excerpts.entries()) {
        const body = bodyOf(paths[i]!);
        const text = shown.replace(/^…/, '').replace(/…$/, '');
        const start =
          body.join('').indexOf(text) >= 0
            ? Array.from(body.join('').slice(0, body.join('').indexOf(text))).length
            : -1;
        const label = `${query} → ${paths[i]}: ${JSON.stringify(shown)}`;
        assert.ok(start >= 0, `${label}: the excerpt is the story's text`);
        const end = start + Array.from(text).length;
        assert.ok(
          start === 0 || afterClause(body, start),
          `${label}: starts at the text's start or after clause punctuation`,
        );
        assert.ok(
          end === body.length || afterClause(body, end) || body[end] === '\n',
          `${label}: ends at the text's end or at clause punctuation`,
        );
        assert.ok(!splitsRun(body, start) && !splitsRun(body, end), `${label}: no run of digits or letters cut`);
        assert.equal(shown.startsWith('…'), start > 0, `${label}: "…" exactly where text is left out before`);
        assert.equal(shown.endsWith('…'), end < body.length, `${label}: "…" exactly where text is left out after`);
        assert.ok(Array.from(text).length <= 135, `${label}: at most 135 characters`);
        checked++;
      }
    }
    assert.ok(checked >= 30, `${checked} excerpts checked`);
    // The photo news nearly fits: shown whole, with its date whole and both hits marked.
    await searchFor(page, '储能');
    const photo = page.locator(`${results} li .search-excerpt`).first();
    assert.match((await photo.textContent())!, /^10月3日,山西转型综改示范区,/);
    assert.deepEqual(await photo.locator('mark').allInnerTexts(), ['储能', '储能']);
  },
);

test('a result fetches the parts of its story text only as far as its excerpt needs', async () => {
  const page = await (await site.context()).newPage();
  const parts: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/excerpts/')) parts.push(path);
  });
  // 灵石's text runs to 8 parts after the opening; 管委会+公司 stands about 2,630 characters in,
  // and the hit's index position points to its part.
  await searchFor(page, '"管委会+公司"');
  const numbers = parts.map((path) => {
    assert.match(path, /^\/excerpts\/lingshi-etdz-transformation-[0-9a-f]{10}\.\d+\.txt\.gz$/);
    return Number(path.split('.').at(-3));
  });
  // The indexed text: what the build recorded for the index.
  const indexed = recordedStory('lingshi-etdz-transformation').body;
  const hitPart = partOf(Array.from(indexed.slice(0, indexed.indexOf('管委会+公司'))).length);
  assert.ok(
    numbers.includes(hitPart) && numbers.length <= 2,
    `fetched parts ${numbers}, the hit is in part ${hitPart}`,
  );
  // A part that cannot be fetched leaves the excerpt at the story's opening; the result stands.
  await page.route('**/excerpts/**', (route) => route.fulfill({ status: 404, body: '' }));
  const found = await searchFor(page, '"管委会+公司"');
  assert.deepEqual(found, [storyPath('lingshi-etdz-transformation')]);
  assert.equal(await page.locator('#search-status').textContent(), '找到1篇');
  assert.ok((await page.locator(`${results} .search-excerpt`).innerText()).length > 20, 'an excerpt from the opening');
  await page.unroute('**/excerpts/**');
  parts.length = 0;
  // A hit in the first part (and a story with no more parts) fetches none.
  await searchFor(page, '储能电站');
  await searchFor(page, '灵石经济技术开发区');
  assert.deepEqual(parts, []);
});

/** Expected relevance order, computed from the story files. */
function expectedOrder(query: string): string[] {
  const terms = termsOf(query);
  const count = (text: string, t: string) => {
    let n = 0;
    for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1)) n++;
    return n;
  };
  return stories
    .filter((s) => terms.every((t) => fold(textOf(s)).includes(t)))
    .map((s) => ({
      path: storyPath(s.data.slug),
      head: terms.filter((t) => fold(headOf(s)).includes(t)).length,
      // one-character terms count once per story (the index keeps each character once)
      often: terms.reduce((sum, t) => sum + (Array.from(t).length > 1 ? count(fold(textOf(s)), t) : 1), 0),
      date: new Date(s.data.date).getTime(),
      slug: s.data.slug,
    }))
    .sort((a, b) => b.head - a.head || b.often - a.often || b.date - a.date || a.slug.localeCompare(b.slug))
    .map((s) => s.path);
}

test('ranking: hits in kicker or headline first, then how often, then newest', async () => {
  const page = await (await site.context()).newPage();
  for (const query of ['开发区', '项目', '建设', '区', '习近平', '发展 项目', '经济技术开发区 企业']) {
    assert.deepEqual(await searchFor(page, query), expectedOrder(query), query);
  }
  // 区 is in five kickers; the photo news (no kicker, not in its headline) comes last.
  assert.equal((await searchFor(page, '区')).at(-1), storyPath('taiyuan-energy-storage-station-photo'));
});

test('newest first: the sort switch reorders by date and is kept in the address', async () => {
  const page = await (await site.context()).newPage();
  await searchFor(page, '区');
  await page.getByLabel('排序').selectOption('newest');
  await page.waitForURL(/sort=newest/);
  await settled(page);
  const newest = [...stories]
    .sort((a, b) => +new Date(b.data.date) - +new Date(a.data.date) || a.data.slug.localeCompare(b.data.slug))
    .map((s) => storyPath(s.data.slug));
  assert.deepEqual(await resultPaths(page), newest);
  await page.reload();
  await settled(page);
  assert.equal(await page.getByLabel('排序').inputValue(), 'newest');
  assert.deepEqual(await resultPaths(page), newest);
});

test('filters by section and place show counts, narrow the results and are kept in the address', async () => {
  const page = await (await site.context()).newPage();
  await searchFor(page, '区');
  const section = page.getByLabel('栏目');
  const place = page.getByLabel('地区');
  assert.deepEqual(await section.locator('option').allInnerTexts(), [
    '全部栏目',
    '开发区（2）',
    '项目（3）',
    '会议（1）',
  ]);
  assert.deepEqual(await place.locator('option').allInnerTexts(), [
    '全部地区',
    '太原市（1）',
    '长治市（1）',
    '晋城市（1）',
    '朔州市（1）',
    '晋中市（2）',
  ]);
  await section.selectOption('project');
  await page.waitForURL(/section=project/);
  await settled(page);
  assert.deepEqual(
    sorted(await resultPaths(page)),
    sorted(stories.filter((s) => s.data.section === 'project').map((s) => storyPath(s.data.slug))),
  );
  assert.equal(await page.locator('#search-status').innerText(), '找到3篇（筛选前共6篇）');
  // place counts now count project stories only
  assert.deepEqual(await place.locator('option').allInnerTexts(), [
    '全部地区',
    '太原市（1）',
    '长治市（0）',
    '晋城市（0）',
    '朔州市（1）',
    '晋中市（1）',
  ]);
  await place.selectOption('jinzhong');
  await page.waitForURL(/place=jinzhong/);
  await settled(page);
  assert.deepEqual(await resultPaths(page), [storyPath('xiyang-vehicle-recycling-project')]);
  // a shared link opens the same view
  const again = await (await site.context()).newPage();
  assert.deepEqual(await searchFor(again, '区', '&section=project&place=jinzhong'), [
    storyPath('xiyang-vehicle-recycling-project'),
  ]);
  assert.equal(await again.getByLabel('栏目').inputValue(), 'project');
  // filters with more than one term
  assert.deepEqual(await searchFor(again, '招商 营商环境', '&place=jincheng'), [
    storyPath('jincheng-etdz-industrial-ecosystem'),
  ]);
  assert.deepEqual(await again.getByLabel('栏目').locator('option').allInnerTexts(), [
    '全部栏目',
    '开发区（1）',
    '项目（0）',
    '会议（0）',
  ]);
});

test('the address follows the query as the reader types, and Back returns to earlier searches', async () => {
  const page = await (await site.context()).newPage();
  await searchFor(page, '招商');
  const box = page.getByRole('searchbox', { name: '搜索档案全文' });
  assert.equal(await box.inputValue(), '招商');
  await box.fill('王波');
  await page.waitForURL((url) => url.searchParams.get('q') === '王波');
  await settled(page);
  assert.deepEqual(await resultPaths(page), [storyPath('jincheng-etdz-industrial-ecosystem')]);
  await page.waitForTimeout(1200); // the search settles
  await box.fill('储');
  await box.press('End');
  await page.keyboard.type('能');
  await page.waitForURL((url) => url.searchParams.get('q') === '储能');
  await settled(page);
  assert.deepEqual(await resultPaths(page), [storyPath('taiyuan-energy-storage-station-photo')]);
  await page.goBack();
  await page.waitForURL((url) => url.searchParams.get('q') === '王波');
  await settled(page);
  assert.equal(await box.inputValue(), '王波');
  assert.deepEqual(await resultPaths(page), [storyPath('jincheng-etdz-industrial-ecosystem')]);
  await page.goBack();
  await page.waitForURL((url) => url.searchParams.get('q') === '招商');
  await settled(page);
  assert.equal((await resultPaths(page)).length, 2);
  // Enter makes a search its own entry too
  await box.fill('赵赞');
  await box.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === '赵赞');
  await settled(page);
  await page.goBack();
  await page.waitForURL((url) => url.searchParams.get('q') === '招商');
});

test('the header box leads to the search page, which searches the query it was given', async () => {
  const page = await (await site.context()).newPage();
  await page.goto(site.url(storyPath('pinglu-hazardous-waste-project')));
  await page.getByRole('searchbox', { name: '搜索档案' }).fill('压路机');
  await page.getByRole('searchbox', { name: '搜索档案' }).press('Enter');
  await page.waitForURL(/\/search\/\?q=/);
  await settled(page);
  assert.deepEqual(await resultPaths(page), [storyPath('pinglu-hazardous-waste-project')]);
  assert.equal(await page.getByRole('status').innerText(), '找到1篇');
});

test('following a result highlights the hit on the story page and scrolls to it', async () => {
  const context = await site.context({ viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  for (const term of ['标准地', '准地', '合成氨']) {
    await searchFor(page, term);
    await page.locator(`${results} li h2 a`).first().click();
    await page.waitForURL(/\/stories\/lingshi-etdz-transformation\/\?hl=/);
    const marks = page.locator('article mark');
    assert.ok((await marks.count()) >= 1, term);
    assert.deepEqual([...new Set(await marks.allInnerTexts())], [term]);
    assert.ok(await marks.first().isVisible());
    const box = (await marks.first().boundingBox())!;
    assert.ok(box.y >= 0 && box.y < 600, `${term}: the first hit is in view (y=${box.y})`);
    assert.ok((await page.evaluate(() => scrollY)) > 0, `${term}: scrolled`);
  }
  // The story text is unchanged apart from the marks, and without ?hl= nothing is marked.
  await page.goto(site.url(storyPath('lingshi-etdz-transformation')));
  assert.equal(await page.locator('article mark').count(), 0);
  await context.close();
});

test('the / key focuses the search box (search page and other pages), but not while typing', async () => {
  const page = await (await site.context()).newPage();
  await page.goto(site.url(storyPath('changzhi-hi-tech-zone-study-meeting')));
  await page.locator('body').press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search');
  await page.goto(site.url('/search/?q=区'));
  await settled(page);
  await page.locator(`${results} a`).first().focus();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-q');
  await page.keyboard.type('1/2');
  assert.equal(await page.locator('#search-q').inputValue(), '1/2', 'a slash typed in the box stays text');
});

test('aria-busy is true while a search runs and false once results or the empty state show; the count is announced', async () => {
  const page = await (await site.context()).newPage();
  await page.addInitScript(() => {
    (window as unknown as { busy: string[] }).busy = [];
    document.addEventListener('DOMContentLoaded', () => {
      const list = document.querySelector('[data-testid="search-results"]')!;
      (window as unknown as { busy: string[] }).busy.push(list.getAttribute('aria-busy')!);
      new MutationObserver(() =>
        (window as unknown as { busy: string[] }).busy.push(list.getAttribute('aria-busy')!),
      ).observe(list, {
        attributes: true,
        attributeFilter: ['aria-busy'],
      });
    });
  });
  await searchFor(page, '储能');
  assert.equal(await page.locator(`${results} li`).count(), 1);
  await page.getByRole('searchbox', { name: '搜索档案全文' }).fill('区块链');
  await page.waitForFunction(() => document.querySelector('#search-status')?.textContent?.includes('区块链'));
  await settled(page);
  assert.equal(await page.locator(`${results} li`).count(), 0);
  const busy = await page.evaluate(() => (window as unknown as { busy: string[] }).busy);
  assert.equal(busy[0], 'true');
  assert.equal(busy.at(-1), 'false');
  assert.ok(busy.filter((b) => b === 'true').length >= 2, 'busy again for the second search');
  const status = page.getByRole('status');
  assert.equal(await status.innerText(), '没有稿件包含“区块链”。');
  // every result links to its story
  await searchFor(page, '区');
  const hrefs = await page
    .locator(`${results} li a[href]`)
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  assert.equal(hrefs.length, 6);
  for (const href of hrefs)
    assert.ok(
      stories.some((s) => href.startsWith(storyPath(s.data.slug))),
      href,
    );
});

test('results can be reached and opened with the keyboard alone', async () => {
  const page = await (await site.context()).newPage();
  await page.goto(site.url('/search/'));
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-q', 'the box has focus on arrival');
  await page.keyboard.type('压路机');
  await settled(page);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="search-results"] li').length === 1);
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => !!document.activeElement?.closest('[data-testid="search-results"]'))) break;
  }
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/stories\/pinglu-hazardous-waste-project\//);
});

// ---- the page around the results (issue #10 item 12) ------------------------------------------

test('the tab title carries the query, and follows it as the reader types', async () => {
  const page = await (await site.context()).newPage();
  await searchFor(page, '储能');
  assert.equal(await page.title(), '“储能”的搜索结果 - 科学导报新闻档案');
  await page.getByRole('searchbox', { name: '搜索档案全文' }).fill('管委会 公司');
  await page.waitForURL((url) => url.searchParams.get('q') === '管委会 公司');
  await settled(page);
  assert.equal(await page.title(), '“管委会 公司”的搜索结果 - 科学导报新闻档案');
  await page.getByRole('searchbox', { name: '搜索档案全文' }).fill('');
  await page.waitForFunction(() => document.title === '搜索 - 科学导报新闻档案');
  await page.goto(site.url('/search/'));
  assert.equal(await page.title(), '搜索 - 科学导报新闻档案');
});

test('no result: the status says so once, and next steps follow (spelling, fewer or shorter terms, sections, dates)', async () => {
  const page = await (await site.context()).newPage();
  await searchFor(page, '区块链');
  const status = page.locator('#search-status');
  assert.equal(await status.innerText(), '没有稿件包含“区块链”。');
  const next = page.locator('#search-empty');
  assert.equal(await next.isVisible(), true);
  const text = await next.innerText();
  for (const step of ['错字', '少用几个词', '更短的词', '按栏目浏览', '按日期浏览'])
    assert.ok(text.includes(step), step);
  assert.equal(await next.locator('a[href="/sections/project/"]').isVisible(), true);
  assert.equal(await next.locator('a[href="/archive/"]').isVisible(), true);
  assert.equal(await page.locator('#search-empty-filters').isVisible(), false, 'no filter chosen: no filter hint');
  // Two terms that never meet.
  await searchFor(page, '管委会 上海');
  assert.equal(await status.innerText(), '没有稿件同时包含“管委会”“上海”。');
  // Results exist but the filters hide them: said, and the first step is to widen the filters.
  await searchFor(page, '储能', '&place=jinzhong');
  assert.equal(await status.innerText(), '有1篇稿件包含“储能”，但都不在所选的栏目或地区中。');
  assert.equal(await page.locator('#search-empty-filters').isVisible(), true);
  // Results shown: no next steps.
  await searchFor(page, '储能');
  assert.equal(await next.isVisible(), false);
  for (const colorScheme of ['light', 'dark'] as const) {
    await searchFor(page, '区块链');
    await page.emulateMedia({ colorScheme });
    assert.deepEqual(await axeViolations(page), [], `axe, ${colorScheme}, with the next steps shown`);
  }
});

test('the hint uses Chinese quotation marks, and shows the / key only where there is a keyboard and a pointer that hovers', async () => {
  const desktop = await (await site.context({ viewport: { width: 1280, height: 800 } })).newPage();
  await desktop.goto(site.url('/search/'));
  const help = await desktop.locator('#search-help').innerText();
  assert.ok(help.includes('（如“管委会+公司”）'), help);
  assert.ok(!help.includes('"'), 'no straight quotes in the hint');
  assert.ok(help.includes('按 / 键回到搜索框'), 'desktop: the / key is offered');
  const phone = await (
    await site.context({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true })
  ).newPage();
  await phone.goto(site.url('/search/'));
  const touchHelp = await phone.locator('#search-help').innerText();
  assert.ok(touchHelp.includes('（如“管委会+公司”）'), touchHelp);
  assert.ok(!touchHelp.includes('按 / 键'), `touch screen: no / key hint (${touchHelp})`);
  // The quoted syntax in the hint works with either kind of quotes.
  for (const query of ['“管委会+公司”', '"管委会+公司"']) {
    assert.deepEqual(await searchFor(desktop, query), [storyPath('lingshi-etdz-transformation')], query);
  }
});

test('without JavaScript the search page shows its one search form, which sends /search/?q=…, says search needs JavaScript and offers browsing', async () => {
  const context = await site.context({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.url('/search/?q=储能'));
  const main = page.locator('main');
  assert.match(await main.innerText(), /全文搜索需要浏览器启用JavaScript/);
  assert.equal(await main.locator('a[href="/sections/project/"]:visible').count(), 1, 'by section');
  assert.equal(await main.locator('a[href="/archive/"]:visible').count(), 1, 'by date');
  assert.equal(await page.locator('#search-app').isVisible(), false, 'no empty results area');
  const boxes = page.getByRole('searchbox');
  assert.equal(await boxes.count(), 1, "one search box, not the header's too");
  const box = page.getByRole('searchbox', { name: '搜索档案全文' });
  assert.equal(await box.isVisible(), true);
  const form = page.locator('form:has(#search-q)');
  assert.equal(await form.getAttribute('action'), '/search/');
  assert.equal(await form.getAttribute('method'), 'get');
  await box.fill('招商');
  await box.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === '招商');
  assert.equal(
    new URL(page.url()).search,
    `?q=${encodeURIComponent('招商')}`,
    'only the query, as the header box sends it',
  );
  await context.close();

  // With JavaScript the same form is the one the search uses.
  const scripted = await (await site.context()).newPage();
  assert.deepEqual(sorted(await searchFor(scripted, '招商')), sorted(plainScan('招商')));
  assert.equal(await scripted.getByRole('searchbox').count(), 1);
  assert.equal(await scripted.getByRole('searchbox', { name: '搜索档案全文' }).inputValue(), '招商');
  assert.equal(await scripted.locator('#search-app').isVisible(), true);
});

test('story pages load no search code; the search page loads the index only for a search, and Pagefind not for a rare term', async () => {
  const page = await (await site.context()).newPage();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(site.url(storyPath('jincheng-etdz-industrial-ecosystem')));
  await page.goto(site.url('/search/'));
  await page.waitForLoadState('networkidle');
  const searchFiles = () => requested.filter((p) => p.startsWith('/pagefind/') || p.startsWith('/lexicon'));
  assert.deepEqual(searchFiles(), [], 'no index before a search');
  await page.keyboard.type('招商');
  await settled(page);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="search-results"] li').length === 2);
  assert.ok(requested.includes('/lexicon.json'));
  assert.ok(
    requested.some((p) => /^\/lexicon-files\/[0-9a-f]{16}\/b\/\d+\.bin$/.test(p)),
    'a lexicon bucket',
  );
  // On six stories every word is rare (SEARCH_RARE_LIMIT, default 100): the lexicon answers.
  assert.deepEqual(
    requested.filter((p) => p.startsWith('/pagefind/')),
    [],
    'no Pagefind for a rare term',
  );
});

test("what a result shows and the text parts hold the readable text, whole, in the archive's own files", () => {
  const manifest = JSON.parse(readFileSync(join(DIST, 'lexicon.json'), 'utf8')) as { id: string; stories: number };
  const dir = join(DIST, 'lexicon-files', manifest.id, 's');
  const files = readdirSync(dir);
  // One file a story, named by its archive number (0 = newest).
  assert.deepEqual(
    files.map((file) => Number.parseInt(file, 10)).sort((a, b) => a - b),
    stories.map((_, n) => n),
  );
  for (const file of files) {
    const shown = JSON.parse(gunzipSync(readFileSync(join(dir, file))).toString());
    const story = stories.find((s) => storyPath(s.data.slug) === shown.meta.url);
    assert.ok(story, shown.meta.url);
    assert.equal(shown.meta.headline, story.data.headline);
    assert.ok(shown.content.includes(story.body.trim().split('\n')[0]!.slice(0, 30)) || story.data.format === 'photo');
    // The first part of the text is in the result's file, the rest in numbered parts: nothing lost.
    const parts = Array.from({ length: shown.meta.parts }, (_, k) =>
      gunzipSync(readFileSync(join(DIST, searchTextPartPath(shown.meta.textId, k + 1)))).toString(),
    );
    const text = shown.content + parts.join('');
    const lastLine = story.body.trim().split('\n').at(-1)!.trim();
    assert.ok(text.includes(lastLine.slice(-20)), `${shown.meta.url}: the text runs to its last line`);
    assert.equal(Array.from(shown.content).length, Math.min(OPENING_CHARS, Array.from(text).length));
  }
  assert.ok(readdirSync(join(DIST, 'excerpts')).length > 0, 'the longer stories have parts');
  assert.ok(
    !existsSync(join(DIST, 'pagefind', 'fragment')),
    "Pagefind's fragments are not kept: what a result shows is written once",
  );
});

// It serves its own re-indexed copies of dist/ with the preview server: the nginx pass would repeat it unchanged.
const ownServer = process.env.ARCHIVE_SERVER === 'nginx' && 'serves its own re-indexed copies with the preview server';

/**
 * The lexicon answers terms with a word in at most SEARCH_RARE_LIMIT stories; Pagefind the rest,
 * shard by shard; a rare word beside common ones is checked against the text. On six stories the
 * default limit sends everything to the lexicon, so these indexes force each path: 0 (Pagefind
 * alone) and 2 (all three, terms mixed).
 */
for (const rareLimit of ['0', '2']) {
  test(
    `with shards of two stories and a rare limit of ${rareLimit}, every listed query finds exactly its stories, in the same order, with the same counts`,
    { skip: ownServer },
    async () => {
      await withReindexedCopy({ SEARCH_SHARD_SIZE: '2', SEARCH_RARE_LIMIT: rareLimit }, async (url, report) => {
        assert.equal(report.shards, 3);
        const page = await (await site.context()).newPage();
        await page.goto(`${url}/search/`);
        // Submitted in the page (Pagefind loads once, as for a reader searching again and again).
        const search = async (query: string, extra = '') => {
          if (extra) await page.goto(`${url}/search/?q=${encodeURIComponent(query)}${extra}`);
          else {
            await page.evaluate((q) => {
              (document.getElementById('search-q') as HTMLInputElement).value = q;
              (document.getElementById('search-form') as HTMLFormElement).requestSubmit();
            }, query);
          }
          await settled(page);
          assert.equal(
            await page.locator('#search-status').getAttribute('data-complete'),
            'true',
            `${query}: complete`,
          );
          return resultPaths(page);
        };
        for (const row of [
          ...readTsv('tests/fixtures/search-queries.tsv'),
          ...readTsv('tests/fixtures/search-queries-extra.tsv'),
        ]) {
          assert.deepEqual(sorted(await search(row.query)), sorted(bruteForce(row.query)), row.query);
        }
        for (const query of ['开发区', '区', '发展 项目', '项目 袁兆辉', '经开区'])
          assert.deepEqual(await search(query), expectedOrder(query), query);
        await search('区', '&sort=newest');
        assert.equal((await resultPaths(page))[0], storyPath('taiyuan-energy-storage-station-photo'));
        assert.deepEqual(await page.getByLabel('栏目').locator('option').allInnerTexts(), [
          '全部栏目',
          '开发区（2）',
          '项目（3）',
          '会议（1）',
        ]);
      });
    },
  );
}

test(
  'a search Pagefind answers shows the newest stories first, says it goes on, and ends with the whole archive; an old link with ?scope= searches everything',
  { skip: ownServer },
  async () => {
    await withReindexedCopy({ SEARCH_SHARD_SIZE: '2', SEARCH_RARE_LIMIT: '0' }, async (url) => {
      const page = await (await site.context()).newPage();
      // Every text the status line shows, in order.
      await page.addInitScript(() => {
        const seen: string[] = ((window as unknown as { statusSeen: string[] }).statusSeen = []);
        new MutationObserver(() => {
          const status = document.getElementById('search-status');
          if (status?.textContent) seen.push(`${status.dataset.complete}|${status.textContent}`);
        }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      await page.goto(`${url}/search/?q=${encodeURIComponent('区')}&scope=1`);
      await settled(page);
      const seen = await page.evaluate(() => (window as unknown as { statusSeen: string[] }).statusSeen);
      assert.ok(
        seen.some((text) => /^false\|在最新的2篇稿件中找到2篇。正在检索其余4篇……$/.test(text)),
        seen.join('\n'),
      );
      assert.equal(seen.at(-1), 'true|找到6篇');
      assert.deepEqual(sorted(await resultPaths(page)), sorted(bruteForce('区')));
    });
  },
);

test(
  'a term whose words are in few shards is searched only there: other shards are not opened, and the count is exact at once',
  { skip: ownServer },
  async () => {
    // Shards of two stories, newest first (the archive's order: date, then slug); every word common.
    const byAge = [...stories].sort(
      (a, b) => b.data.date.getTime() - a.data.date.getTime() || a.data.slug.localeCompare(b.data.slug),
    );
    const oldest = byAge.slice(4).map((s) => fold(textOf(s)));
    const others = byAge.slice(0, 4).map((s) => fold(textOf(s)));
    // A two-character term of the oldest shard's stories that no newer story holds.
    const term = oldest
      .flatMap((text) => Array.from(text).map((_, i, chars) => chars.slice(i, i + 2).join('')))
      .find((t) => /^\p{Script=Han}{2}$/u.test(t) && !others.some((text) => text.includes(t)))!;
    assert.ok(term, 'the oldest stories have a bigram of their own');
    await withReindexedCopy({ SEARCH_SHARD_SIZE: '2', SEARCH_RARE_LIMIT: '0' }, async (url, report) => {
      assert.equal(report.shards, 3);
      const page = await (await site.context()).newPage();
      const metas: string[] = [];
      page.on('request', (request) => {
        const name = new URL(request.url()).pathname;
        if (name.endsWith('.pf_meta')) metas.push(name.replace(/^.*pagefind\.(\w+)_.*$/, '$1'));
      });
      const seen: string[] = [];
      await page.exposeFunction('statusSeen', (text: string) => seen.push(text));
      await page.addInitScript(() => {
        new MutationObserver(() => {
          const status = document.getElementById('search-status');
          if (status?.textContent)
            void (window as unknown as { statusSeen(t: string): void }).statusSeen(
              `${status.dataset.complete}|${status.textContent}`,
            );
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      await page.goto(`${url}/search/?q=${encodeURIComponent(term)}`);
      await settled(page);
      assert.deepEqual(sorted(await resultPaths(page)), sorted(bruteForce(term)), term);
      assert.deepEqual(
        [...new Set(metas)].sort(),
        ['qaa', 'qac'],
        'the newest shard (open from the start) and the one holding the term, not the middle one',
      );
      assert.ok(
        seen.every((text) => text.startsWith('true|')),
        `no partial count: ${seen.join(' / ')}`,
      );
      // Then a term in every shard: the open shards (newest and oldest) are not "the newest 4 stories",
      // so no partial count says so; the count comes whole.
      const mark = seen.length;
      await page.locator('#search-q').fill('区');
      await page.locator('#search-q').press('Enter');
      await page.waitForFunction(() => document.getElementById('search-status')?.textContent === '找到6篇');
      assert.ok(
        !seen.slice(mark).some((text) => text.includes('在最新的')),
        `no "newest" claim over older shards: ${seen.slice(mark).join(' / ')}`,
      );
    });
  },
);

test(
  'a rare amount whose every bigram is common is answered from its number key: no Pagefind file is fetched',
  { skip: ownServer },
  async () => {
    const term = '3000万元';
    assert.equal(bruteForce(term).length, 1, 'in one story');
    const chars = Array.from(term);
    for (let i = 0; i + 2 <= chars.length; i++) {
      const bigram = chars.slice(i, i + 2).join('');
      assert.ok(bruteForce(bigram).length >= 2, `${bigram} is in two stories or more: common at a rare limit of 1`);
    }
    await withReindexedCopy({ SEARCH_SHARD_SIZE: '2', SEARCH_RARE_LIMIT: '1' }, async (url) => {
      const page = await (await site.context()).newPage();
      const pagefind: string[] = [];
      page.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        if (path.startsWith('/pagefind/')) pagefind.push(path);
      });
      await page.goto(`${url}/search/?q=${encodeURIComponent(term)}`);
      await settled(page);
      assert.deepEqual(sorted(await resultPaths(page)), sorted(bruteForce(term)));
      assert.deepEqual(pagefind, [], 'the lexicon answered');
    });
  },
);

test(
  'a query typed while a search runs makes that search stale at once: its results never show, and the list stays busy until the new ones',
  { skip: ownServer },
  async () => {
    await withReindexedCopy({ SEARCH_SHARD_SIZE: '2', SEARCH_RARE_LIMIT: '0' }, async (url) => {
      const page = await (await site.context()).newPage();
      // Older shards' metadata (qaa, qab: shards count from the oldest story) waits until the new
      // query is typed, then arrives at once: the first search ends inside the typing pause.
      let release!: () => void;
      const typed = new Promise<void>((resolve) => (release = resolve));
      await page.route(/pagefind\.qa[ab]_[0-9a-f]+\.pf_meta$/, async (route) => {
        await typed;
        await route.continue();
      });
      const seen: string[] = [];
      await page.exposeFunction('statusSeen', (text: string) => seen.push(text));
      await page.addInitScript(() => {
        new MutationObserver(() => {
          const status = document.getElementById('search-status');
          const busy = document.getElementById('search-results')?.getAttribute('aria-busy');
          if (status?.textContent)
            void (window as unknown as { statusSeen(t: string): void }).statusSeen(`${busy}|${status.textContent}`);
        }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      await page.goto(`${url}/search/?q=${encodeURIComponent('区')}`);
      await page.waitForFunction(() => document.getElementById('search-status')?.dataset.complete === 'false');
      await page.locator('#search-q').fill('储能');
      const mark = seen.length;
      release();
      await page.waitForFunction(() => document.getElementById('search-status')?.textContent === '找到1篇');
      await settled(page);
      const after = seen.slice(mark);
      assert.ok(
        !after.some((text) => text.includes('找到6篇')),
        `the stale search's count showed: ${after.join(' / ')}`,
      );
      assert.ok(
        !after.slice(0, -1).some((text) => text.startsWith('false|')),
        `the list was marked done before the new results: ${after.join(' / ')}`,
      );
      assert.deepEqual(await resultPaths(page), bruteForce('储能'));
    });
  },
);
