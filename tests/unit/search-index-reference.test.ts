/**
 * The indexer's tuned folding, search record and shard lexicon (src/search/core/fold.ts,
 * record.ts, src/search/build/lexicon.ts) produce exactly what the plain first versions produce
 * (tests/support/search-reference.ts): every folded character, every record field and every byte
 * of a shard's lexicon.json, over random texts of awkward characters (Traditional and astral
 * ones, full-width, case that lowers to two characters, every kind of space, invisibles,
 * numbers) and random byline ranges, at several rare limits.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ShardLexicon } from '../../src/search/build/lexicon.ts';
import { openccFoldTable } from '../../src/search/build/opencc.ts';
import { createFold } from '../../src/search/core/fold.ts';
import { searchRecord } from '../../src/search/core/record.ts';
import { random } from '../../tooling/random.ts';
import { ReferenceShardLexicon, referenceFold, referenceRecord } from '../support/search-reference.ts';

const { table } = openccFoldTable();
const fold = createFold(table);
const reference = referenceFold(table);

test('the fold of every BMP code point and of astral ones is the reference fold', () => {
  const astral = [
    0x10000, 0x1d400, 0x1f600, 0x20000, 0x2a6d6, 0x2b740, 0x2b81d, 0x30000, 0xe0001, 0xe0041, 0xf0000, 0x10fffd,
  ];
  for (const [t] of table) if (t.codePointAt(0)! > 0xffff) astral.push(t.codePointAt(0)!);
  for (let cp = 0; cp <= 0xffff; cp++) {
    const ch = String.fromCharCode(cp);
    assert.equal(fold.char(ch), reference.char(ch), `U+${cp.toString(16)}`);
  }
  for (const cp of astral)
    assert.equal(fold.char(String.fromCodePoint(cp)), reference.char(String.fromCodePoint(cp)), `U+${cp.toString(16)}`);
  // A fold without a table folds no Traditional character.
  assert.equal(createFold(new Map()).char('開'), '開');
});

/** Random text from a mix of the characters folding treats differently. */
function randomText(rand: () => number, length: number): string {
  const traditional = [...table.keys()];
  const pieces = [
    ...Array.from('开发区项目储能电站招商营长治高新区王瑞瑞摄'),
    ...Array.from('0123456789,.'),
    ...Array.from('ABCxyzΣİẞﬁ'),
    ...Array.from('ＡＺａ１＋～'),
    ' ',
    '\t',
    '\n',
    '\r',
    '\u3000',
    '\u00a0',
    '\u2028',
    '\u200b',
    '\ufeff',
    '\u0000',
    '\u202e',
    '，',
    '。',
    '“',
    '”',
    '■',
    '𠀀',
    '𫝈',
    '😀',
    '\u{e0041}',
    '\ud800', // a lone surrogate
  ];
  let text = '';
  for (let i = 0; i < length; i++) {
    const r = rand();
    text +=
      r < 0.25
        ? traditional[Math.floor(rand() * traditional.length)]!
        : r < 0.3
          ? String.fromCharCode(Math.floor(rand() * 0x10000))
          : pieces[Math.floor(rand() * pieces.length)]!;
  }
  return text;
}

/** Ascending, disjoint [start, end) ranges of code points in `text`. */
function randomRanges(rand: () => number, text: string): [number, number][] {
  const n = Array.from(text).length;
  const cuts = Array.from({ length: Math.floor(rand() * 7) }, () => Math.floor(rand() * (n + 1))).sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (let i = 0; i + 1 < cuts.length; i += 2) ranges.push([cuts[i]!, cuts[i + 1]!]);
  return ranges;
}

test('folded text, search records and shard lexicons are those of the reference, byte for byte', () => {
  const rand = random(19);
  const stories = Array.from({ length: 300 }, (_, i) => {
    const head = i % 10 === 0 ? '' : randomText(rand, i % 10 === 1 ? 200 : 1 + Math.floor(rand() * 40));
    const body = i % 17 === 0 ? '' : randomText(rand, Math.floor(rand() * 600));
    return i % 5 === 0 ? { head, body } : { head, body, bylines: randomRanges(rand, body) };
  });
  for (const { head, body } of stories) {
    for (const text of [head, body, `${head}\n${body}`]) {
      assert.deepEqual(fold.chars(text), reference.chars(text));
      assert.equal(fold.text(text), reference.chars(text).join(''));
      assert.deepEqual(fold.withOrigins(text), reference.withOrigins(text));
    }
  }
  const records = stories.map((story) => {
    const record = searchRecord(story, fold);
    const expected = referenceRecord(story, reference);
    assert.deepEqual(record, expected);
    assert.equal(JSON.stringify(record), JSON.stringify(expected));
    return record;
  });
  for (const rareLimit of [0, 1, 3, 100]) {
    const lexicon = new ShardLexicon(rareLimit);
    const expected = new ReferenceShardLexicon(rareLimit);
    records.forEach((record, i) => {
      lexicon.add(1000 + i, i % 7, record);
      expected.add(1000 + i, i % 7, record);
    });
    assert.equal(JSON.stringify(lexicon), JSON.stringify(expected), `rare limit ${rareLimit}`);
  }
});
