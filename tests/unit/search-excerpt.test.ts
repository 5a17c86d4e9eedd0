/** Where search excerpts are cut (src/search/core/excerpt.ts), and how the page's parts of a text feed it (src/search/core/text-parts.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isClauseBoundary } from '../../src/lib/clauses.ts';
import { excerptWindow, maxLeadIn, nearlyFits, overrun } from '../../src/search/core/excerpt.ts';
import { excerptReady, partOf, partStart, splitText, startPart } from '../../src/search/core/text-parts.ts';
import { excerpt } from '../../src/search/core/marks.ts';
import { readStoryFiles } from '../support/stories.ts';
import { afterClause, splitsRun } from '../support/excerpt-rules.ts';
import { FOLD } from '../support/fold.ts';

// The build's 繁體 = 简体 table, as the indexer and the search page install it.

/** The width the search page uses (src/search/client/render.ts EXCERPT_WIDTH). */
const WIDTH = 90;
const shown = (segments: { text: string; mark: boolean }[]) =>
  segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');

test('the photo news is short enough to show whole, so 10月3日 keeps its 1', () => {
  const text =
    '10月3日,山西转型综改示范区,俯瞰太原智储100MW独立储能电站项目建设工地。该项目采用领先储能技术,建成后将增强电网调峰能力,提升电网安全性,推动能源结构低碳转型。 ■ 王瑞瑞摄';
  assert.equal(shown(excerpt(text, ['储能'], FOLD, WIDTH)), text.replaceAll('储能', '[储能]'));
  // Narrower: cut after a comma, never inside 10 or 100MW.
  const narrow = shown(excerpt(text, ['储能'], FOLD, 40));
  assert.equal(narrow, '…俯瞰太原智储100MW独立[储能]电站项目建设工地。该项目采用领先[储能]技术,…');
});

test('an excerpt starts at the text start or after clause punctuation: 科学导报讯 and 10月1日上午 stay whole', () => {
  const text =
    '科学导报讯 10月1日上午,在平鲁经济技术开发区危险废物综合利用项目建设工地上,重型机械的轰鸣声不时响起。200余名建设者正坚守施工一线,加班加点推进项目建设。“所有路面硬化和雨水排污工程必须在上冻前完工。”施工人员梁聪聪一边指挥地面硬化作业,一边查看施工进度表。';
  assert.match(shown(excerpt(text, ['上午'], FOLD, WIDTH)), /^科学导报讯 10月1日\[上午\],/);
  // After a closing quote: the quote stays with its clause, the excerpt starts after it.
  assert.match(shown(excerpt(text, ['梁聪聪'], FOLD, WIDTH, { end: true })), /^…施工人员\[梁聪聪\]/);
  assert.match(shown(excerpt(text, ['上冻'], FOLD, 40)), /^…“所有路面硬化/);
});

test('half-width marks between digits or letters are not clause ends (1,000 · 10:30 · a,b)', () => {
  const chars = Array.from('共1,000吨,于10:30完成');
  assert.equal(isClauseBoundary(chars, 3), false, '1,|000');
  assert.equal(isClauseBoundary(chars, 8), true, '吨,|于');
  assert.equal(isClauseBoundary(chars, 12), false, '10:|30');
  assert.equal(isClauseBoundary(Array.from('完成。”他说'), 3), false, 'not between 。 and ”');
  assert.equal(isClauseBoundary(Array.from('完成。”他说'), 4), true, 'after 。”');
});

test('without clause punctuation nearby an excerpt still never splits letters or digits', () => {
  const text = `${'abc123 '.repeat(40)}储能${' xyz789'.repeat(40)}`;
  const chars = Array.from(text);
  const hit = text.indexOf('储能');
  const { start, end } = excerptWindow(chars, [hit, hit + 2], WIDTH);
  assert.ok(start <= hit && end >= hit + 2);
  assert.ok(!/[a-z0-9]/.test(chars[start - 1]!) || !/[a-z0-9]/.test(chars[start]!), `start ${start}`);
  assert.ok(!/[a-z0-9]/.test(chars[end - 1]!) || !/[a-z0-9]/.test(chars[end]!), `end ${end}`);
  assert.ok(end - start <= WIDTH + overrun(WIDTH));
});

test('a text that nearly fits is shown whole; a longer one is cut', () => {
  const sentence = '甲乙丙丁戊己庚辛壬癸,'; // 11 characters
  const fits = sentence.repeat(Math.floor((WIDTH + nearlyFits(WIDTH)) / 11));
  assert.equal(excerptWindow(Array.from(fits), [50, 52], WIDTH).end, Array.from(fits).length);
  assert.equal(excerptWindow(Array.from(fits), [50, 52], WIDTH).start, 0);
  const long = sentence.repeat(30);
  const { start, end } = excerptWindow(Array.from(long), [150, 152], WIDTH);
  assert.ok(start > 0 && end < 330 && end - start <= WIDTH, `${start}–${end}`);
});

// ---- every story text, every hit position ----------------------------------------------------

