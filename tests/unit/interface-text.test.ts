/**
 * Interface text built in src/lib types no space between Chinese and digits or Latin letters (the
 * stylesheet draws that gap: text-autospace); each helper's exact wording is pinned here too.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storyCountNote } from '../../src/lib/archive-facts.ts';
import { feedIntroXml } from '../../src/lib/feed-markup.ts';
import { pageNote } from '../../src/lib/pagination.ts';
import { DATA_FIELDS, formatBytes } from '../../src/lib/story-data.ts';
import { typedSpaces } from '../support/typed-spaces.ts';

test('a listing says which page of how many only when it has more than one: 第2/3页', () => {
  assert.equal(pageNote(1, 1), undefined);
  assert.equal(pageNote(2, 3), '第2/3页');
  assert.equal(pageNote(12, 120), '第12/120页');
});

test('a count beside a name in an index is bracketed: （6篇）', () => {
  assert.equal(storyCountNote(1), '（1篇）');
  assert.equal(storyCountNote(1234), '（1234篇）');
});

test("the feeds' browser view, the /data/ field list and file sizes type no space beside Chinese", () => {
  const intro = feedIntroXml({
    title: '栏目：项目',
    feedUrl: 'https://x.example/rss.xml',
    count: 20,
    homePath: '/',
    aboutPath: '/about/',
  });
  // The feed's address is code, copied as is: only the headings and sentences are read.
  const sentences = [...intro.matchAll(/<h:(?:h1|h2|p)>([^<]*)</g)].map((m) => m[1]!);
  assert.ok(
    sentences.some((s) => s.includes('最新的20篇稿件全文')),
    sentences.join('\n'),
  );
  assert.equal(formatBytes(512), '512字节');
  const texts = [...sentences, ...DATA_FIELDS.map(([, meaning]) => meaning), formatBytes(512)];
  assert.deepEqual(texts.flatMap(typedSpaces), []);
});
