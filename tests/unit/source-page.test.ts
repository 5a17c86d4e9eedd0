import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateSpanLabel } from '../../src/lib/archive-facts.ts';
import { escapeHtml, feedIntroXml, feedItemLinkXml } from '../../src/lib/feed-markup.ts';
import { lineRangeLabel, segmentSource, sourceLines } from '../../src/lib/source-page.ts';
import { parseSourceMeta, sourcePageName } from '../../src/lib/source-meta.ts';
import { sourceLineId, sourceLinesPath, sourcePath } from '../../src/lib/urls.ts';

test('a source page splits into numbered lines: LF or CRLF, BOM dropped, no phantom last line, blank lines kept', () => {
  assert.deepEqual(sourceLines('甲\n\n乙'), [
    { n: 1, text: '甲' },
    { n: 2, text: '' },
    { n: 3, text: '乙' },
  ]);
  assert.deepEqual(sourceLines('\uFEFF甲\r\n乙\r\n'), [
    { n: 1, text: '甲' },
    { n: 2, text: '乙' },
  ]);
  assert.deepEqual(sourceLines('甲\n\n'), [
    { n: 1, text: '甲' },
    { n: 2, text: '' },
  ]);
  assert.deepEqual(sourceLines(''), [{ n: 1, text: '' }]);
  // Text is kept as it is: spaces, half-width punctuation, a \r not followed by \n.
  assert.deepEqual(sourceLines(' 10月3日,山西 (扩大)\r'), [{ n: 1, text: ' 10月3日,山西 (扩大)\r' }]);
});

const lines = sourceLines('a\nb\nc\nd\ne\nf');
interface Item {
  name: string;
  lines: [number, number];
}
const range = (item: Item) => item.lines;
const describe = (item: Item) => item.name;
const item = (name: string, first: number, last: number): Item => ({ name, lines: [first, last] });

test('segments follow the page: stories by first line, the lines between them kept as their own segments', () => {
  const second = item('second', 4, 5);
  const first = item('first', 2, 2);
  const segments = segmentSource(lines, [second, first], range, describe);
  assert.deepEqual(
    segments.map((s) => [s.items[0]?.name ?? null, s.lines.map((l) => l.n)]),
    [
      [null, [1]],
      ['first', [2]],
      [null, [3]],
      ['second', [4, 5]],
      [null, [6]],
    ],
  );
  assert.deepEqual(
    segments.flatMap((s) => s.lines),
    lines,
    'every line once, in order',
  );
  assert.deepEqual(segmentSource<Item>(lines, [], range, describe), [{ items: [], lines }]);
  assert.deepEqual(
    segmentSource(lines, [item('all', 1, 6)], range, describe).map((s) => s.items.map((i) => i.name)),
    [['all']],
  );
});

test('a story whose lines the page lacks is named in the error', () => {
  assert.throws(
    () => segmentSource(lines, [item('x.md', 5, 7)], range, describe),
    /x\.md: lines \[5, 7\] are not within the page's 6 lines/,
  );
  assert.throws(() => segmentSource(lines, [item('x.md', 0, 1)], range, describe), /x\.md/);
  assert.throws(() => segmentSource(lines, [item('x.md', 3, 2)], range, describe), /x\.md/);
});

test('line ranges and source URLs', () => {
  assert.equal(lineRangeLabel([61, 61]), '第61行');
  assert.equal(lineRangeLabel([25, 39]), '第25–39行');
  assert.equal(sourcePath('000_d8543457e77b1294.txt'), '/sources/000_d8543457e77b1294/');
  assert.equal(sourceLineId(12), 'L12');
  assert.equal(sourceLinesPath('000_d8543457e77b1294.txt', 25), '/sources/000_d8543457e77b1294/#L25');
});

test("the archive's date span shows each end at its own precision", () => {
  const day = (iso: string) => ({ date: new Date(iso), precision: 'day' as const });
  const month = (iso: string) => ({ date: new Date(iso), precision: 'month' as const });
  assert.equal(dateSpanLabel([]), undefined);
  assert.equal(
    dateSpanLabel([day('2025-10-03'), day('2025-09-30'), month('2025-10-01')]),
    '2025年9月30日至2025年10月3日',
  );
  assert.equal(dateSpanLabel([month('2025-10-01'), day('2025-10-03')]), '2025年10月至2025年10月3日');
  assert.equal(dateSpanLabel([day('2025-10-03'), day('2025-10-03')]), '2025年10月3日');
});