const ROLE: Record<string, string> = { reporter: '', photographer: '摄', supplied: '供图' };
/** Paragraphs of a Markdown body of plain paragraphs, whitespace-trimmed, empty ones dropped. */
const markdownParagraphs = (markdown: string): string[] =>
  markdown
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, '').trim())
    .filter((p) => p.length > 0);
/** A story's searchable body as the indexer reads it: captions with credits, paragraphs, bylines. */
const texts = readStoryFiles().map((s) => ({
  slug: s.data.slug,
  text: [
    ...(s.data.figures ?? []).map((f) => `${f.caption}${f.credit ? ` ■ ${f.credit.name}${ROLE[f.credit.role]}` : ''}`),
    ...markdownParagraphs(s.body),
    (s.data.bylines ?? []).map((b) => b.name).join(' '),
  ]
    .filter(Boolean)
    .join('\n'),
}));

/** The excerpt [start, end) of the whole text `chars` meets the rules; `label` names the case. */
function checkWindow(chars: string[], start: number, end: number, hit: [number, number], label: string): void {
  assert.ok(start <= hit[0] && end >= hit[1], `${label}: holds the hit whole (${start}–${end})`);
  assert.ok(
    start === 0 || afterClause(chars, start),
    `${label}: starts after clause punctuation: ${chars.slice(start - 3, start + 5).join('')}`,
  );
  assert.ok(
    end === chars.length || afterClause(chars, end),
    `${label}: ends at clause punctuation: ${chars.slice(end - 5, end + 3).join('')}`,
  );
  assert.ok(!splitsRun(chars, start) && !splitsRun(chars, end), `${label}: no run of digits or letters split`);
  const bound = Math.max(WIDTH, hit[1] - hit[0] + maxLeadIn(WIDTH)) + overrun(WIDTH);
  assert.ok(end - start <= bound, `${label}: ${end - start} characters, at most ${bound}`);
}

test('every story text, every hit position and length: the excerpt holds the hit and is cut at clause boundaries', () => {
  let windows = 0;
  for (const { slug, text } of texts) {
    const chars = Array.from(text);
    for (let p = 0; p < chars.length; p++) {
      for (const length of [1, 2, 4, 12]) {
        if (p + length > chars.length) continue;
        const hit: [number, number] = [p, p + length];
        const { start, end, ready } = excerptWindow(chars, hit, WIDTH);
        assert.equal(ready, true);
        checkWindow(chars, start, end, hit, `${slug} @${p}+${length}`);
        windows++;
      }
    }
  }
  assert.ok(windows > 20_000, `${windows} windows checked`);
});

test('every story text, every first hit: the parts the search page fetches give an excerpt cut the same way', () => {
  let checked = 0;
  for (const { slug, text } of texts) {
    const chars = Array.from(text);
    const parts = splitText(text);
    for (let p = 0; p < chars.length; p++) {
      for (const length of [1, 2, 3]) {
        const term = chars.slice(p, p + length).join('');
        // The page looks for the first hit of a term: each term here is checked at its first occurrence.
        if (
          Array.from(term).length !== length ||
          /\s/.test(term) ||
          Array.from(text.slice(0, text.indexOf(term))).length !== p
        )
          continue;
        // The page's steps (src/search/client/excerpt-text.ts): the part the hit's index position points
        // to (a one-character term has none: from the start), then further parts until ready.
        const first = startPart(length > 1 ? [1000 + p] : undefined, 1000, parts.length - 1, WIDTH)!;
        let last = first;
        let piece = parts[first]!;
        while (last < parts.length - 1 && !excerptReady(piece, [term], FOLD, WIDTH, first > 0)) piece += parts[++last]!;
        const base = partStart(first);
        const local = Array.from(piece);
        const at = Array.from(piece.slice(0, piece.indexOf(term))).length;
        assert.equal(base + at, p, `${slug} @${p}: the hit is in the parts fetched`);
        const { start, end } = excerptWindow(local, [at, at + length], WIDTH, {
          start: first > 0,
          end: last < parts.length - 1,
        });
        const label = `${slug} @${p}+${length} (parts ${first}–${last})`;
        assert.ok(first === 0 || start > 0, `${label}: never starts where a part was cut`);
        assert.ok(last === parts.length - 1 || end < local.length, `${label}: never ends where a part was cut`);
        checkWindow(chars, base + start, base + end, [p, p + length], label);
        checked++;
      }
    }
  }
  assert.ok(checked > 5_000, `${checked} first hits checked`);
  assert.equal(partOf(partStart(3)), 3);
});

test('the excerpt shows "…" where the story goes on, and trims a paragraph break at its end', () => {
  const text = `${'甲乙丙丁戊己庚辛壬癸,'.repeat(6)}\n${'子丑寅卯辰巳午未申酉,'.repeat(6)}。`;
  const out = shown(excerpt(text, ['辰巳'], FOLD, 40));
  assert.match(out, /^…/);
  assert.match(out, /…$/);
  assert.doesNotMatch(out, /\n/);
});
