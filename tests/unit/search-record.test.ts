/** Folding, query parsing, the record layout and marking, shared by the indexer and the search page (src/search/core/fold.ts, query.ts, record.ts, marks.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { excerpt, firstHit, markTerms, matchRanges, type Segment } from '../../src/search/core/marks.ts';
import { MAX_QUERY_CHARS, parseQuery, queryLength, queryTooLong } from '../../src/search/core/query.ts';
import {
  bigramWord,
  encodeChar,
  HEAD_POSITIONS,
  runStarts,
  searchRecord,
  termPhrase,
  TEXT_START,
} from '../../src/search/core/record.ts';
import { openccFoldTable } from '../../src/search/build/opencc.ts';
import { FOLD } from '../support/fold.ts';

test('folding: full-width ASCII to ASCII, lower case, whitespace runs to one space', () => {
  assert.equal(FOLD.char('Ｍ'), 'm');
  assert.equal(FOLD.char('＋'), '+');
  assert.equal(FOLD.char('１'), '1');
  assert.equal(FOLD.char('\u3000'), ' ');
  assert.equal(FOLD.char('区'), '区');
  assert.equal(FOLD.char('İ'), 'İ', 'a character whose lower case is two characters stays itself');
  assert.equal(FOLD.text('  100ＭＷ　储能\n\n电站 '), '100mw 储能 电站');
  assert.equal(FOLD.text('(扩大)'), '(扩大)', 'half-width parentheses kept');
});

test('folding drops control and format characters (NUL, BOM, zero-width space, bidi controls), on both sides', () => {
  for (const ch of ['\0', '\u0001', '\u007f', '\u0085', '\ufeff', '\u200b', '\u200d', '\u202e', '\u2066', '\u00ad']) {
    assert.equal(FOLD.char(ch), '', `U+${ch.codePointAt(0)!.toString(16)}`);
  }
  // Whitespace controls still separate.
  assert.equal(FOLD.char('\n'), ' ');
  assert.equal(FOLD.char('\t'), ' ');
  assert.equal(FOLD.text('储\ufeff能\u200b电站\0'), '储能电站');
  assert.equal(FOLD.text('\ufeff \u200b 储能'), '储能', 'no leading space left by a dropped character');
  // A query with them is the query without them: NUL no longer meets the end-of-text word.
  assert.deepEqual(parseQuery('琪\0', FOLD), ['琪']);
  assert.deepEqual(
    parseQuery('储\ufeff能', FOLD),
    ['储能'],
    'U+FEFF (which JavaScript counts as a space) does not split a term',
  );
  assert.deepEqual(
    parseQuery('\u202e储能 \0 \u200b', FOLD),
    ['储能'],
    'a term of invisible characters alone is no term',
  );
  assert.deepEqual(termPhrase(parseQuery('琪\0', FOLD)[0]!, 'all'), termPhrase('琪', 'all'));
  // The index folds the same way: a story whose text holds them is found by the plain term.
  const content = searchRecord({ head: '标题', body: '储\u200b能电\ufeff站' }, FOLD).words;
  const q = termPhrase('储能电站', 'all');
  assert.ok(content.join(' ').includes(q.words.join(' ')));
  assert.equal(matchRanges('储\u200b能', ['储能'], FOLD).length, 1, 'marked across the invisible character');
  assert.deepEqual(matchRanges('储\u200b能', ['储能'], FOLD)[0], [0, 3]);
});

test('a query is capped at MAX_QUERY_CHARS characters as folded', () => {
  assert.equal(MAX_QUERY_CHARS, 200);
  assert.equal(queryLength('储能　电站'), 5);
  assert.equal(queryLength(`储能${'\u200b'.repeat(500)}`), 2, 'invisible characters do not count');
  assert.equal(queryTooLong('区'.repeat(MAX_QUERY_CHARS)), false);
  assert.equal(queryTooLong('区'.repeat(MAX_QUERY_CHARS + 1)), true);
  assert.equal(queryTooLong(`区${' '.repeat(1000)}区`), false, 'a run of spaces counts once');
});

test('a pasted query of 25,000 distinct terms parses whole, duplicates dropped (by a set: the list search was quadratic)', () => {
  const query = Array.from({ length: 25_000 }, (_, i) => i.toString(36).padStart(4, '0')).join(' ');
  assert.ok(query.length >= 100_000);
  const terms = parseQuery(query, FOLD);
  assert.equal(terms.length, 25_000);
  assert.deepEqual(parseQuery('a b a c b', FOLD), ['a', 'b', 'c'], 'duplicates still dropped, first order kept');
});

test('every index word has a fixed length and only [0-9a-z]', () => {
  assert.equal(encodeChar('区'), (0x533a).toString(36).padStart(4, '0'));
  assert.equal(encodeChar('\u{10FFFF}').length, 4);
  assert.equal(bigramWord('区', undefined), `${encodeChar('区')}0000`);
  const words = searchRecord({ head: '长治高新区\n召开会议', body: '3+4+2 产业 100MW' }, FOLD).words;
  for (const w of words) if (w !== undefined) assert.match(w, /^([0-9a-z]{4}|[0-9a-z]{8})$/);
});

test('query parsing: spaces (ASCII or full-width) separate terms, quotes keep one term', () => {
  assert.deepEqual(parseQuery('管委会 公司', FOLD), ['管委会', '公司']);
  assert.deepEqual(parseQuery('  招商　营商环境 ', FOLD), ['招商', '营商环境']);
  assert.deepEqual(parseQuery('"管委会+公司"', FOLD), ['管委会+公司']);
  assert.deepEqual(parseQuery('“一件事 一次办” 区', FOLD), ['一件事 一次办', '区']);
  assert.deepEqual(parseQuery('"open quote', FOLD), ['open quote']);
  assert.deepEqual(parseQuery('100ＭＷ 100mw', FOLD), ['100mw'], 'folded duplicates dropped');
  assert.deepEqual(parseQuery('   ', FOLD), []);
  assert.deepEqual(parseQuery('""', FOLD), []);
  assert.deepEqual(parseQuery('3+4+2 1+N (扩大)', FOLD), ['3+4+2', '1+n', '(扩大)']);
});

test('a term is an exact phrase of its bigrams; one character is its own word', () => {
  const one = termPhrase('区', 'all');
  assert.equal(one.kind, 'char');
  assert.deepEqual(one.words, [encodeChar('区')]);
  const three = termPhrase('高新区', 'all');
  assert.equal(three.kind, 'phrase');
  assert.deepEqual(three.words, [bigramWord('高', '新'), bigramWord('新', '区')]);
  assert.equal(three.headLimit, HEAD_POSITIONS);
});

/**
 * Pagefind's exact phrase search, simulated on the words we hand it: consecutive positions,
 * exact words. The index must say "match" exactly when the folded text contains the term.
 */
