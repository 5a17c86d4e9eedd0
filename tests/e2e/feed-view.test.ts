/**
 * The RSS feeds opened in a browser: Chromium shows what the feed is, how to subscribe and a link
 * to each story (public/rss.css over the feed's XHTML elements), under the CSP with no violation.
 * Feed readers' view of the same files is tested in feeds.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SITE_URL } from '../../astro.config.mjs';
import { watchCsp } from '../support/csp-violations.ts';
import { archiveOrder, readStoryFiles } from '../support/stories.ts';
import { useSite } from '../support/site.ts';
import { SECTIONS } from '../../src/lib/taxonomy.ts';
import { feedPath, feedStylesheetPath, sectionFeedPath, storyPath } from '../../src/lib/urls.ts';

const site = useSite();
const stories = readStoryFiles();
const newestFirst = archiveOrder(stories);

const feeds = [
  { path: feedPath(), stories: newestFirst },
  ...SECTIONS.map((section) => ({
    path: sectionFeedPath(section),
    stories: newestFirst.filter((s) => s.data.section === section),
  })),
];

test('the feeds name their stylesheet, which the site serves as CSS', async () => {
  for (const feed of feeds) {
    const xml = await (await fetch(site.url(feed.path))).text();
    assert.match(xml, new RegExp(`^<\\?xml [^>]*\\?><\\?xml-stylesheet href="${feedStylesheetPath()}"\\?>`), feed.path);
  }
  // Readers get plain RSS 2.0: the browser view is only elements of a declared namespace (h: XHTML), which RSS allows.
  const xml = await (await fetch(site.url(feedPath()))).text();
  assert.match(xml, /<rss [^>]*xmlns:h="http:\/\/www\.w3\.org\/1999\/xhtml"/);
  const bareNames = new Set(
    [...xml.replace(/<content:encoded>[\s\S]*?<\/content:encoded>/g, '').matchAll(/<([A-Za-z][\w-]*)[\s>/]/g)].map(
      (m) => m[1],
    ),
  );
  const rssElements = [
    'rss',
    'channel',
    'title',
    'description',
    'link',
    'language',
    'item',
    'guid',
    'pubDate',
    'category',
  ];
  assert.deepEqual(
    [...bareNames].filter((name) => !rssElements.includes(name!)),
    [],
    'only RSS 2.0 elements without a namespace',
  );
  const css = await fetch(site.url(feedStylesheetPath()));
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type') ?? '', /text\/css/);
});

for (const feed of feeds) {
  test(`${feed.path} in Chromium: a Chinese page saying what it is and how to subscribe, each story linked, no CSP violation`, async () => {
    const context = await site.context({ viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    const violations = await watchCsp(page);
    const response = await page.goto(site.url(feed.path));
    assert.equal(response?.status(), 200);
    assert.match(response?.headers()['content-security-policy'] ?? '', /style-src 'self'/, 'served under the site CSP');

    const heading = page.locator('h1');
    assert.ok(await heading.isVisible(), 'a visible heading');
    assert.match(await heading.innerText(), /RSS订阅源/);
    const intro = page.locator('.feed-intro');
    assert.match(await intro.innerText(), /复制下面的地址.*RSS阅读器/s);
    assert.equal(await intro.locator('code').innerText(), new URL(feed.path, SITE_URL).href, 'the address to copy');

    const links = page.locator('item a');
    assert.deepEqual(
      await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      feed.stories.map((s) => storyPath(s.data.slug)),
    );
    for (const story of feed.stories) {
      const link = page.locator(`item a[href="${storyPath(story.data.slug)}"]`);
      assert.ok(await link.isVisible(), `${story.data.slug} link visible`);
      assert.equal(await link.innerText(), story.data.headline);
    }
    // The raw RSS fields (full text as escaped HTML, dates in English) are not shown.
    assert.equal(await page.locator('channel > title').isVisible(), false);
    const encoded = await page.evaluate(() => document.getElementsByTagName('content:encoded').length);
    assert.equal(encoded, feed.stories.length);
    assert.equal(
      await page
        .locator('item > description')
        .first()
        .isVisible()
        .catch(() => false),
      false,
    );

    // Read before following a link: the next page starts a fresh record.
    assert.deepEqual(await violations(), [], 'no CSP violation on the feed');
    if (feed.stories.length > 0) {
      await links.first().click();
      await page.waitForURL(`**${storyPath(feed.stories[0]!.data.slug)}`);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), feed.stories[0]!.data.headline);
    }
    await context.close();
  });
}
