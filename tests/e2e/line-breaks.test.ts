/**
 * Where lines break, as a reader sees them in Chromium at 375 and 1280 px: headlines and short
 * lines between phrases, credits whole, URLs after a "/", no bar at either end of a meta line's
 * line; and what the page does around them: Han–digit spacing everywhere, jump targets clear of
 * the top, 分享 opening over the page and closing with Escape, 字号 reaching captions and notes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { phrases } from '../../src/lib/line-breaks.ts';
import { homePath, sourceLinesPath, storyPath } from '../../src/lib/urls.ts';
import { linesOf } from '../support/lines.ts';
import { pngPixels } from '../support/pixels.ts';
import { readStoryFiles } from '../support/stories.ts';
import { useSite } from '../support/site.ts';

const site = useSite();
const stories = readStoryFiles();
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };
const JINCHENG = 'jincheng-etdz-industrial-ecosystem';
const LINGSHI = 'lingshi-etdz-transformation';
const TAIYUAN = 'taiyuan-energy-storage-station-photo';

async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await site.context({ viewport: PHONE, ...options })).newPage();
  const response = await page.goto(site.url(path));
  assert.equal(response?.status(), 200, path);
  return page;
}

/** Where `text` breaks into `lines` (offsets into the text, spaces as laid out collapsed). */
function breakOffsets(lines: { text: string }[]): number[] {
  return lines.slice(0, -1).map((_, i) => lines.slice(0, i + 1).reduce((n, line) => n + line.text.length, 0));
}

/** Asserts that every line of each element matched breaks between two of its phrases. */
async function assertBreaksBetweenPhrases(page: Page, selector: string, what: string): Promise<number> {
  const laid = await linesOf(page, selector);
  assert.ok(laid.length > 0, `${what}: ${selector} found`);
  let broken = 0;
  for (const { lines } of laid) {
    const text = lines.map((line) => line.text).join('');
    const parts = phrases(text.trim());
    const allowed = new Set(parts.map((_, i) => parts.slice(0, i).join('').length));
    for (const at of breakOffsets(lines)) {
      const before = text.slice(0, at);
      assert.ok(
        allowed.has(before.trimEnd().length) || allowed.has(before.length),
        `${what}: “${text}” breaks inside a phrase: ${lines.map((l) => l.text).join('⏎')}`,
      );
      broken++;
    }
  }
  return broken;
}

for (const viewport of [PHONE, DESKTOP]) {
  test(`at ${viewport.width} px: headlines, cards and story links break between phrases`, async () => {
    let broken = 0;
    for (const story of stories) {
      const page = await open(storyPath(story.data.slug), { viewport });
      broken += await assertBreaksBetweenPhrases(page, 'article header h1', story.data.slug);
      broken += await assertBreaksBetweenPhrases(page, '.story-nav a, .related a', `${story.data.slug} links`);
      await page.close();
    }
    const home = await open(homePath(), { viewport });
    broken += await assertBreaksBetweenPhrases(home, 'main article h2 a', 'cards');
    if (viewport === PHONE) assert.ok(broken > 0, 'some headline breaks at 375 px, so the check checks something');
  });
}

test('a headline printed in two parts breaks at its space; a short line keeps a place name whole', async () => {
  const page = await open(storyPath(JINCHENG));
  const [headline] = await linesOf(page, 'article header h1');
  assert.deepEqual(
    headline!.lines.map((line) => line.text.trim()),
    ['系统打造产业生态', '重塑资源型城市创新基因'],
  );
  for (const story of stories) {
    await page.goto(site.url(storyPath(story.data.slug)));
    for (const { lines } of await linesOf(page, '.related li > span')) {
      assert.equal(lines.length, 1, `${story.data.slug}: “${lines.map((l) => l.text).join('⏎')}” on one line`);
    }
  }
});

test('a credit keeps name and role together: 王瑞瑞摄, 文／王波', async () => {
  for (const [slug, selector] of [
    [TAIYUAN, '.photo-credit'],
    [JINCHENG, '.byline > span'],
  ] as const) {
    for (const width of [375, 330, 300]) {
      const page = await open(storyPath(slug), { viewport: { width, height: 800 } });
      for (const { lines } of await linesOf(page, selector)) assert.equal(lines.length, 1, `${slug} at ${width} px`);
      await page.close();
    }
  }
});

test('URLs break after a "/" only, never inside a word ("htt⏎ps://")', async () => {
  let broken = 0;
  for (const viewport of [PHONE, DESKTOP, { width: 320, height: 700 }]) {
    const page = await open(storyPath(LINGSHI), { viewport });
    await page.getByRole('button', { name: '分享' }).click();
    for (const selector of ['#share a', '.story-source a[href^="/stories/"]', '#citation', '#cite-gbt-online']) {
      const [laid] = await linesOf(page, selector);
      const lines = laid!.lines.map((line) => line.text);
      const text = lines.join('');
      const url = text.slice(text.indexOf('http'));
      for (const at of breakOffsets(laid!.lines)) {
        if (at <= text.indexOf('http')) continue;
        assert.equal(text[at - 1], '/', `${selector} at ${viewport.width} px: ${lines.join('⏎')}`);
        broken++;
      }
      assert.ok(url.startsWith('http://') || url.startsWith('https://'), selector);
    }
    await page.close();
  }
  assert.ok(broken > 0, 'some URL breaks, so the check checks something');
});

