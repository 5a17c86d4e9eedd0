/**
 * 晋城 and 灵石 are dated only to 2025年10月: no page, order word, feed, sitemap, citation or data
 * file may place them on a day (content/README.md: where a month's undated stories stand).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { archiveOrder, readStoryFiles, type StoryFile } from '../support/stories.ts';
import { useSite } from '../support/site.ts';
import { SECTIONS } from '../../src/lib/taxonomy.ts';
import { archiveMonthPath, feedPath, sectionFeedPath, storyPath } from '../../src/lib/urls.ts';

const site = useSite();
const stories = readStoryFiles();
const monthOnly = stories.filter((s) => s.data.datePrecision === 'month');
const monthOf = (s: StoryFile): string => new Date(s.data.date).toISOString().slice(0, 7);
const parser = new XMLParser({ isArray: (name) => ['item', 'url'].includes(name) });

test('the archive holds month-only stories (else these tests prove nothing)', () => {
  assert.deepEqual(monthOnly.map((s) => s.data.slug).sort(), [
    'jincheng-etdz-industrial-ecosystem',
    'lingshi-etdz-transformation',
  ]);
});

test('/archive/2025/10/: the dated stories newest first, then the month-only ones by slug', async () => {
  const page = await (await site.context()).newPage();
  await page.goto(site.url(archiveMonthPath(2025, 10)));
  const hrefs = await page.locator('main h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs, [
    storyPath('taiyuan-energy-storage-station-photo'),
    storyPath('xiyang-vehicle-recycling-project'),
    storyPath('pinglu-hazardous-waste-project'),
    storyPath('jincheng-etdz-industrial-ecosystem'),
    storyPath('lingshi-etdz-transformation'),
  ]);
});

test('上一篇/下一篇 call a story older or newer only when the dates say so', async () => {
  const page = await (await site.context()).newPage();
  const order = archiveOrder(stories);
  for (const [at, story] of order.entries()) {
    await page.goto(site.url(storyPath(story.data.slug)));
    const nav = page.getByRole('navigation', { name: '前后稿件' });
    for (const [rel, other] of [
      ['prev', order[at + 1]],
      ['next', order[at - 1]],
    ] as const) {
      if (!other) continue;
      const label = await nav
        .locator('li', { has: page.locator(`a[rel="${rel}"]`) })
        .locator('span')
        .first()
        .innerText();
      const unknown =
        monthOf(story) === monthOf(other) &&
        (story.data.datePrecision === 'month' || other.data.datePrecision === 'month');
      const expected =
        rel === 'prev'
          ? unknown
            ? '上一篇（同月，先后不详）'
            : '上一篇（较早）'
          : unknown
            ? '下一篇（同月，先后不详）'
            : '下一篇（较新）';
      assert.ok(label.startsWith(expected), `${story.data.slug} → ${other.data.slug}: "${label}"`);
    }
  }
});

test('feeds give no pubDate to a month-only story (RSS dates are days), and the right day to the others', async () => {
  for (const path of [feedPath(), ...SECTIONS.map(sectionFeedPath)]) {
    const xml = parser.parse(await (await fetch(site.url(path))).text());
    for (const item of xml.rss.channel.item ?? []) {
      const story = stories.find((s) => item.link.endsWith(storyPath(s.data.slug)))!;
      if (story.data.datePrecision === 'month') assert.equal(item.pubDate, undefined, `${path}: ${story.data.slug}`);
      else
        assert.equal(
          new Date(item.pubDate).toISOString().slice(0, 10),
          new Date(story.data.date).toISOString().slice(0, 10),
        );
    }
  }
});

test('the sitemap claims no day for any story', async () => {
  const index = parser.parse(await (await fetch(site.url('/sitemap-0.xml'))).text());
  for (const url of index.urlset.url) assert.equal(url.lastmod, undefined, url.loc);
});

for (const story of monthOnly) {
  const slug = story.data.slug;
  test(`${slug}: page head, citations, downloads and data files give 2025年10月, never a day`, async () => {
    const page = await (await site.context()).newPage();
    await page.goto(site.url(storyPath(slug)));
    const article = await page.locator('article').innerText();
    assert.ok(!/10月1日/.test(article), 'no 10月1日 in the story');
    assert.equal(await page.locator('article header time').getAttribute('datetime'), '2025-10');
    const dateMetas = await page
      .locator('meta[name*="date" i]')
      .evaluateAll((ms) => ms.map((m) => [m.getAttribute('name'), m.getAttribute('content')]));
    assert.ok(dateMetas.length > 0);
    for (const [name, content] of dateMetas) assert.equal(content, '2025-10', name!);
    assert.equal(await page.locator('meta[property="article:published_time"]').getAttribute('content'), '2025-10');
    const ld = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((t) => JSON.parse(t));
    const article_ = ld.find((d) => d['@type'] === 'NewsArticle' || d['@type'] === 'Article');
    assert.equal(article_?.datePublished, '2025-10');
    const cite = await page.locator('.story-cite').innerText();
    assert.ok(cite.includes('科学导报，2025年10月，'), 'plain citation to the month');
    assert.ok(cite.includes('科学导报，2025-10.'), 'GB/T citation to the month');
    assert.ok(!/2025-10-01|10月1日/.test(cite));
    const ris = await (await fetch(site.url(`/stories/${slug}.ris`))).text();
    assert.match(ris, /^DA {2}- 2025\/10\/\/$/m);
    const bib = await (await fetch(site.url(`/stories/${slug}.bib`))).text();
    assert.match(bib, /date = \{2025-10\}/);
    const csl = JSON.parse(await (await fetch(site.url(`/stories/${slug}.csl.json`))).text());
    assert.deepEqual(csl[0].issued['date-parts'], [[2025, 10]]);
    const data = await (await fetch(site.url(`/data/stories/${slug}.json`))).json();
    assert.equal(data.date, '2025-10');
  });
}

test('/data/ month file lists the month in the archive order', async () => {
  const lines = (await (await fetch(site.url('/data/archive/2025-10.jsonl'))).text())
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    lines.map((l) => l.slug),
    archiveOrder(stories)
      .filter((s) => monthOf(s) === '2025-10')
      .map((s) => s.data.slug),
  );
  for (const line of lines) if (line.datePrecision === 'month') assert.equal(line.date, '2025-10');
});
