/** 关于本档案 (/about/): figures computed from the story files, the editorial rules, how to cite and subscribe; linked from every footer. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SITE_URL } from '../../astro.config.mjs';
import { readStoryFiles } from '../support/stories.ts';
import { useSite } from '../support/site.ts';
import { SECTIONS } from '../../src/lib/taxonomy.ts';
import { aboutPath, feedPath, homePath, sectionFeedPath, sourcePath, storyPath } from '../../src/lib/urls.ts';

const site = useSite();
const stories = readStoryFiles();

/** 2025年9月30日, or 2025年10月 for a month-precision date: written out here, not taken from src/lib. */
function chineseDate(story: (typeof stories)[number]): string {
  const [y, m, d] = new Date(story.data.date).toISOString().slice(0, 10).split('-').map(Number);
  return story.data.datePrecision === 'day' ? `${y}年${m}月${d}日` : `${y}年${m}月`;
}

test('the footer of every kind of page links to 关于本档案', async () => {
  const page = await (await site.context()).newPage();
  for (const path of [homePath(), storyPath(stories[0]!.data.slug), aboutPath()]) {
    await page.goto(site.url(path));
    assert.equal(
      await page.locator('footer').getByRole('link', { name: '关于本档案' }).getAttribute('href'),
      aboutPath(),
      path,
    );
  }
});

test('/about/ states how many stories, from when to when, and which source pages, as the story files say', async () => {
  const page = await (await site.context()).newPage();
  const response = await page.goto(site.url(aboutPath()));
  assert.equal(response?.status(), 200);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), '关于本档案');
  assert.equal(await page.locator('[data-fact="stories"]').innerText(), String(stories.length));
  const byDate = [...stories].sort((a, b) => +new Date(a.data.date) - +new Date(b.data.date));
  assert.equal(
    await page.locator('[data-fact="span"]').innerText(),
    `${chineseDate(byDate[0]!)}至${chineseDate(byDate.at(-1)!)}`,
  );
  const files = [...new Set(stories.map((s) => s.data.source.file))];
  assert.equal(await page.locator('[data-fact="sources"]').innerText(), String(files.length));
  for (const file of files) {
    const link = page.locator(`[data-testid="about-holdings"] a[href="${sourcePath(file)}"]`);
    assert.match(await link.innerText(), /^《科学导报》/);
  }
  const cities = new Set(stories.map((s) => s.data.place.city));
  assert.equal(await page.locator('[data-fact="cities"]').innerText(), String(cities.size));
});

test("/about/ gives the editorial rules: verbatim text, derived values, editor's notes", async () => {
  const page = await (await site.context()).newPage();
  await page.goto(site.url(aboutPath()));
  const rules = await page.locator('#rules + ul').innerText();
  assert.match(rules, /一字不改/);
  assert.match(rules, /推定/);
  assert.match(rules, /编者注/);
});

test('/about/ shows the citation format exactly as a story page gives it, and every feed address', async () => {
  const page = await (await site.context()).newPage();
  await page.goto(site.url(aboutPath()));
  const example = await page.locator('[data-testid="about-citation"]').innerText();
  const slug = /\/stories\/([^/]+)\/$/.exec(example)?.[1];
  assert.ok(slug, `the example ends with a story permalink: ${example}`);
  const story = await (await site.context()).newPage();
  await story.goto(site.url(storyPath(slug)));
  assert.equal(example, await story.locator('#citation').innerText(), 'the same citation as on the story page');

  const feeds = await page
    .locator('[data-testid="about-feeds"] a')
    .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
  assert.deepEqual(
    feeds,
    [feedPath(), ...SECTIONS.map(sectionFeedPath)].map((path) => [path, new URL(path, SITE_URL).href]),
  );
  assert.match(await page.locator('#subscribe + p').innerText(), /RSS阅读器/);
});