test("the feed's browser view: text escaped, and no element mixes text with elements (@astrojs/rss would reorder them)", () => {
  const intro = feedIntroXml({
    title: 'A & <B>',
    feedUrl: 'https://x.example/rss.xml?a=1&b=2',
    count: 3,
    homePath: '/',
    aboutPath: '/about/',
  });
  assert.match(intro, /<h:h1>A &amp; &lt;B&gt;：RSS订阅源<\/h:h1>/);
  assert.match(intro, /<h:code>https:\/\/x\.example\/rss\.xml\?a=1&amp;b=2<\/h:code>/);
  assert.match(intro, /最新的3篇/);
  const item = feedItemLinkXml({ path: '/stories/a/', headline: '“甲”<乙>', details: '2025年10月 · 项目 · 太原市' });
  assert.equal(
    item,
    '<h:p class="feed-item"><h:a href="/stories/a/">“甲”&lt;乙&gt;</h:a><h:span>2025年10月 · 项目 · 太原市</h:span></h:p>',
  );
  for (const xml of [intro, item]) {
    // Text directly between a closing or opening tag and another opening tag would be mixed content.
    assert.doesNotMatch(xml, />[^<]+<h:/, 'no text before a child element');
    assert.doesNotMatch(xml, /<\/h:[a-z0-9]+>[^<]+</, 'no text after a child element');
  }
  assert.equal(escapeHtml('a"b'), 'a&quot;b');
});

test('stories whose lines overlap share one segment, so every line still appears once', () => {
  const segments = segmentSource(lines, [item('b.md', 3, 4), item('a.md', 1, 3), item('c.md', 4, 4)], range, describe);
  assert.deepEqual(
    segments.map((s) => [s.items.map((i) => i.name), s.lines.map((l) => l.n)]),
    [
      [
        ['a.md', 'b.md', 'c.md'],
        [1, 2, 3, 4],
      ],
      [[], [5, 6]],
    ],
  );
});

test('a source page is named by what is known of it: newspaper, date as far as known, 版次 or 版次不详', () => {
  const derived = { newspaper: '科学导报', date: '2025-10', dateDerived: true, dateNote: '据电头推定' };
  assert.equal(sourcePageName(derived), '《科学导报》2025年10月（推定），版次不详');
  assert.equal(
    sourcePageName({ newspaper: '科学导报', date: '2025-10-03', dateDerived: false, edition: 2 }),
    '《科学导报》2025年10月3日，第2版',
  );
  assert.equal(
    sourcePageName({ newspaper: '科学导报', date: '2025', dateDerived: true, dateNote: '据正文' }),
    '《科学导报》2025年（推定），版次不详',
  );
});

test("the editor's record of a page: every problem named by field, in plain words", () => {
  assert.deepEqual(parseSourceMeta('newspaper: 科学导报\ndate: 2025-10\ndateDerived: false\n'), {
    meta: { newspaper: '科学导报', date: '2025-10', dateDerived: false },
  });
  const bad = parseSourceMeta('newspaper: 科学导报\ndate: 2025/10\ndateDerived: true\nedition: 0\npage: 3\n');
  assert.ok('problems' in bad);
  const text = bad.problems.join('\n');
  assert.match(text, /field "date" written YYYY, YYYY-MM or YYYY-MM-DD/);
  assert.match(text, /field "edition"/);
  assert.match(text, /unknown field "page"/);
  const missing = parseSourceMeta('date: 2025-10\ndateDerived: true\n');
  assert.ok('problems' in missing);
  assert.match(missing.problems.join('\n'), /field "newspaper" is missing/);
  const noNote = parseSourceMeta('newspaper: 科学导报\ndate: 2025-10\ndateDerived: true\n');
  assert.ok('problems' in noNote);
  assert.match(noNote.problems.join('\n'), /field "dateNote" is missing: a derived date says how/);
  assert.ok('problems' in parseSourceMeta('date: [\n'));
});