/** How many pixels of `png` differ clearly from its first pixel (the paper). */
async function inkPixels(page: Page, png: Buffer): Promise<number> {
  const { rgba } = await pngPixels(page, png);
  let ink = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    const d = Math.abs(rgba[i]! - rgba[0]!) + Math.abs(rgba[i + 1]! - rgba[1]!) + Math.abs(rgba[i + 2]! - rgba[2]!);
    if (d > 60) ink++;
  }
  return ink;
}

test('the meta line: a bar between parts on a line, none at a line start or end', async () => {
  for (const [slug, width] of [
    [JINCHENG, 375],
    [LINGSHI, 375],
    [LINGSHI, 1280],
  ] as const) {
    const page = await open(storyPath(slug), { viewport: { width, height: 800 } });
    const parts = await page.locator('article header .story-meta > *').evaluateAll((els) => {
      const column = els[0]!.closest('header')!.getBoundingClientRect().left;
      return els.map((el) => {
        const box = el.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(el);
        const text = [...range.getClientRects()].find((r) => r.width > 0)!;
        // The strip before the part's own text: where its bar is drawn, if it is.
        return {
          x: box.left,
          y: text.top,
          width: text.left - box.left,
          height: text.height,
          startsLine: text.left - column < 4,
        };
      });
    });
    assert.ok(
      parts.some((part) => !part.startsLine),
      `${slug}: some part follows another on its line`,
    );
    for (const [i, part] of parts.entries()) {
      const shot = await page.screenshot({ clip: { x: part.x, y: part.y, width: part.width, height: part.height } });
      const ink = await inkPixels(page, shot);
      if (part.startsLine) assert.equal(ink, 0, `${slug} at ${width} px: part ${i + 1} starts a line with no bar`);
      else assert.ok(ink > 0, `${slug} at ${width} px: a bar before part ${i + 1}`);
    }
    await page.close();
  }
});

test('Han–digit spacing is drawn in captions, meta lines, excerpts and lists, not only the body', async () => {
  const page = await open(storyPath(TAIYUAN));
  for (const selector of ['figcaption', '.story-meta', '.story-source', '.related li, .story-nav li']) {
    const spacing = await page
      .locator(selector)
      .first()
      .evaluate((el) => getComputedStyle(el).textAutospace);
    assert.equal(spacing, 'normal', selector);
  }
  await page.goto(site.url(homePath()));
  assert.equal(
    await page
      .locator('main article p')
      .last()
      .evaluate((el) => getComputedStyle(el).textAutospace),
    'normal',
  );
});

test('a jump target stops clear of the top: #L25 shows its story heading, a note mark its focus ring', async () => {
  const [story] = stories
    .filter((s) => s.data.source.lines[0] > 1)
    .sort((a, b) => a.data.source.lines[0] - b.data.source.lines[0]);
  const first = story!.data.source.lines[0];
  const page = await open(`${sourceLinesPath(story!.data.source.file, first)}`);
  const heading = await page
    .locator(`section[data-story="${story!.data.slug}"] h3`)
    .evaluate((h) => h.getBoundingClientRect().top);
  assert.ok(heading >= 0, `the heading above line ${first} is in view (top ${heading}px)`);
  for (const width of [375, 1280]) {
    const notes = await open(`${storyPath(LINGSHI)}#editor-note-1`, { viewport: { width, height: 800 } });
    await notes.getByRole('link', { name: '返回原文' }).first().click();
    const top = await notes.locator('#editor-flag-1').evaluate((a) => a.getBoundingClientRect().top);
    assert.ok(top >= 12, `at ${width} px the mark sits ${top}px from the top, room for its focus ring`);
    await notes.close();
  }
});

test('分享 opens over the page without moving its button; Escape closes it and gives focus back', async () => {
  for (const javaScriptEnabled of [true, false]) {
    const page = await open(storyPath(LINGSHI), { javaScriptEnabled });
    const share = page.getByRole('button', { name: '分享' });
    const before = await share.boundingBox();
    await share.click();
    const panel = page.locator('#share');
    assert.ok(await panel.isVisible(), 'open');
    assert.deepEqual(await share.boundingBox(), before, 'the button stays where it was');
    await page.keyboard.press('Escape');
    assert.ok(!(await panel.isVisible()), 'Escape closes it');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), '分享', 'focus back on 分享');
    await share.click();
    await panel.getByRole('button', { name: '关闭' }).click();
    assert.ok(!(await panel.isVisible()), '关闭 closes it');
    await page.close();
  }
});

test("字号 reaches photo captions and editor's notes, not only the body", async () => {
  const sizeOf = (page: Page, selector: string): Promise<number> =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  for (const [slug, selector] of [
    [TAIYUAN, 'article figure figcaption'],
    [LINGSHI, '.editor-notes li'],
    [LINGSHI, '.story-body p'],
  ] as const) {
    const page = await open(storyPath(slug), { viewport: DESKTOP });
    const tools = page.getByRole('group', { name: '字号' });
    const medium = await sizeOf(page, selector);
    await tools.getByRole('button', { name: '大' }).click();
    const large = await sizeOf(page, selector);
    await tools.getByRole('button', { name: '小' }).click();
    const small = await sizeOf(page, selector);
    await tools.getByRole('button', { name: '中' }).click();
    assert.ok(large > medium && medium > small, `${slug} ${selector}: 小 ${small}px, 中 ${medium}px, 大 ${large}px`);
    await page.close();
  }
});
