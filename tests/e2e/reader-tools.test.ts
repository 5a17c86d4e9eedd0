/**
 * The reader's tools in the built site: 字号 and the theme switch (remembered across pages, applied
 * before the page's own scripts), 打印 and the printout, 分享's QR code, 返回顶部; with and without
 * JavaScript, under the strict CSP.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { BinaryBitmap, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { SITE_URL } from '../../astro.config.mjs';
import { ARCHIVE_NAME } from '../../src/lib/site.ts';
import { homePath, storyPath, storyQrPath } from '../../src/lib/urls.ts';
import { watchCsp } from '../support/csp-violations.ts';
import { pngPixels } from '../support/pixels.ts';
import { STORIES_DIR, readStoryFiles } from '../support/stories.ts';
import { useSite } from '../support/site.ts';

const site = useSite();
const stories = readStoryFiles();
const [first, second] = stories.map((story) => story.data.slug).sort();
/** A story with editor's notes that link back into the text (返回原文). */
const withNotes = stories.find((story) => /^\s+anchor:/m.test(readFileSync(join(STORIES_DIR, story.file), 'utf8')))
  ?.data.slug;

async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await site.context(options)).newPage();
  const response = await page.goto(site.url(path));
  assert.equal(response?.status(), 200, path);
  return page;
}

const storyFontSize = (page: Page): Promise<number> =>
  page
    .locator('.story-body p')
    .first()
    .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
/** What the reader sees of the page's colours: page background and text. */
const colours = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const html = getComputedStyle(document.documentElement);
    const meta = getComputedStyle(document.querySelector('.story-body p, main p')!);
    return `${html.backgroundColor} / ${html.color} / ${meta.color}`;
  });
const pressed = (page: Page, group: string): Promise<string[]> =>
  page.getByRole('group', { name: group }).getByRole('button', { pressed: true }).allTextContents();

test('字号: a choice changes the story text size, is pressed, and holds on another story', async () => {
  const page = await open(storyPath(first!));
  const medium = await storyFontSize(page);
  assert.deepEqual(await pressed(page, '字号'), ['中']);
  await page.getByRole('group', { name: '字号' }).getByRole('button', { name: '大' }).click();
  const large = await storyFontSize(page);
  assert.ok(large > medium, `大 ${large}px should be larger than 中 ${medium}px`);
  assert.deepEqual(await pressed(page, '字号'), ['大']);

  // Another story, keyboard only: the size is there before any choice is made.
  await page.goto(site.url(storyPath(second!)));
  assert.equal(await storyFontSize(page), large);
  assert.deepEqual(await pressed(page, '字号'), ['大']);
  const small = page.getByRole('group', { name: '字号' }).getByRole('button', { name: '小' });
  await small.focus();
  await page.keyboard.press('Space');
  assert.ok((await storyFontSize(page)) < medium, '小 is smaller than 中');
  await page.getByRole('button', { name: '中' }).press('Enter');
  assert.equal(await storyFontSize(page), medium);
  assert.equal(await page.evaluate(() => localStorage.getItem('text-size')), null, 'the default is not stored');
});

