import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  excerptReady,
  OPENING_CHARS,
  partOf,
  partStart,
  splitText,
  startPart,
  TEXT_PART_CHARS,
} from '../../src/search/core/text-parts.ts';
import { excerpt } from '../../src/search/core/marks.ts';
import { runStarts, searchRecord, termPhrase } from '../../src/search/core/record.ts';
import { searchTextPartPath } from '../../src/lib/urls.ts';
import { FOLD } from '../support/fold.ts';

// The build's 繁體 = 简体 table, as the indexer and the search page install it.

const plain = (segments: { text: string }[]) => segments.map((s) => s.text).join('');

test('a text is cut into an opening and parts of TEXT_PART_CHARS characters that join back into it', () => {
  const text = '科学导报讯𠀀'.repeat(230); // 1,380 code points, one outside the BMP in each repeat
  const parts = splitText(text);
  assert.equal(parts.join(''), text);
  const lengths = parts.map((p) => Array.from(p).length);
  assert.deepEqual(lengths, [
    OPENING_CHARS,
    TEXT_PART_CHARS,
    TEXT_PART_CHARS,
    1380 - OPENING_CHARS - 2 * TEXT_PART_CHARS,
  ]);
  assert.deepEqual(splitText(''), ['']);
  assert.deepEqual(splitText('短文'), ['短文']);
  // partOf / partStart agree with the cut.
  for (const offset of [0, OPENING_CHARS - 1, OPENING_CHARS, 777, 1379]) {
    const part = partOf(offset);
    assert.equal(Array.from(text)[offset], Array.from(parts[part]!)[offset - partStart(part)], String(offset));
  }
});

test('the excerpt is ready once a hit and the clause boundaries after it are in the text', () => {
  const filler = '甲乙丙丁戊己庚辛壬癸,'.repeat(10);
  assert.equal(excerptReady(`${filler}标准地${filler}`, ['标准地'], FOLD, 90), true);
  assert.equal(excerptReady(`${filler}标准地`, ['标准地'], FOLD, 90), false, 'the excerpt would be cut short');
  assert.equal(
    excerptReady(`${filler}标准地${'甲'.repeat(150)}`, ['标准地'], FOLD, 90),
    true,
    'no clause end near: ready once the text runs past where one could be',
  );
  assert.equal(excerptReady(`${filler}标准地${'甲'.repeat(100)}`, ['标准地'], FOLD, 90), false);
  assert.equal(excerptReady(`${filler}标准`, ['标准地'], FOLD, 90), false, 'a hit cut at the end of a part');
  assert.equal(excerptReady(filler, ['标准地'], FOLD, 90), false, 'no hit yet');
  assert.equal(
    excerptReady(`标准地${filler}管委会`, ['管委会', '标准地'], FOLD, 90),
    true,
    'the first hit of any term',
  );
});

test('an excerpt of a piece of a text says the text goes on', () => {
  assert.equal(plain(excerpt('标准地在前,后面', ['标准地'], FOLD, 40)), '标准地在前,后面');
  assert.equal(
    plain(excerpt('标准地在前,后面', ['标准地'], FOLD, 40, { end: true })),
    '标准地在前,…',
    'a piece ends at a clause end, not where it was cut',
  );
  assert.equal(plain(excerpt('标准地在前,后面', ['标准地'], FOLD, 40, { start: true, end: true })), '…标准地在前,…');
});

test("a hit's index position tells which part of the text it is in", () => {
  const body = `${'甲'.repeat(1234)}  标准地${'乙'.repeat(600)}`; // a whitespace run before the hit
  const story = { head: '晋城经开区\n标准地改革', body };
  const words = searchRecord(story, FOLD).words;
  const q = termPhrase('标准地', 'all');
  const positions = words.flatMap((word, p) => (word !== undefined && q.words.includes(word) ? [p] : []));
  const starts = runStarts(positions, q.words.length);
  const at = searchRecord(story, FOLD).bodyPosition;
  assert.equal(starts.filter((p) => p >= at).length, 1, 'one hit in the body; the head copy is before bodyPosition');
  const offset = body.indexOf('标准地');
  const part = startPart(starts, at, 3, 90);
  assert.equal(part, partOf(offset));
  assert.ok(splitText(body)[part!]!.includes('标准地'));
  assert.equal(
    startPart(
      starts.filter((p) => p < at),
      at,
      3,
      90,
    ),
    null,
    'only in the head: no part to fetch',
  );
  assert.equal(startPart(undefined, at, 3, 90), 0, 'positions unknown: from the start');
  // A hit right at a part's start takes the part before too, for the excerpt's lead-in.
  assert.equal(startPart([at + partStart(2) + 3], at, 3, 90), 1);
  assert.equal(startPart([at + partStart(2) + 30], at, 3, 90), 1, 'room for the longest lead-in');
  assert.equal(startPart([at + partStart(2) + 50], at, 3, 90), 2);
  assert.equal(startPart([at + 40], at, 3, 90), 0, 'in the opening');
  assert.equal(startPart([at + TEXT_PART_CHARS * 9], at, 3, 90), 3, 'never past the last part');
});

test('text parts are named by the text id and the part number', () => {
  assert.equal(searchTextPartPath('a-b-0123456789', 2), '/excerpts/a-b-0123456789.2.txt.gz');
});