function simulatedMatch(words: readonly (string | undefined)[], term: string): { found: boolean; first: number } {
  const q = termPhrase(term, 'all');
  for (let p = 0; p + q.words.length <= words.length; p++) {
    if (q.words.every((w, j) => words[p + j] === w)) return { found: true, first: p };
  }
  return { found: false, first: -1 };
}

test('index and query agree with substring search, for every substring and random non-substrings', () => {
  const random = (() => {
    let a = 7;
    return () => (a = (a * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  })();
  const alphabet = [...'区高新开发区项目储能ＭＷmw100 　+()“”"，。3＋N\0\ufeff\u200b\u202e\n'];
  const text = (n: number) =>
    Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  for (let round = 0; round < 60; round++) {
    const story = { head: text(1 + Math.floor(random() * 20)), body: text(Math.floor(random() * 120)) };
    const content = searchRecord(story, FOLD).words;
    const full = FOLD.text(`${story.head}\n${story.body}`);
    const candidates = new Set<string>();
    const chars = Array.from(full);
    for (let i = 0; i < chars.length; i++)
      for (let n = 1; n <= 6 && i + n <= chars.length; n++) candidates.add(chars.slice(i, i + n).join(''));
    for (let i = 0; i < 40; i++) candidates.add(FOLD.text(text(1 + Math.floor(random() * 4))));
    for (const term of candidates) {
      if (!term.trim() || term !== term.trim()) continue; // queries never start or end with a space
      assert.equal(
        simulatedMatch(content, term).found,
        full.includes(term),
        `${JSON.stringify(story)} / ${JSON.stringify(term)}`,
      );
    }
  }
});

test('a hit in kicker or headline is found at a position before the body', () => {
  const content = searchRecord({ head: '长治高新区', body: '正文里也有高新区。' }, FOLD).words;
  assert.ok(simulatedMatch(content, '高新区').first < HEAD_POSITIONS);
  assert.ok(simulatedMatch(content, '正文').first >= TEXT_START);
  assert.ok(simulatedMatch(content, '区').first < TEXT_START);
  const longHead = '很'.repeat(300) + '长标题尾巴';
  assert.ok(
    simulatedMatch(searchRecord({ head: longHead, body: '' }, FOLD).words, '标题尾巴').found,
    'a long headline is matched in full',
  );
});

test('occurrences counted from the positions of a plain search', () => {
  assert.deepEqual(runStarts([5, 6, 9, 10, 20], 2), [5, 9]);
  assert.deepEqual(runStarts([7, 5, 6], 3), [5]);
  assert.deepEqual(runStarts([5], 1), [5]);
  assert.deepEqual(runStarts([], 2), []);
});

const plain = (segments: Segment[]) => segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');

test('matches are marked whole, in the original text, case and width folded', () => {
  assert.deepEqual(matchRanges('太原智储100MW独立储能电站', ['100mw'], FOLD), [[4, 9]]);
  assert.equal(plain(markTerms('太原智储１００ＭＷ独立', ['100mw'], FOLD)), '太原智储[１００ＭＷ]独立');
  assert.equal(plain(markTerms('管委会+公司运营', ['管委会', '公司'], FOLD)), '[管委会]+[公司]运营');
  assert.equal(plain(markTerms('高新区高新区', ['高新', '新区'], FOLD)), '[高新区高新区]', 'overlaps merge');
  assert.equal(
    plain(markTerms('袁兆辉  张小菊', ['辉 张'], FOLD)),
    '袁兆[辉  张]小菊',
    'whitespace runs match one space',
  );
  assert.equal(firstHit('长治高新区党工委', ['党工委', '高新'], FOLD), '高新');
  assert.equal(firstHit('没有', ['区'], FOLD), undefined);
});

test('the excerpt is cut around the first hit', () => {
  const text = '一'.repeat(100) + '标准地' + '二'.repeat(100);
  const cut = plain(excerpt(text, ['标准地'], FOLD, 40));
  assert.match(cut, /^…一+\[标准地\]二+…$/);
  assert.equal(Array.from(cut.replace(/[…[\]]/g, '')).length, 40);
  assert.equal(plain(excerpt('短文', ['标题里的词'], FOLD, 40)), '短文', 'no hit: the opening');
});

test("foldChar's fast path for CJK gives what the general rule gives", () => {
  const table = openccFoldTable().table;
  const general = (ch: string) => {
    const cp = ch.codePointAt(0)!;
    if (table.has(ch)) return table.get(ch);
    if (/^\s$/u.test(ch) || cp === 0x3000) return ' ';
    const ascii = cp >= 0xff01 && cp <= 0xff5e ? String.fromCodePoint(cp - 0xfee0) : ch;
    const lower = ascii.toLowerCase();
    return Array.from(lower).length === 1 ? lower : ascii;
  };
  for (let cp = 0x2f00; cp < 0xb000; cp++) {
    const ch = String.fromCodePoint(cp);
    assert.equal(FOLD.char(ch), general(ch), cp.toString(16));
  }
});

test('every encoded character starts with a base-36 digit up to n, below the field prefixes (y) and number keys (p, s)', () => {
  for (const ch of ['\u{10FFFF}', 'z', '\u{FFFF}', '龥']) assert.match(encodeChar(ch), /^[0-9a-n]/, ch);
});
