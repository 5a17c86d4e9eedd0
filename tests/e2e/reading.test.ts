/**
 * How the archive reads (issue 10): links recognisable without hover, numbered editor's-note marks,
 * quiet paragraph links, one rule above a caption, a labelled meta line, a findable linked
 * paragraph, a red that stays red in dark mode, a compact phone header, and Chinese body text set
 * like a printed page (solid sans, ~38 characters a line, no spread characters, clreq line breaks).
 * Everything is measured in Chromium on the built site: computed styles, layout, DOM.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { linesOf } from '../support/lines.ts';
import { readStoryFiles } from '../support/stories.ts';
import { useSite } from '../support/site.ts';
import { archivePath, feedPath, homePath, placePath, sectionPath, storyPath } from '../../src/lib/urls.ts';

const site = useSite();
const stories = readStoryFiles();
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };
const LINGSHI = 'lingshi-etdz-transformation';
const CHANGZHI = 'changzhi-hi-tech-zone-study-meeting';
const TAIYUAN = 'taiyuan-energy-storage-station-photo';

async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await site.context({ viewport: DESKTOP, ...options })).newPage();
  const response = await page.goto(site.url(path));
  assert.ok(response && [200, 404].includes(response.status()), path);
  return page;
}

/** sRGB colour of a CSS colour (any syntax Chromium knows), composited over `over` (default: opaque). */
async function rgbOf(page: Page, color: string, over = 'white'): Promise<[number, number, number]> {
  return page.evaluate(
    ([c, o]) => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 1;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = o!;
      ctx.fillRect(0, 0, 1, 1);
      ctx.fillStyle = c!;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
      return [r!, g!, b!] as [number, number, number];
    },
    [color, over],
  );
}

const luminance = ([r, g, b]: number[]): number => {
  const [R, G, B] = [r!, g!, b!].map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
};
const contrast = (a: number[], b: number[]): number => {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
  return (x! + 0.05) / (y! + 0.05);
};
/** Hue in degrees, saturation and lightness in 0–1. */
function hsl([r, g, b]: number[]): { h: number; s: number; l: number } {
  const [R, G, B] = [r! / 255, g! / 255, b! / 255];
  const max = Math.max(R, G, B);
  const min = Math.min(R, G, B);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { h: 0, s: 0, l };
  const s = d / (1 - Math.abs(2 * l - 1));
  const h = max === R ? ((G - B) / d + 6) % 6 : max === G ? (B - R) / d + 2 : (R - G) / d + 4;
  return { h: h * 60, s, l };
}

async function pageBackground(page: Page): Promise<[number, number, number]> {
  return rgbOf(page, await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor));
}

async function assertUnderlined(page: Page, selector: string, what: string): Promise<void> {
  const links = page.locator(selector);
  const n = await links.count();
  assert.ok(n > 0, `${what}: ${selector} found`);
  for (let i = 0; i < n; i++) {
    const [decoration, text] = await links
      .nth(i)
      .evaluate((a) => [getComputedStyle(a).textDecorationLine, a.textContent]);
    assert.match(decoration, /underline/, `${what}: link “${text?.trim()}” is underlined`);
  }
}

const HAN = /\p{Script=Han}/u;
// clreq: characters that must not start a line, and ones that must not end it (full and half width).
const NO_LINE_START = '，。、；：？！）》」』”’〕】〗〉〙〛,.;:?!)]}%';
const NO_LINE_END = '（《「『“‘〔【〖〈〘〚([{';

test('links in running text are underlined, not told apart by hover (WCAG 1.4.1)', async () => {
  const story = await open(storyPath(LINGSHI));
  await assertUnderlined(story, 'article header p:has(time) a', 'story meta (date, section, place)');
  await assertUnderlined(story, 'aside.editor-notes li a', '返回原文');
  await assertUnderlined(story, 'main p a:not(.para-link)', 'links in paragraphs');
  await assertUnderlined(story, 'body > footer a', 'footer links');
  assert.equal(await story.locator(`body > footer a[href="${feedPath()}"]`).count(), 1, 'RSS link in the footer');
  const notFound = await open('/no-such-page/');
  await assertUnderlined(notFound, `main p a[href="${homePath()}"]`, '首页 in the 404 sentence');
  const city = await open(placePath('jinzhong'));
  await assertUnderlined(city, 'main nav[aria-label$="下辖县区"] a', '下辖 counties');
  await assertUnderlined(city, 'main article p:has(time) a', 'story meta in listings');
  const county = await open(placePath('jinzhong', 'lingshi'));
  await assertUnderlined(county, `main p a[href="${placePath('jinzhong')}"]`, '上级 city');
  const archive = await open(archivePath());
  // The years' sections: the breadcrumbs above mark their last link, the page itself, by aria-current.
  await assertUnderlined(archive, 'main section li a', 'archive years and months');
});

