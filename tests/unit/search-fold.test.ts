/**
 * 繁體 = 简体: the fold table built from OpenCC's data (src/search/core/fold-table.ts, read by
 * src/search/build/opencc.ts) and how folding, marking and excerpts use it (src/search/core/fold.ts, marks.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as OpenCC from 'opencc-js';
import { buildFoldTable, foldsAny, parseFoldTable, serializeFoldTable } from '../../src/search/core/fold-table.ts';
import { openccFoldTable } from '../../src/search/build/opencc.ts';
import { excerpt, firstHit, markTerms, matchRanges } from '../../src/search/core/marks.ts';
import { parseQuery } from '../../src/search/core/query.ts';
import { searchRecord } from '../../src/search/core/record.ts';
import { FOLD } from '../support/fold.ts';

const { table, leftOut } = openccFoldTable();
const plain = (segments: { text: string; mark: boolean }[]) =>
  segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');

test("the table from OpenCC's data folds one character to one other, and is idempotent", () => {
  assert.ok(table.size > 3000, `${table.size} entries`);
  for (const [from, to] of table) {
    assert.equal(Array.from(from).length, 1, from);
    assert.equal(Array.from(to).length, 1, `${from} → ${to}`);
    assert.notEqual(from, to);
    assert.ok(!table.has(to), `${from} → ${to}, which is folded again`);
    assert.equal(FOLD.char(FOLD.char(from)), FOLD.char(from));
  }
});

test('the table holds the common Traditional characters (開 長 儲 經 區 發 髮 後 臺), many-to-one allowed', () => {
  for (const [from, to] of [
    ['開', '开'],
    ['長', '长'],
    ['儲', '储'],
    ['經', '经'],
    ['區', '区'],
    ['發', '发'],
    ['髮', '发'],
    ['後', '后'],
    ['臺', '台'],
    ['計', '计'],
    ['戰', '战'],
  ]) {
    assert.equal(table.get(from!), to, from);
  }
});

test('characters whose Simplified form depends on the word are left out, each with its reason', () => {
  const reason = (ch: string) => leftOut.find((l) => l.char === ch)?.reason;
  for (const ch of ['乾', '於', '徵', '夥', '昇']) assert.equal(reason(ch), 'stays-itself', ch); // 乾 → 干 or 乾 (乾隆)
  for (const ch of ['餘', '畫', '劃', '鍾', '麼', '線']) assert.equal(reason(ch), 'several-forms', ch); // 餘 → 余 or 馀
  assert.equal(reason('噁'), 'word-dependent'); // 二噁英 → 二𫫇英
  assert.equal(reason('薴'), 'target-folds'); // 薴 → 苧, itself folded to 苎
  for (const l of leftOut) assert.ok(!table.has(l.char), l.char);
  // 著 is Simplified as well as Traditional: OpenCC lists no Simplified form for it.
  for (const ch of ['乾', '於', '餘', '著', '干', '后', '发']) assert.equal(FOLD.char(ch), ch, ch);
});

test('every fold agrees with what OpenCC itself makes of the character (its t2s converter, opencc-js)', () => {
  const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
  const disagree = [...table].filter(([from, to]) => toSimplified(from) !== to);
  assert.deepEqual(disagree, []);
});

test('the rules, on a small table: each can fail', () => {
  const chars = new Map([
    ['開', ['开', '𫔭']], // a second form beyond the BMP does not count
    ['乾', ['干', '乾']], // stays itself
    ['餘', ['余', '馀']], // a second form in use
    ['計', ['计']],
    ['噁', ['恶', '𫫇']],
    ['薴', ['苧']],
    ['苧', ['苎']],
    ['丟', ['丢']],
    ['㑮', ['㑮', '𫝈']], // its usual form is itself: nothing to fold, nothing left out
  ]);
  const phrases = new Map([
    ['二噁英', ['二𫫇英']], // picks another of 噁's forms
    ['不可貲計', ['不可赀計']], // keeps 計, which the character table never does: does not count
    ['丟三落四', ['丢三拉四', '丢三落四']],
  ]);
  const built = buildFoldTable(chars, phrases);
  assert.deepEqual(
    [...built.table],
    [
      ['丟', '丢'],
      ['苧', '苎'],
      ['計', '计'],
      ['開', '开'],
    ],
  );
  assert.deepEqual(
    built.leftOut.map((l) => `${l.char}:${l.reason}`),
    ['乾:stays-itself', '噁:word-dependent', '薴:target-folds', '餘:several-forms'],
  );
  assert.throws(() => buildFoldTable(new Map([['開發', ['开发']]]), new Map()), /not one character to one/);
});

test('the table travels as pairs of characters and comes back the same', () => {
  const text = serializeFoldTable(table);
  assert.equal(Array.from(text).length, table.size * 2);
  assert.deepEqual([...parseFoldTable(text)], [...table]);
  assert.throws(() => parseFoldTable('開开長'), /odd/);
  assert.ok(foldsAny('长治高新區', table));
  assert.ok(!foldsAny('长治高新区 乾隆 100MW', table));
});

test('folding mixed text: Traditional to Simplified, with the rest of the rule', () => {
  assert.equal(FOLD.text('經開區 開發區ＡＢ　儲能'), '经开区 开发区ab 储能');
  assert.equal(FOLD.text('乾隆年間'), '乾隆年间', '乾 is left alone');
  assert.deepEqual(parseQuery('開發區 开发区 经開区', FOLD), ['开发区', '经开区'], 'folded duplicates dropped');
  assert.equal(FOLD.char('\u{2B5E7}'), '\u{2B5E7}');
  // One output character for one input character: offsets map back.
  const text = '長治高新區開發建設';
  assert.equal(Array.from(FOLD.text(text)).length, Array.from(text).length);
});

test('marks, excerpts and the hit for the story page show the original characters', () => {
  assert.deepEqual(matchRanges('位於長治高新區的企業', parseQuery('长治高新区', FOLD), FOLD), [[2, 7]]);
  assert.equal(plain(markTerms('長治高新區開發', parseQuery('高新区', FOLD), FOLD)), '長治[高新區]開發');
  assert.equal(plain(markTerms('长治高新区', parseQuery('高新區', FOLD), FOLD)), '长治[高新区]');
  assert.equal(
    plain(markTerms('經開区和经開區', parseQuery('经开区', FOLD), FOLD)),
    '[經開区]和[经開區]',
    'mixed script in the text too',
  );
  assert.equal(firstHit('晉城經濟技術開發區', parseQuery('开发区', FOLD), FOLD), '開發區');
  assert.equal(firstHit('晋城经济技术开发区', parseQuery('開發區', FOLD), FOLD), '开发区');
  assert.match(plain(excerpt('科學導報訊 儲能電站建成。', parseQuery('储能', FOLD), FOLD, 40)), /\[儲能\]電站/);
});

test('the index folds Traditional text: a story in Traditional characters has the words of its Simplified form', () => {
  const traditional = searchRecord({ head: '長治高新區', body: '儲能電站' }, FOLD);
  const simplified = searchRecord({ head: '长治高新区', body: '储能电站' }, FOLD);
  assert.deepEqual(traditional.words, simplified.words);
  assert.deepEqual(traditional.chars, simplified.chars);
});