test('the stored size and theme apply from the <head> script, before the page scripts run', async () => {
  const context = await site.context({ colorScheme: 'light' });
  await context.addInitScript(() => {
    localStorage.setItem('text-size', 'large');
    localStorage.setItem('theme', 'dark');
  });
  // Module scripts (the buttons) never load: what shows comes from public/reader-prefs.js alone.
  await context.route('**/_astro/*.js', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(site.url(storyPath(first!)));
  const attributes = await page.evaluate(() => [
    document.documentElement.dataset.theme,
    document.documentElement.dataset.textSize,
  ]);
  assert.deepEqual(attributes, ['dark', 'large']);
  const darkSystem = await open(storyPath(first!), { colorScheme: 'dark' });
  assert.equal(await colours(page), await colours(darkSystem), 'looks as in a dark system');
  assert.ok((await storyFontSize(page)) > (await storyFontSize(darkSystem)));
});

test('theme: 深色 and 浅色 override the system, are remembered, and 跟随系统 follows it again', async () => {
  const lightSystem = await open(storyPath(first!), { colorScheme: 'light' });
  const darkSystem = await open(storyPath(first!), { colorScheme: 'dark' });
  const light = await colours(lightSystem);
  const dark = await colours(darkSystem);
  assert.notEqual(light, dark);

  const page = await open(storyPath(first!), { colorScheme: 'light' });
  const theme = page.getByRole('group', { name: '外观' });
  assert.deepEqual(await pressed(page, '外观'), ['跟随系统']);
  await theme.getByRole('button', { name: '深色' }).click();
  assert.equal(await colours(page), dark, '深色 on a light system');
  await page.goto(site.url(storyPath(second!)));
  assert.deepEqual(await pressed(page, '外观'), ['深色']);
  assert.equal(
    await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme),
    'dark',
    'form controls too',
  );
  await page.goto(site.url(storyPath(first!)));
  assert.equal(await colours(page), dark, '深色 remembered');

  await page.emulateMedia({ colorScheme: 'dark' });
  await theme.getByRole('button', { name: '浅色' }).click();
  assert.equal(await colours(page), light, '浅色 on a dark system');
  await page.reload();
  assert.equal(await colours(page), light, '浅色 remembered');

  await theme.getByRole('button', { name: '跟随系统' }).click();
  assert.equal(await colours(page), dark, 'follows the dark system');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await colours(page), light, 'follows the system back to light');
  assert.equal(await page.evaluate(() => localStorage.getItem('theme')), null);
});

test('the theme switch is on every kind of page', async () => {
  for (const path of [homePath(), '/search/', '/archive/']) {
    const page = await open(path);
    assert.equal(await page.getByRole('group', { name: '外观' }).getByRole('button').count(), 3, path);
    await page.context().close();
  }
});