test("each editor's-note mark shows its note's number and links to it; the note links back", async () => {
  for (const [slug, count] of [
    [LINGSHI, 2],
    [CHANGZHI, 1],
  ] as const) {
    const page = await open(storyPath(slug));
    const flags = page.locator('a.editor-flag');
    assert.equal(await flags.count(), count, slug);
    for (let i = 0; i < count; i++) {
      const flag = flags.nth(i);
      const number = String(i + 1);
      // The number is drawn after the marked text (注1, 注2 …) and is part of the link.
      const shown = await flag.evaluate((a) => {
        const after = getComputedStyle(a, '::after').content;
        return { after, data: a.getAttribute('data-note') };
      });
      assert.equal(shown.data, number, `${slug}: mark ${number} carries its number`);
      assert.match(shown.after, /^"注" attr\(data-note\)|^"注\d+"/, `${slug}: mark ${number} draws 注 and the number`);
      // Its width is more than the marked text's: the number is on screen.
      const [linkWidth, textWidth] = await flag.evaluate((a) => {
        const range = document.createRange();
        range.selectNodeContents(a);
        return [a.getBoundingClientRect().width, range.getBoundingClientRect().width];
      });
      assert.ok(
        linkWidth > textWidth + 8,
        `${slug}: mark ${number} shows more than the text (${linkWidth} > ${textWidth})`,
      );
      const href = await flag.getAttribute('href');
      const note = page.locator(`aside.editor-notes li${href}`);
      assert.equal(await note.count(), 1, `${slug}: mark ${number} leads to a note`);
      assert.equal(
        await note.evaluate((li) => [...li.parentElement!.children].indexOf(li) + 1),
        i + 1,
        'the note with that number',
      );
      const marker = await note.evaluate((li) => getComputedStyle(li, '::marker').content);
      assert.match(
        marker,
        new RegExp(`注.*(counter\\(list-item\\)|${number})`),
        `${slug}: note ${number} is numbered 注${number}`,
      );
      await flag.click();
      assert.equal(new URL(page.url()).hash, href);
      await note.getByRole('link', { name: '返回原文' }).click();
      assert.equal(new URL(page.url()).hash, `#${await flag.getAttribute('id')}`);
    }
  }
});

test('paragraph links stay named and keyboard-reachable but show only on hover or focus, never alone on a line', async () => {
  for (const viewport of [PHONE, DESKTOP]) {
    for (const story of stories.filter((s) => s.data.format === 'article')) {
      const page = await open(storyPath(story.data.slug), { viewport });
      const links = page.locator('.story-body p > a.para-link');
      const n = await links.count();
      assert.ok(n > 0);
      for (let i = 0; i < n; i++) {
        const link = links.nth(i);
        assert.equal(await link.getAttribute('aria-label'), `链接到第${i + 1}段`);
        // The ¶ shares a line with text of its paragraph.
        const shared = await link.evaluate((a) => {
          const box = a.getBoundingClientRect();
          const middle = (box.top + box.bottom) / 2;
          const p = a.parentElement!;
          const range = document.createRange();
          const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
            for (let k = 0; k < node.data.length; k++) {
              range.setStart(node, k);
              range.setEnd(node, k + 1);
              for (const r of range.getClientRects())
                if (r.width > 0 && r.top <= middle && middle <= r.bottom) return true;
            }
          }
          return false;
        });
        assert.ok(shared, `${story.data.slug} at ${viewport.width}px: ¶ ${i + 1} shares a line with text`);
      }
      if (viewport === DESKTOP && story.data.slug === LINGSHI) {
        const opacity = (k: number) => links.nth(k).evaluate((a) => getComputedStyle(a).opacity);
        assert.equal(await opacity(1), '0', 'hidden at rest');
        await page.locator('.story-body p').nth(1).hover();
        assert.equal(await opacity(1), '1', 'shown on hover over its paragraph');
        await page.mouse.move(0, 0);
        await links.nth(2).focus();
        assert.equal(await opacity(2), '1', 'shown on focus');
        assert.equal(await opacity(1), '0', 'hidden again');
      }
      await page.context().close();
    }
  }
});

