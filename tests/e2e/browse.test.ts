/** A reader browses: home, story pages, section and place listings, the 404 page, the search form. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { archiveOrder, readStoryFiles } from '../support/stories.ts';
import { useSite } from '../support/site.ts';
import { storyPath } from '../../src/lib/urls.ts';

const site = useSite();
const stories = readStoryFiles();

test('home lists every story newest first, each with kicker, headline, date, section, place and opening', async () => {
  const page = await (await site.context()).newPage();
  await page.goto(site.url('/'));
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  const hrefs = await page.locator('main h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const expected = archiveOrder(stories).map((s) => storyPath(s.data.slug));
  assert.deepEqual(hrefs, expected);
  for (const story of stories) {
    const card = page.locator('main article', { has: page.locator(`a[href="${storyPath(story.data.slug)}"]`) });
    const text = await card.innerText();
    if (story.data.kicker) assert.ok(text.includes(story.data.kicker), `${story.file}: kicker on home`);
    assert.ok(text.includes(story.data.headline), `${story.file}: headline on home`);
    assert.match(text, /2025年\d+月/, `${story.file}: date on home`);
    assert.ok(text.includes(story.data.place.city), `${story.file}: place on home`);
    assert.equal(await card.locator('time').count(), 1);
  }
});

test('dates read like 2025年10月3日 and carry a machine-readable datetime', async () => {
  const page = await (await site.context()).newPage();
  await page.goto(site.url(storyPath('taiyuan-energy-storage-station-photo')));
  const time = page.locator('article header time');
  assert.equal(await time.innerText(), '2025年10月3日');
  assert.equal(await time.getAttribute('datetime'), '2025-10-03');
});

for (const story of stories) {
  test(`${story.file}: reachable from its section and place listings, which it links back to`, async () => {
    const page = await (await site.context()).newPage();
    await page.goto(site.url(storyPath(story.data.slug)));
    const meta = page.locator('article header');
    const listingLinks = await meta
      .locator('a[href^="/sections/"], a[href^="/places/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    const expectedCount = story.data.place.county ? 3 : 2;
    assert.equal(listingLinks.length, expectedCount, 'section, city (and county) links');
    for (const href of listingLinks) {
      const listing = await (await site.context()).newPage();
      const response = await listing.goto(site.url(href));
      assert.equal(response?.status(), 200, href);
      assert.equal(
        await listing.locator(`main a[href="${storyPath(story.data.slug)}"]`).count(),
        1,
        `${href} lists the story`,
      );
      await listing.close();
    }
  });
}

test('the story page sets kicker, headline, byline with role, date and source', async () => {
  const page = await (await site.context()).newPage();
  await page.goto(site.url(storyPath('pinglu-hazardous-waste-project')));
  assert.equal(await page.locator('.story-kicker').innerText(), '平鲁经开区危险废物综合利用项目');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), '机械轰鸣抢进度');
  assert.match(await page.locator('.byline').innerText(), /文／\s*袁兆辉 张小菊/);
  assert.match(await page.locator('.story-source').innerText(), /来源：《科学导报》/);
});

test('photo news shows its caption as a figure, says the photo is not held, and shows no picture', async () => {
  const page = await (await site.context()).newPage();
  await page.goto(site.url(storyPath('taiyuan-energy-storage-station-photo')));
  const figure = page.locator('figure');
  assert.equal(await figure.count(), 1);
  assert.match(await figure.locator('figcaption').innerText(), /■ 王瑞瑞摄$/);
  assert.match(await figure.innerText(), /照片未收录/);
  assert.equal(await page.locator('main img:not([src$="/qr.svg"])').count(), 0, 'no picture but the 分享 QR code');
  assert.match(await page.locator('article header').innerText(), /标题取自图片说明/);
});

test("editor's notes stand apart from the story and are linked from the text they concern", async () => {
  const page = await (await site.context()).newPage();
  await page.goto(site.url(storyPath('lingshi-etdz-transformation')));
  const flag = page.locator('.story-body a.editor-flag').first();
  assert.equal(await flag.innerText(), '包联服务企业 and 项目领导组');
  const target = await flag.getAttribute('href');
  const note = page.locator(`aside.editor-notes ${target}`);
  assert.match(await note.innerText(), /原文如此/);
  assert.equal(await page.locator('.story-body aside, .story-body .editor-notes').count(), 0);
});

test('an unknown address answers 404 with the archive page offering search and sections', async () => {
  const page = await (await site.context()).newPage();
  const response = await page.goto(site.url('/no-such-story/'));
  assert.equal(response?.status(), 404);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), '页面不存在');
  assert.ok((await page.locator('main a[href="/sections/project/"]').count()) > 0);
});

for (const width of [1280, 375]) {
  test(`the 404 page shows exactly one search box at ${width} px, its own, and it searches`, async () => {
    const context = await site.context({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(site.url('/no-such-story/'));
    const boxes = page.locator('input[type="search"]');
    const visible: boolean[] = [];
    for (let i = 0; i < (await boxes.count()); i++) visible.push(await boxes.nth(i).isVisible());
    assert.deepEqual(visible, [true], 'one search box on the page, shown');
    const box = page.getByRole('searchbox', { name: '搜索档案' });
    assert.equal(await box.evaluate((input) => !!input.closest('main')), true, "the page's own, under its sentence");
    await box.fill('储能');
    await box.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    assert.equal(new URL(page.url()).searchParams.get('q'), '储能');
    await context.close();
  });
}

test('the header search box is a plain form that works without JavaScript', async () => {
  const context = await site.context({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.url('/'));
  await page.getByRole('searchbox', { name: '搜索档案' }).fill('储能');
  await page.getByRole('button', { name: '搜索' }).click();
  await page.waitForURL(/\/search\/\?q=/);
  assert.equal(new URL(page.url()).searchParams.get('q'), '储能');
  assert.match(await page.locator('main').innerText(), /需要浏览器启用JavaScript/);
  assert.equal(
    await page.getByRole('searchbox', { name: '搜索档案全文' }).isVisible(),
    true,
    'the search page has its box',
  );
  await context.close();
});