test('without JavaScript: no dead buttons, the system decides the theme, 分享 still opens', async () => {
  const page = await open(storyPath(first!), { javaScriptEnabled: false, colorScheme: 'dark' });
  // 分享's buttons open and close its popover, which needs no script; every other tool does.
  assert.equal(await page.locator('.reader-tools button:not([popovertarget]), .page-end button').count(), 0);
  const darkSystem = await open(storyPath(first!), { colorScheme: 'dark' });
  assert.equal(await colours(page), await colours(darkSystem));
  await page.getByRole('button', { name: '分享' }).click();
  const qr = page.getByRole('img', { name: '本文永久链接的二维码' });
  await qr.waitFor();
  assert.ok(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the QR code loads');
  await page.getByRole('link', { name: '返回顶部' }).waitFor();
});

test('分享: the QR code is not loaded until asked for, and shows the permanent link beside it', async () => {
  const page = await (await site.context()).newPage();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(site.url(storyPath(first!)), { waitUntil: 'networkidle' });
  assert.ok(!requested.includes(storyQrPath(first!)), 'closed: not fetched');
  await page.getByRole('button', { name: '分享' }).click();
  const panel = page.locator('#share');
  await panel.getByRole('img').evaluate((img: HTMLImageElement) => img.decode());
  assert.ok(requested.includes(storyQrPath(first!)), 'opened: fetched');
  const permalink = new URL(storyPath(first!), SITE_URL).href;
  assert.equal(await panel.getByRole('link').textContent(), permalink);
  assert.match((await panel.textContent()) ?? '', /微信扫码/);
  await page.keyboard.press('Tab');
  assert.equal(
    await page.evaluate(() => document.activeElement?.getAttribute('href')),
    storyPath(first!),
    'Tab from 分享 goes into its panel',
  );
});

/** Decodes the QR code in a PNG screenshot with ZXing. */
async function decodeQr(page: Page, png: Buffer): Promise<string> {
  const { width, height, rgba } = await pngPixels(page, png);
  const grey: number[] = [];
  for (let i = 0; i < rgba.length; i += 4) grey.push(Math.round((rgba[i]! + rgba[i + 1]! + rgba[i + 2]!) / 3));
  const source = new RGBLuminanceSource(Uint8ClampedArray.from(grey), width, height);
  return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
}

for (const slug of [first!, second!]) {
  test(`QR code of ${slug}: valid SVG, crisp, and a scanner reads its permanent link, in dark mode too`, async () => {
    const response = await fetch(site.url(storyQrPath(slug)));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^image\/svg\+xml/);
    const svg = await response.text();
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* shape-rendering="crispEdges"/);
    assert.deepEqual([...new Set(svg.match(/#[0-9a-f]{6}/gi))].sort(), ['#000000', '#ffffff'], 'pure black on white');

    const page = await open(storyPath(slug), { colorScheme: 'dark' });
    // Parsed as XML in Node: the archive's pages refuse string-to-DOM parsing (Trusted Types).
    assert.equal(XMLValidator.validate(svg), true, 'well-formed XML');
    const root = new XMLParser({ ignoreAttributes: false }).parse(svg).svg;
    const parsed = `${root?.['@_xmlns']} svg ok`;
    assert.equal(parsed, 'http://www.w3.org/2000/svg svg ok', 'well-formed SVG');
    await page.getByRole('button', { name: '分享' }).click();
    const qr = page.locator('#share img');
    await qr.evaluate((img: HTMLImageElement) => img.decode());
    // What a phone camera sees on the dark page: the code as drawn, not the file.
    const text = await decodeQr(page, await qr.screenshot());
    assert.equal(text, new URL(storyPath(slug), SITE_URL).href);
  });
}

test('打印: a print button; the printout carries the masthead and no interactive leftovers', async () => {
  const slug = withNotes ?? first!;
  const page = await open(storyPath(slug), { colorScheme: 'dark' });
  await page.getByRole('button', { name: '深色' }).click();
  // window.print() opens a dialog Playwright cannot see: count the calls instead.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await page.getByRole('button', { name: '打印' }).click();
  assert.equal(await page.evaluate(() => (window as unknown as { printed: number }).printed), 1);

  await page.emulateMedia({ media: 'print' });
  const masthead = await page.evaluate(() => getComputedStyle(document.body, '::before').content);
  assert.equal(masthead, `"${ARCHIVE_NAME}"`);
  const leftovers = [
    '.reader-tools',
    '.page-end',
    '.para-link',
    'body > header',
    'body > footer',
    '#copy-buttons',
    '.story-nav',
  ];
  if (withNotes) leftovers.push('.editor-notes a[href^="#"]');
  for (const selector of leftovers) {
    const shown = await page
      .locator(selector)
      .evaluateAll((found) => found.filter((el) => el.checkVisibility()).length);
    assert.equal(shown, 0, `${selector} is not printed`);
  }
  // Light text on paper would print faint: every printed text is dark, with 深色 chosen or a dark system.
  for (const chosen of ['dark', null]) {
    await page.evaluate(
      (theme) =>
        theme
          ? document.documentElement.setAttribute('data-theme', theme)
          : document.documentElement.removeAttribute('data-theme'),
      chosen,
    );
    const light = await page.locator('main').evaluate((main) =>
      [...main.querySelectorAll('*')]
        .filter(
          (el) => el.checkVisibility() && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()),
        )
        .map((el) => [el.tagName, getComputedStyle(el).color] as const)
        .filter(
          ([, color]) =>
            color
              .match(/\d+/g)!
              .slice(0, 3)
              .map(Number)
              .reduce((a, b) => a + b) >
            3 * 150,
        ),
    );
    assert.deepEqual(light, [], `light text in the printout (theme: ${chosen ?? 'system, dark'})`);
  }
});

test('返回顶部: goes to the top and the next Tab starts from the top of the page', async () => {
  const page = await open(storyPath(first!), { viewport: { width: 375, height: 700 } });
  assert.equal(await page.locator('#top').evaluate((el) => el.tagName), 'BODY');
  const link = page.getByRole('link', { name: '返回顶部' });
  await link.scrollIntoViewIfNeeded();
  assert.ok((await page.evaluate(() => scrollY)) > 0);
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => scrollY === 0);
  assert.equal(new URL(page.url()).hash, '#top');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), '跳到正文');
});

test('no CSP violation on a story page while every tool is used', async () => {
  const page = await (await site.context()).newPage();
  const violations = await watchCsp(page);
  await page.goto(site.url(storyPath(first!)));
  await page.getByRole('button', { name: '大' }).click();
  await page.getByRole('button', { name: '深色' }).click();
  await page.getByRole('button', { name: '分享' }).click();
  await page.locator('#share img').evaluate((img: HTMLImageElement) => img.decode());
  await page.reload();
  assert.deepEqual(await violations(), []);
});
