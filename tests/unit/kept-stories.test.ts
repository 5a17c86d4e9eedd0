/**
 * What the loader keeps of a story (src/data/kept-stories.ts): read back whole, its loader lines
 * unparsed and byte for byte what it would write, and a damaged file read as nothing kept.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { keepStory, keptLines, keptPageText, linesOf, type KeptStory } from '../../src/data/kept-stories.ts';
import type { SearchSource } from '../../src/search/build/source.ts';

const dir = mkdtempSync(join(tmpdir(), 'kept-stories-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const story: KeptStory = {
  // A line separator is not a line break: JSON keeps it as it is.
  html: '<p>高新区\u2028“揭榜挂帅”</p>\n<p>第二段</p>',
  opening: '高新区“揭榜挂帅”…',
  search: { slug: 'a', date: '2025-10-03', precision: 'day', head: '标题', body: '正文\n第二行' } as SearchSource,
  dataLine: JSON.stringify({ slug: 'a', text: '正文\n第二行' }),
  references: { ris: 'TY  - NEWS\nER  - ', bib: '@article{a}', csl: '[\n]' },
};

test('a kept story reads back whole: what pages show of it, and its loader lines are what the loader would write of it', () => {
  keepStory(dir, 'd1', story);
  const { html, opening, dataLine } = story;
  assert.deepEqual(keptPageText('d1', dir), { html, opening, dataLine });
  assert.deepEqual(keptLines('d1', dir), linesOf(story));
  assert.deepEqual(JSON.parse(keptLines('d1', dir)!.search), story.search);
  assert.deepEqual(JSON.parse(keptLines('d1', dir)!.references), story.references);
  assert.deepEqual(readdirSync(dir), ['d1.jsonl'], 'no partial file left');
});

test('a kept file cut short, grown or garbled is nothing kept: the story is rendered again', () => {
  keepStory(dir, 'd2', story);
  const file = join(dir, 'd2.jsonl');
  const text = readFileSync(file, 'utf8');
  for (const damaged of [
    text.slice(0, text.length - 5),
    text.slice(0, text.lastIndexOf('\n')),
    `${text}"x"\n`,
    text.replace('{', '['),
  ]) {
    writeFileSync(file, damaged);
    assert.equal(keptLines('d2', dir), undefined, damaged.slice(-20));
    assert.equal(keptPageText('d2', dir), undefined);
  }
  assert.equal(keptPageText('absent', dir), undefined);
  assert.equal(keptPageText(undefined, dir), undefined);
});