test('one rule, not two, above the caption block', async () => {
  for (const slug of [CHANGZHI, TAIYUAN]) {
    const page = await open(storyPath(slug));
    const rules = await page.evaluate(() => {
      const article = document.querySelector('article')!;
      const caption = article.querySelector('figcaption')!.getBoundingClientRect();
      const found: string[] = [];
      for (const el of article.querySelectorAll('*')) {
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        // A rule runs across the column; a button's or a QR code's frame does not.
        if (box.width < caption.width / 2) continue;
        const drawn = (side: 'Top' | 'Bottom') =>
          parseFloat(style[`border${side}Width`]) > 0 &&
          style[`border${side}Style`] !== 'none' &&
          style[`border${side}Style`] !== 'hidden';
        if (drawn('Top') && box.top < caption.top) found.push(`${el.tagName} top`);
        if (drawn('Bottom') && box.bottom <= caption.top) found.push(`${el.tagName} bottom`);
      }
      return found;
    });
    assert.equal(rules.length, 1, `${slug}: rules above the caption: ${rules.join(', ')}`);
  }
});

test('the meta line separates and labels date, section and place, and marks what of the date is inferred', async () => {
  const expected = [
    // The photo's caption has no year: it comes from the page's other stories (yearBasis: page).
    [TAIYUAN, '2025年10月3日', '（年份据同版稿件推定）', '栏目：项目', '地区：太原市'],
    // 灵石 reports 2025's figures as the current year's (yearBasis: text).
    [LINGSHI, '2025年10月', '（月份据同版稿件推定，年份据本篇正文）', '栏目：开发区', '地区：晋中市 · 灵石县'],
  ] as const;
  for (const [slug, date, inferred, section, place] of expected) {
    const page = await open(storyPath(slug));
    const meta = page.locator('article header p:has(time)');
    const parts = await meta.locator(':scope > *').evaluateAll((els) =>
      els.map((el) => ({
        text: (el as HTMLElement).innerText.trim(),
        bar: getComputedStyle(el, '::before').content,
      })),
    );
    assert.deepEqual(
      parts.map((p) => p.text),
      [`${date}${inferred}`, section, place],
      slug,
    );
    assert.equal(await meta.locator('time').innerText(), date, 'the date itself is the time element');
    // A bar before each part, silent to screen readers (the first one's is clipped: line-breaks.test.ts).
    assert.deepEqual(
      parts.map((p) => p.bar),
      ['"|" / ""', '"|" / ""', '"|" / ""'],
      `${slug}: parts separated by a bar`,
    );
  }
});

test('a linked paragraph (#p3) is clearly highlighted, in light and dark', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await open(`${storyPath(LINGSHI)}#p3`, { colorScheme });
    const p3 = page.locator('.story-body p#p3');
    const [background, shadow, color] = await p3.evaluate((p) => {
      const s = getComputedStyle(p);
      return [s.backgroundColor, s.boxShadow, s.color];
    });
    const paper = await pageBackground(page);
    const tint = await rgbOf(page, background, `rgb(${paper.join(',')})`);
    assert.ok(contrast(tint, paper) >= 1.08, `${colorScheme}: tint stands out (${contrast(tint, paper).toFixed(3)}:1)`);
    // A bar in the margin: a box shadow to the left in a colour that stands out from the paper.
    const bar = /^(.*\)) (-[\d.]+px) 0px 0px 0px$/.exec(shadow);
    assert.ok(bar, `${colorScheme}: a bar marks the paragraph (${shadow})`);
    const barColor = await rgbOf(page, bar[1]!);
    assert.ok(
      contrast(barColor, paper) >= 1.8,
      `${colorScheme}: the bar stands out (${contrast(barColor, paper).toFixed(2)}:1)`,
    );
    assert.ok(contrast(await rgbOf(page, color), tint) >= 4.5, `${colorScheme}: text stays readable on the tint`);
    const others = await page
      .locator('.story-body p:not(#p3)')
      .first()
      .evaluate((p) => getComputedStyle(p).backgroundColor);
    assert.equal(others, 'rgba(0, 0, 0, 0)', 'other paragraphs stay plain');
  }
});

