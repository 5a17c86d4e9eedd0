/** Linking to, citing and sharing one story, and moving from it to others, in the built site. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { SITE_URL } from '../../astro.config.mjs';
import { BUDGET } from '../../tooling/gates/weight.ts';
import { archiveOrder, readStoryFiles, type StoryFile } from '../support/stories.ts';
import { useSite } from '../support/site.ts';
import { SECTION_LABELS, type Section } from '../../src/lib/taxonomy.ts';
import { archiveMonthPath, archivePath, archiveYearPath, sectionPath, storyPath } from '../../src/lib/urls.ts';

const site = useSite();
const stories = readStoryFiles();
/** The archive's one order: newest first, ties by slug. */
const newestFirst = archiveOrder(stories);

const permalinkOf = (story: StoryFile): string => new URL(storyPath(story.data.slug), SITE_URL).href;
const isoDay = (story: StoryFile): string => new Date(story.data.date).toISOString().slice(0, 10);
const authorsOf = (story: StoryFile): string[] =>
  (story.data.bylines ?? []).length > 0
    ? story.data.bylines!.map((b) => b.name)
    : (story.data.figures ?? []).flatMap((f) => (f.credit ? [f.credit.name] : []));

async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const page = await (await site.context(options)).newPage();
  const response = await page.goto(site.url(path));
  assert.equal(response?.status(), 200, path);
  return page;
}

async function jsonLdOf(page: Page, type: string): Promise<Record<string, any>> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  const found = blocks.map((text) => JSON.parse(text)).filter((data) => data['@type'] === type);
  assert.equal(found.length, 1, `one ${type} JSON-LD block`);
  return found[0];
}

