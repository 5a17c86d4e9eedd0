/** Feeds, sitemap and robots.txt of the built site, parsed as XML the way readers and crawlers do. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { SITE_URL } from '../../astro.config.mjs';
import { archiveOrder, readStoryFiles, type StoryFile } from '../support/stories.ts';
import { DIST, useSite } from '../support/site.ts';
import { SECTIONS, SECTION_LABELS } from '../../src/lib/taxonomy.ts';
import { feedPath, searchPath, sectionFeedPath, sectionPath, sitemapPath, storyPath } from '../../src/lib/urls.ts';

const site = useSite();
const stories = readStoryFiles();
const newestFirst = archiveOrder(stories);
const absolute = (path: string): string => new URL(path, SITE_URL).href;
/** Lists stay lists even with one element. */
const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['item', 'category', 'url', 'sitemap', 'dc:creator'].includes(name),
});

async function fetchText(path: string, type: RegExp): Promise<string> {
  const response = await fetch(site.url(path));
  assert.equal(response.status, 200, path);
  assert.match(response.headers.get('content-type') ?? '', type, `${path} content type`);
  return response.text();
}

/** Plain text of an HTML fragment, for comparing with the story's own words. */
const textOf = (html: string): string =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function assertFullText(item: any, story: StoryFile): void {
  const html: string = item['content:encoded'];
  assert.equal(typeof html, 'string', `${story.data.slug}: content:encoded`);
  const text = textOf(html);
  for (const paragraph of story.body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    assert.ok(text.includes(paragraph), `${story.data.slug}: paragraph "${paragraph.slice(0, 20)}…" in the feed`);
  }
  for (const figure of story.data.figures ?? []) {
    assert.ok(text.includes(figure.caption), `${story.data.slug}: caption in the feed`);
    if (figure.credit)
      assert.ok(text.includes(`■ ${figure.credit.name}`), `${story.data.slug}: photo credit in the feed`);
  }
  assert.doesNotMatch(html, /href="#/, 'in-page links made absolute');
}

test('the RSS feed carries every story, newest first, with its full text', async () => {
  const xml = parser.parse(await fetchText(feedPath(), /xml/));
  assert.equal(xml.rss['@_version'], '2.0');
  assert.equal(xml.rss['@_xmlns:content'], 'http://purl.org/rss/1.0/modules/content/');
  const channel = xml.rss.channel;
  assert.equal(channel.title, '科学导报新闻档案');
  assert.equal(channel.link, absolute('/'));
  assert.equal(channel.language, 'zh-cn');
  assert.equal(channel['atom:link']['@_href'], absolute(feedPath()));
  const items: any[] = channel.item;
  assert.deepEqual(
    items.map((item) => item.link),
    newestFirst.map((s) => absolute(storyPath(s.data.slug))),
  );
  for (const story of newestFirst) {
    const item = items.find((i) => i.link === absolute(storyPath(story.data.slug)));
    assert.equal(item.title, story.data.headline);
    assert.equal(item.guid['#text'], item.link);
    // RSS dates are full days: a story dated only to its month has none, never its month's 1st.
    if (story.data.datePrecision === 'month') assert.equal(item.pubDate, undefined, `${story.file}: no pubDate`);
    else
      assert.equal(
        new Date(item.pubDate).toISOString().slice(0, 10),
        new Date(story.data.date).toISOString().slice(0, 10),
      );
    assert.ok(item.category.includes(SECTION_LABELS[story.data.section as (typeof SECTIONS)[number]]));
    assertFullText(item, story);
  }
});

test('photo news carries its caption and credit in the feed', async () => {
  const xml = parser.parse(await fetchText(feedPath(), /xml/));
  const item = xml.rss.channel.item.find(
    (i: any) => i.link === absolute(storyPath('taiyuan-energy-storage-station-photo')),
  );
  assert.match(item['content:encoded'], /<figcaption>10月3日,山西转型综改示范区,.*■ 王瑞瑞摄<\/figcaption>/);
  assert.deepEqual(item['dc:creator'], ['王瑞瑞']);
});

for (const section of SECTIONS) {
  test(`the ${section} feed carries only that section's stories`, async () => {
    const xml = parser.parse(await fetchText(sectionFeedPath(section), /xml/));
    const channel = xml.rss.channel;
    assert.match(channel.title, new RegExp(SECTION_LABELS[section]));
    assert.equal(channel['atom:link']['@_href'], absolute(sectionFeedPath(section)));
    const expected = newestFirst.filter((s) => s.data.section === section);
    assert.deepEqual(
      (channel.item ?? []).map((item: any) => item.link),
      expected.map((s) => absolute(storyPath(s.data.slug))),
    );
    for (const story of expected)
      assertFullText(
        channel.item.find((i: any) => i.link === absolute(storyPath(story.data.slug))),
        story,
      );
  });
}

test('robots.txt names the sitemap, and the sitemap lists every page but search and 404', async () => {
  const robots = await fetchText('/robots.txt', /text\/plain/);
  const sitemapUrl = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
  assert.equal(sitemapUrl, absolute(sitemapPath()));
  assert.match(robots, /^User-agent: \*$/m);

  const index = parser.parse(await fetchText(new URL(sitemapUrl!).pathname, /xml/));
  const locs: string[] = [];
  for (const entry of index.sitemapindex.sitemap) {
    assert.ok(entry.loc.startsWith(SITE_URL), entry.loc);
    const urlset = parser.parse(await fetchText(new URL(entry.loc).pathname, /xml/));
    locs.push(...urlset.urlset.url.map((u: any) => u.loc));
  }
  for (const story of stories) assert.ok(locs.includes(absolute(storyPath(story.data.slug))), story.data.slug);
  for (const section of SECTIONS) assert.ok(locs.includes(absolute(sectionPath(section))), section);
  assert.ok(locs.includes(absolute('/')));
  assert.ok(locs.includes(absolute('/archive/')));
  for (const loc of locs) {
    const path = new URL(loc).pathname;
    assert.ok(!path.startsWith(searchPath()) && !path.startsWith('/404'), `${path} should not be in the sitemap`);
    assert.ok(existsSync(join(DIST, path, 'index.html')), `${path} is a built page`);
  }
});

test('every page advertises the RSS feed and its canonical URL; section and story pages also their section feed', async () => {
  const robots = await fetchText('/robots.txt', /text/);
  const index = parser.parse(await fetchText(new URL(/^Sitemap: (\S+)$/m.exec(robots)![1]!).pathname, /xml/));
  const paths: string[] = ['/404.html', searchPath()];
  for (const entry of index.sitemapindex.sitemap) {
    const urlset = parser.parse(await fetchText(new URL(entry.loc).pathname, /xml/));
    paths.push(...urlset.urlset.url.map((u: any) => new URL(u.loc).pathname));
  }
  const context = await site.context({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const path of paths) {
    await page.goto(site.url(path));
    const feeds = await page
      .locator('head link[rel="alternate"][type="application/rss+xml"]')
      .evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    assert.ok(feeds.includes(feedPath()), `${path} advertises the feed`);
    const canonical = await page
      .locator('head link[rel="canonical"]')
      .evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    assert.deepEqual(canonical, path === '/404.html' ? [] : [absolute(path)], `${path} canonical URL`);
    const section = SECTIONS.find((s) => path === sectionPath(s));
    if (section) assert.ok(feeds.includes(sectionFeedPath(section)), `${path} advertises its section feed`);
    const story = stories.find((s) => path === storyPath(s.data.slug));
    if (story)
      assert.ok(
        feeds.includes(sectionFeedPath(story.data.section as (typeof SECTIONS)[number])),
        `${path} section feed`,
      );
  }
  await context.close();
});