test('dark mode keeps the brand red a red and search highlights calm, with AA contrast', async () => {
  const page = await open(`${storyPath(TAIYUAN)}?hl=${encodeURIComponent('储能')}`, { colorScheme: 'dark' });
  const paper = await pageBackground(page);
  assert.ok(luminance(paper) < 0.05, 'dark page');
  const kickerPage = await open(storyPath(LINGSHI), { colorScheme: 'dark' });
  for (const [where, selector] of [
    [page, 'body > header a[href="/"]'],
    [kickerPage, '.story-kicker'],
  ] as const) {
    const color = await rgbOf(
      where,
      await where
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).color),
    );
    const { h, s, l } = hsl(color);
    assert.ok(
      (h <= 15 || h >= 345) && s >= 0.6 && l <= 0.68,
      `${selector}: ${color} is a red (h ${h.toFixed(0)}, s ${s.toFixed(2)}, l ${l.toFixed(2)})`,
    );
    assert.ok(contrast(color, paper) >= 4.5, `${selector}: AA on dark paper`);
  }
  const mark = page.locator('main mark').first();
  await mark.waitFor();
  const [background, color] = await mark.evaluate((m) => [
    getComputedStyle(m).backgroundColor,
    getComputedStyle(m).color,
  ]);
  const markBackground = await rgbOf(page, background, `rgb(${paper.join(',')})`);
  const markText = await rgbOf(page, color);
  assert.ok(
    luminance(markBackground) <= 0.12,
    `search highlight does not glare (luminance ${luminance(markBackground).toFixed(2)})`,
  );
  assert.ok(contrast(markText, markBackground) >= 4.5, 'highlighted text keeps AA contrast');
  assert.ok(contrast(markBackground, paper) >= 1.5, 'the highlight still stands out');
});

test('on a phone the header is one compact masthead row and a one-line channel bar', async () => {
  const page = await open(homePath(), { viewport: PHONE });
  const header = page.locator('body > header');
  const height = (await header.boundingBox())!.height;
  assert.ok(height <= 110, `header is ${height}px tall at 375 px`);
  const search = header.getByRole('link', { name: '搜索' });
  assert.ok(await search.isVisible(), 'a search link in the masthead row');
  assert.equal(await search.getAttribute('href'), '/search/');
  const channels = header.locator('nav[aria-label="浏览"] a');
  const tops = new Set(await channels.evaluateAll((as) => as.map((a) => Math.round(a.getBoundingClientRect().top))));
  assert.equal(tops.size, 1, 'channels on one line');
  assert.ok(await header.locator(`a[href="${sectionPath('project')}"]`).isVisible());
  const desktop = await open(homePath());
  assert.ok(await desktop.locator('body > header form[role="search"]').isVisible(), 'the search box on wide screens');
});

test('a breadcrumb separator never starts a line', async () => {
  for (const story of stories) {
    const page = await open(storyPath(story.data.slug), { viewport: PHONE });
    const crumbs = await page.locator('nav[aria-label="面包屑"] ol').evaluate((ol) => {
      const left = ol.getBoundingClientRect().left;
      const items = [...ol.children].map((li) => {
        const boxes = [...li.getClientRects()];
        const range = document.createRange();
        range.selectNodeContents(li);
        const chars = [...range.getClientRects()].filter((r) => r.width > 0);
        return { boxes, first: chars[0]!, last: chars.at(-1)! };
      });
      // The separator is what a crumb's box holds beyond its text: before it or after it.
      return items.slice(1).map((item, i) => {
        const previous = items[i]!;
        const before = item.first.left - item.boxes[0]!.left > 4;
        const after = previous.boxes.at(-1)!.right - previous.last.right > 4;
        return {
          drawn: before || after,
          // Drawn before a crumb, it starts a line when that crumb's box does.
          startsLine: before && item.boxes[0]!.left - left < 1,
          // Drawn after one, it shares that crumb's last line.
          alone: after && previous.boxes.at(-1)!.bottom - previous.last.bottom > 4,
        };
      });
    });
    crumbs.forEach((sep, i) => {
      assert.ok(sep.drawn, `${story.data.slug}: separator ${i + 1} found`);
      assert.ok(!sep.startsLine && !sep.alone, `${story.data.slug}: separator ${i + 1} does not start a line`);
    });
  }
});