for (const story of stories) {
  const { slug, headline, kicker, section, place, datePrecision } = story.data;

  test(`${slug}: linked, described and placed among the other stories`, async (t) => {
    // One page load for all the checks of this story.
    const page = await open(storyPath(slug));
    t.after(() => page.context().close());

    await t.test('canonical, Open Graph and Twitter tags name the story in Chinese', async () => {
      const head = page.locator('head');
      const meta = (selector: string) => head.locator(selector).getAttribute('content');
      const canonical = await head.locator('link[rel="canonical"]').getAttribute('href');
      assert.equal(canonical, permalinkOf(story));
      assert.equal(await meta('meta[property="og:url"]'), canonical);
      assert.equal(await meta('meta[property="og:type"]'), 'article');
      assert.equal(await meta('meta[property="og:title"]'), headline);
      assert.equal(
        await head.locator('meta[name="twitter:title"], meta[name="twitter:description"]').count(),
        0,
        'X reads og:title and og:description',
      );
      assert.equal(await meta('meta[name="twitter:card"]'), 'summary');
      const description = await meta('meta[name="description"]');
      assert.match(description ?? '', /\p{Script=Han}{10}/u, 'a Chinese description');
      assert.equal(await meta('meta[property="og:description"]'), description);
      assert.equal(await meta('meta[property="og:locale"]'), 'zh_CN');
    });

    await t.test(
      'reference managers read a newspaper article: DC.type, citation_*, the paper and the section, no journal',
      async () => {
        const head = page.locator('head');
        const all = (selector: string) =>
          head.locator(selector).evaluateAll((els) => els.map((el) => el.getAttribute('content')));
        assert.deepEqual(await all('meta[name="DC.type"]'), ['newspaperArticle']);
        assert.deepEqual(await all('meta[name="citation_title"]'), [headline]);
        // One tag per author, each name whole as printed.
        assert.deepEqual(await all('meta[name="citation_author"]'), authorsOf(story));
        assert.deepEqual(await all('meta[name="citation_date"]'), [
          datePrecision === 'day' ? isoDay(story) : isoDay(story).slice(0, 7),
        ]);
        assert.deepEqual(await all('meta[name="citation_language"]'), ['zh-CN']);
        assert.deepEqual(await all('meta[name="DC.source"]'), ['科学导报']);
        assert.deepEqual(await all('meta[property="article:section"]'), [SECTION_LABELS[section as Section]]);
        assert.equal(
          await head.locator('meta[name="citation_journal_title"]').count(),
          0,
          'a journal title makes Zotero save a journal article',
        );
      },
    );

    await t.test('NewsArticle JSON-LD holds the schema.org fields we use', async () => {
      const article = await jsonLdOf(page, 'NewsArticle');
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      assert.equal(article['@context'], 'https://schema.org');
      assert.equal(article.headline, headline);
      assert.equal(article.alternativeHeadline, kicker);
      if (datePrecision === 'day') {
        assert.match(article.datePublished, /^\d{4}-\d{2}-\d{2}$/);
        assert.equal(article.datePublished, isoDay(story));
      } else {
        assert.match(article.datePublished, /^\d{4}-\d{2}$/, 'a month-precision date claims no day');
        assert.equal(article.datePublished, isoDay(story).slice(0, 7));
      }
      assert.ok(Array.isArray(article.author), 'author is a list');
      assert.deepEqual(
        article.author.map((a: any) => a.name),
        authorsOf(story),
      );
      for (const author of article.author) assert.equal(author['@type'], 'Person', author.name);
      assert.deepEqual(article.publisher, { '@type': 'Organization', name: '科学导报' });
      assert.equal(article.articleSection, SECTION_LABELS[section as Section]);
      assert.equal(article.contentLocation['@type'], 'Place');
      assert.equal(article.contentLocation.name, `${place.city}${place.county ?? ''}`);
      assert.equal(article.url, canonical);
    });

    await t.test('every date on the page is a <time> with a machine-readable datetime', async () => {
      const times = await page
        .locator('main time')
        .evaluateAll((els) => els.map((el) => ({ datetime: el.getAttribute('datetime'), text: el.textContent })));
      assert.ok(times.length > 0);
      for (const { datetime, text } of times) {
        assert.match(datetime ?? '', /^\d{4}-\d{2}(-\d{2})?$/, String(text));
        const [y, m, d] = datetime!.split('-').map(Number);
        assert.equal(text, d ? `${y}年${m}月${d}日` : `${y}年${m}月`);
      }
      const own = await page.locator('article header time').getAttribute('datetime');
      assert.equal(own, datePrecision === 'day' ? isoDay(story) : isoDay(story).slice(0, 7));
    });

    await t.test('breadcrumbs lead 首页 › section › story, also as BreadcrumbList', async () => {
      const crumbs = page.getByRole('navigation', { name: '面包屑' });
      const links = await crumbs.locator('a').evaluateAll((as) =>
        as.map((a) => ({
          text: a.textContent,
          href: a.getAttribute('href'),
          current: a.getAttribute('aria-current'),
        })),
      );
      assert.deepEqual(links, [
        { text: '首页', href: '/', current: null },
        { text: SECTION_LABELS[section as Section], href: sectionPath(section as Section), current: null },
        { text: headline, href: storyPath(slug), current: 'page' },
      ]);
      const list = await jsonLdOf(page, 'BreadcrumbList');
      assert.deepEqual(
        list.itemListElement.map((item: any) => [item.position, item.name, item.item]),
        links.map((link, i) => [i + 1, link.text, new URL(link.href!, SITE_URL).href]),
      );
    });

    await t.test('previous and next by date, and related stories of the same place, section or page', async () => {
      const at = newestFirst.findIndex((s) => s.data.slug === slug);
      const older = newestFirst[at + 1];
      const newer = newestFirst[at - 1];
      const nav = page.getByRole('navigation', { name: '前后稿件' });
      assert.deepEqual(
        await nav.locator('a[rel="prev"]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
        older ? [storyPath(older.data.slug)] : [],
      );
      assert.deepEqual(
        await nav.locator('a[rel="next"]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
        newer ? [storyPath(newer.data.slug)] : [],
      );
      const related = await page
        .getByRole('region', { name: '相关稿件' })
        .locator('a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      // Sharing its section, city or printed page; not the story itself, nor its 上一篇/下一篇 (linked above).
      const expectedPool = stories.filter(
        (s) =>
          s.data.slug !== slug &&
          s.data.slug !== older?.data.slug &&
          s.data.slug !== newer?.data.slug &&
          (s.data.section === section ||
            s.data.place.city === place.city ||
            s.data.source.file === story.data.source.file),
      );
      // The six stories share one page: every story has related ones (长治 too, alone in its place and section).
      assert.ok(related.length > 0, `${slug} has related stories`);
      assert.equal(related.length, Math.min(3, expectedPool.length));
      for (const href of related) {
        assert.ok(
          expectedPool.some((s) => storyPath(s.data.slug) === href),
          `${href} shares place, section or page`,
        );
      }
    });

    await t.test('the date links to its month in the date archive, which lists the story', async () => {
      const date = new Date(story.data.date);
      const monthPath = archiveMonthPath(date.getUTCFullYear(), date.getUTCMonth() + 1);
      await page.locator(`article header a[href="${monthPath}"]`).click();
      await page.waitForURL(site.url(monthPath));
      assert.equal(await page.locator(`main a[href="${storyPath(slug)}"]`).count(), 1);
    });
  });
}

test('each paragraph has a stable id and a named, keyboard-reachable link to itself (shown on hover or focus)', async () => {
  const slug = 'lingshi-etdz-transformation';
  const story = stories.find((s) => s.data.slug === slug)!;
  const bodyParagraphs = story.body.split(/\n\s*\n/).filter((p) => p.trim());
  const page = await open(storyPath(slug));
  const paragraphs = page.locator('.story-body > p');
  assert.equal(await paragraphs.count(), bodyParagraphs.length);
  for (let n = 1; n <= bodyParagraphs.length; n++) {
    const p = paragraphs.nth(n - 1);
    assert.equal(await p.getAttribute('id'), `p${n}`);
    const link = p.getByRole('link', { name: `链接到第${n}段`, exact: true });
    assert.equal(await link.getAttribute('href'), `#p${n}`);
    assert.ok(await link.isVisible(), `link ${n} is visible`);
    const mark = await link.evaluate((a) => getComputedStyle(a, '::before').content);
    assert.equal(mark, '"¶"');
    // The link adds nothing to the paragraph's own text.
    assert.equal(await p.innerText(), bodyParagraphs[n - 1]!.trim());
  }
  // Tab through the page: every paragraph link is reached in order.
  const reached: string[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    if (reached.includes(label)) break; // focus came round again
    if (label.startsWith('链接到第')) reached.push(label);
  }
  assert.deepEqual(
    reached,
    bodyParagraphs.map((_, i) => `链接到第${i + 1}段`),
  );
  await page.getByRole('link', { name: '链接到第3段', exact: true }).press('Enter');
  assert.equal(new URL(page.url()).hash, '#p3');
  assert.equal(await page.locator('.story-body p:target').getAttribute('id'), 'p3');
});

test('without JavaScript the citation is plain text to select and the copy buttons are hidden', async () => {
  const page = await open(storyPath('pinglu-hazardous-waste-project'), { javaScriptEnabled: false });
  const cite = page.getByRole('region', { name: '引用本文' });
  assert.equal(
    await cite.locator('.citation').innerText(),
    `袁兆辉、张小菊，《机械轰鸣抢进度》，科学导报，2025年10月1日，${new URL('/stories/pinglu-hazardous-waste-project/', SITE_URL).href}`,
  );
  assert.equal(await page.getByRole('button', { name: '复制链接' }).isVisible(), false);
  assert.equal(await page.getByRole('button', { name: '复制引用' }).isVisible(), false);
});

for (const story of stories) {
  test(`${story.data.slug}: the citation names author, 《headline》, 科学导报, date and permalink`, async () => {
    const page = await open(storyPath(story.data.slug), { javaScriptEnabled: false });
    const text = await page.locator('.citation').innerText();
    const date = await page.locator('article header time').innerText();
    const expected = [authorsOf(story).join('、'), `《${story.data.headline}》`, '科学导报', date, permalinkOf(story)];
    assert.equal(text, expected.filter(Boolean).join('，'));
    // GB/T 7714—2025 beside it: [N] and [N/OL], to the day or only the month the page gives, no 版次 and no access date.
    const iso = story.data.datePrecision === 'day' ? isoDay(story) : isoDay(story).slice(0, 7);
    const authors = authorsOf(story).length > 0 ? `${authorsOf(story).join('，')}. ` : '';
    const title = (story.data as { headlineDerived?: boolean }).headlineDerived
      ? `[${story.data.headline}]`
      : story.data.headline;
    const print = `${authors}${title}[N]. 科学导报，${iso}.`;
    assert.equal(await page.locator('#cite-gbt-print').innerText(), print);
    assert.equal(
      await page.locator('#cite-gbt-online').innerText(),
      `${authors}${title}[N/OL]. 科学导报，${iso}. ${permalinkOf(story)}.`,
    );
    assert.match(await page.locator('.cite-gbt-notes').innerText(), /版次不详/);
  });
}

test('with JavaScript the buttons copy the permalink and the citation and say so', async () => {
  const context = await site.context({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(site.url(storyPath('taiyuan-energy-storage-station-photo')));
  const permalink = new URL(storyPath('taiyuan-energy-storage-station-photo'), SITE_URL).href;
  await page.getByRole('button', { name: '复制链接' }).click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), permalink);
  assert.equal(await page.getByRole('status').innerText(), '已复制链接');
  // Keyboard too: focus the button and press Enter.
  await page.getByRole('button', { name: '复制引用' }).focus();
  await page.keyboard.press('Enter');
  const citation = await page.locator('.citation').innerText();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), citation);
  assert.match(citation, /^王瑞瑞，《俯瞰太原智储100MW独立储能电站项目建设工地》，科学导报，2025年10月3日，/);
  assert.equal(await page.getByRole('status').innerText(), '已复制引用');
  await context.close();
});

test('a story page carries at most 2 KB of JavaScript (gzip, the weight budget) and no search code', async () => {
  for (const story of stories) {
    const page = await open(storyPath(story.data.slug));
    const scripts = await page
      .locator('script:not([type="application/ld+json"])')
      .evaluateAll((els) => els.map((el) => ({ src: el.getAttribute('src'), text: el.textContent ?? '' })));
    // Scripts are same-origin files (the CSP allows no inline code): the build's, and the <head>
    // script that applies the reader's theme and text size before first paint. Count what they weigh.
    let bytes = 0;
    for (const { src, text } of scripts) {
      if (!src) {
        bytes += gzipSync(text, { level: 6 }).length;
        continue;
      }
      assert.match(src, /^\/(_astro\/|reader-prefs\.js$)/, 'scripts come from the build');
      bytes += gzipSync(await (await page.request.get(new URL(src, page.url()).href)).body(), { level: 6 }).length;
    }
    assert.ok(bytes <= BUDGET.js, `${story.data.slug}: ${bytes} bytes of script, gzip`);
    assert.doesNotMatch(await page.content(), /pagefind\.js|pagefind-ui/);
  }
});

test('printing a story shows its source, date and full permalink, not the site navigation', async () => {
  const slug = 'changzhi-hi-tech-zone-study-meeting';
  const page = await open(storyPath(slug));
  await page.emulateMedia({ media: 'print' });
  const source = page.locator('.story-source');
  assert.ok(await source.isVisible());
  const text = await source.innerText();
  assert.ok(text.includes(new URL(storyPath(slug), SITE_URL).href), 'full permalink printed');
  assert.match(text, /来源：《科学导报》，2025年9月30日/);
  for (const form of ['#cite-gbt-print', '#cite-gbt-online'])
    assert.ok(await page.locator(form).isVisible(), `${form} printed`);
  assert.match(
    await page.locator('#cite-gbt-print').innerText(),
    /^王佳琪\. 召开党工委理论学习中心组\(扩大\)学习会议\[N\]\. 科学导报，2025-09-30\.$/,
  );
  for (const selector of [
    'body > header',
    'body > footer',
    'nav[aria-label="面包屑"]',
    '.para-link',
    '#copy-buttons',
  ]) {
    assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} hidden in print`);
  }
});

test('the date archive lists years and months and is linked from header and footer', async () => {
  const page = await open('/');
  assert.equal(await page.locator(`body > header a[href="${archivePath()}"]`).count(), 1);
  assert.equal(await page.locator(`body > footer a[href="${archivePath()}"]`).count(), 1);
  await page.goto(site.url(archivePath()));
  const months = new Map<string, number>();
  for (const story of stories) {
    const d = new Date(story.data.date);
    const key = archiveMonthPath(d.getUTCFullYear(), d.getUTCMonth() + 1);
    months.set(key, (months.get(key) ?? 0) + 1);
  }
  const monthLinks = await page
    .locator('main section a[href^="/archive/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(monthLinks.sort(), [archiveYearPath(2025), ...months.keys()].sort());
  for (const [path, count] of months) {
    const listing = await open(path);
    assert.equal(await listing.locator('main article').count(), count, path);
  }
  const year = await open(archiveYearPath(2025));
  assert.equal(await year.locator('main article').count(), stories.length);
  const missing = await (await site.context()).newPage();
  assert.equal((await missing.goto(site.url('/archive/2025/13/')))?.status(), 404);
});

test('the date archive, its years and its months lead up through breadcrumbs, also as BreadcrumbList', async () => {
  const home: [string, string] = ['首页', '/'];
  const byDate: [string, string] = ['按日期', archivePath()];
  const trails = new Map<string, [string, string][]>([[archivePath(), [home, byDate]]]);
  for (const story of stories) {
    const d = new Date(story.data.date);
    const [year, month] = [d.getUTCFullYear(), d.getUTCMonth() + 1];
    const yearCrumb: [string, string] = [`${year}年`, archiveYearPath(year)];
    trails.set(archiveYearPath(year), [home, byDate, yearCrumb]);
    trails.set(archiveMonthPath(year, month), [home, byDate, yearCrumb, [`${month}月`, archiveMonthPath(year, month)]]);
  }
  assert.ok(trails.size >= 4, 'the index, a year and its months');
  for (const [path, trail] of trails) {
    const page = await open(path);
    const links = await page
      .getByRole('navigation', { name: '面包屑' })
      .locator('a')
      .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('aria-current')]));
    assert.deepEqual(
      links,
      trail.map(([name, href], i) => [name, href, i === trail.length - 1 ? 'page' : null]),
      path,
    );
    const list = await jsonLdOf(page, 'BreadcrumbList');
    assert.deepEqual(
      list.itemListElement.map((item: any) => [item.position, item.name, item.item]),
      trail.map(([name, href], i) => [i + 1, name, new URL(href, SITE_URL).href]),
      path,
    );
    await page.close();
  }
});

test('story pages, listings and the date archive pass axe WCAG 2.1 AA checks', async () => {
  for (const path of [
    storyPath('lingshi-etdz-transformation'),
    storyPath('taiyuan-energy-storage-station-photo'),
    archivePath(),
    archiveMonthPath(2025, 10),
  ]) {
    const page = await open(path);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    assert.deepEqual(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
      path,
    );
  }
});