test('body text is set in a solid system sans, never SimSun', async () => {
  const page = await open(storyPath(LINGSHI));
  const families = await page.evaluate(() => ({
    body: getComputedStyle(document.querySelector('.story-body p')!).fontFamily,
    headline: getComputedStyle(document.querySelector('h1')!).fontFamily,
  }));
  assert.match(families.body, /^"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC"/);
  assert.doesNotMatch(families.body + families.headline, /SimSun|宋体|(^|, )serif$/i);
  // What Chromium really drew the body with on this machine.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.story-body p' });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  const main = fonts.sort((a, b) => b.glyphCount - a.glyphCount)[0]!;
  assert.match(main.familyName, /Sans/, `body drawn with ${main.familyName}`);
});

test('story text runs about 35–40 characters a line on desktop', async () => {
  for (const story of stories.filter((s) => s.data.format === 'article')) {
    const page = await open(storyPath(story.data.slug));
    const measures = await linesOf(page, '.story-body p');
    const { fontSize, width } = measures[0]!;
    const perLine = width / fontSize;
    assert.ok(perLine >= 35 && perLine <= 40, `${story.data.slug}: ${perLine.toFixed(1)} characters a line`);
    // Counted on the page: full lines (not a paragraph's first or last) hold 35–41 characters.
    for (const { lines } of measures) {
      for (const line of lines.slice(1, -1)) {
        const han = [...line.text].filter((c) => HAN.test(c)).length;
        if (han === line.text.length) assert.ok(han >= 35 && han <= 40, `${story.data.slug}: ${han} on “${line.text}”`);
      }
    }
  }
});

// Phones set ragged-right, so Han characters sit exactly one em apart; desktop justifies ~38
// characters a line, where the leftover of a half-width comma spreads over the whole line.
for (const [viewport, spread] of [
  [PHONE, 1.03],
  [DESKTOP, 1.1],
] as const) {
  test(`at ${viewport.width} px: no line starts with closing or ends with opening punctuation, and no characters are spread apart`, async () => {
    let checked = 0;
    for (const story of stories) {
      const page = await open(storyPath(story.data.slug), { viewport });
      for (const { fontSize, lines } of await linesOf(page, '.story-body p, figcaption')) {
        for (const line of lines) {
          const first = line.text[0]!;
          const last = line.text.trimEnd().at(-1)!;
          assert.ok(!NO_LINE_START.includes(first), `${story.data.slug}: line starts with “${first}”: ${line.text}`);
          assert.ok(!NO_LINE_END.includes(last), `${story.data.slug}: line ends with “${last}”: ${line.text}`);
          // Two Han characters side by side sit one em apart: justification does not open gaps.
          for (let i = 0; i + 1 < line.text.length; i++) {
            if (!HAN.test(line.text[i]!) || !HAN.test(line.text[i + 1]!)) continue;
            const advance = line.lefts[i + 1]! - line.lefts[i]!;
            assert.ok(
              advance <= fontSize * spread,
              `${story.data.slug}: “${line.text[i]}${line.text[i + 1]}” ${(advance / fontSize).toFixed(3)} em apart in “${line.text}” ${JSON.stringify(line.lefts.map(Math.round))} top ${line.top}`,
            );
          }
          checked += 1;
        }
      }
      await page.context().close();
    }
    assert.ok(checked > 100, `${checked} lines checked`);
  });
}

test('each story says where its own year comes from, as its frontmatter records it (no fixed phrase)', async () => {
  const marks = { printed: undefined, text: '年份据本篇正文', page: '同版稿件推定' } as const;
  const sentences = { printed: undefined, text: '年份据本篇正文推定', page: '年份据同版其他稿件推定' } as const;
  for (const story of readStoryFiles()) {
    const page = await open(storyPath(story.data.slug));
    const meta = await page.locator('article header .story-date').innerText();
    const source = await page.locator('.story-source').innerText();
    const mark = marks[story.data.yearBasis];
    if (mark) assert.ok(meta.includes(mark), `${story.file}: "${meta}"`);
    assert.ok(!meta.includes('据正文推定'), `${story.file}: no bare 据正文`);
    if (story.data.yearBasis === 'page')
      assert.ok(!/正文/.test(meta + source), `${story.file}: its text gives no year`);
    const sentence = sentences[story.data.yearBasis];
    if (sentence) assert.ok(source.includes(sentence), `${story.file}: "${source}"`);
    await page.close();
  }
});
