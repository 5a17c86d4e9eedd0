/** What the search page says (src/search/core/messages.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  displayQuery,
  leftOutNote,
  resultStatus,
  reversedRangeStatus,
  searchTitle,
  tooLongStatus,
} from '../../src/search/core/messages.ts';

test('the tab title carries the query; without one it is plain 搜索', () => {
  assert.equal(searchTitle('储能'), '“储能”的搜索结果 - 科学导报新闻档案');
  assert.equal(searchTitle('  管委会　公司 '), '“管委会 公司”的搜索结果 - 科学导报新闻档案');
  assert.equal(searchTitle(''), '搜索 - 科学导报新闻档案');
  assert.equal(searchTitle(' \u200b\ufeff '), '搜索 - 科学导报新闻档案', 'invisible characters alone are no query');
  assert.equal(
    searchTitle('区'.repeat(100)),
    `“${'区'.repeat(30)}…”的搜索结果 - 科学导报新闻档案`,
    'a long query is shortened',
  );
  assert.equal(displayQuery('储\ufeff能\n电站\0'), '储能 电站');
});

test('the status line says once what was found, or that nothing was', () => {
  assert.equal(resultStatus({ terms: ['储能'], found: 1, shown: 1, searched: 6, total: 6 }), '找到1篇');
  assert.equal(resultStatus({ terms: ['区'], found: 6, shown: 3, searched: 6, total: 6 }), '找到3篇（筛选前共6篇）');
  assert.equal(
    resultStatus({ terms: ['区块链'], found: 0, shown: 0, searched: 6, total: 6 }),
    '没有稿件包含“区块链”。',
  );
  assert.equal(
    resultStatus({ terms: ['管委会', '上海'], found: 0, shown: 0, searched: 6, total: 6 }),
    '没有稿件同时包含“管委会”“上海”。',
  );
  assert.equal(
    resultStatus({ terms: ['区'], found: 2, shown: 0, searched: 6, total: 6 }),
    '有2篇稿件包含“区”，但都不在所选的栏目或地区中。',
  );
  // While older shards are still searched, the line says how far the search got and that it goes on.
  assert.equal(
    resultStatus({ terms: ['区'], found: 12, shown: 12, searched: 500, total: 100_000 }),
    '在最新的500篇稿件中找到12篇。正在检索其余99,500篇……',
  );
  assert.equal(
    resultStatus({ terms: ['区块链'], found: 0, shown: 0, searched: 500, total: 2500 }),
    '在最新的500篇稿件中没有稿件包含“区块链”。正在检索其余2,000篇……',
  );
  for (const text of [
    resultStatus({ terms: ['区块链'], found: 0, shown: 0, searched: 6, total: 6 }),
    tooLongStatus(100_000),
  ]) {
    assert.doesNotMatch(text, /找到0篇/, 'never "found 0" and "none" in one line');
    assert.doesNotMatch(text, /"/, 'Chinese quotation marks only');
  }
  assert.equal(tooLongStatus(100_000), '搜索词太长：最多200个字，这里有100,000个字。请删短后再搜索。');
});

test('a field or date search says where it looked; a cut month says how many stories it left out', () => {
  const base = { terms: ['王瑞瑞'], searched: 6, total: 6 };
  assert.equal(resultStatus({ ...base, found: 1, shown: 1, field: 'byline' }), '在稿件的署名中找到1篇');
  assert.equal(resultStatus({ ...base, found: 0, shown: 0, field: 'title' }), '没有稿件的标题包含“王瑞瑞”。');
  assert.equal(resultStatus({ ...base, found: 0, shown: 0, dated: true }), '没有所选日期范围内的稿件包含“王瑞瑞”。');
  assert.equal(
    resultStatus({ ...base, found: 2, shown: 2, field: 'title', dated: true }),
    '在所选日期范围内的稿件的标题中找到2篇',
  );
  assert.equal(
    resultStatus({ ...base, found: 2, shown: 2, field: 'all', dated: false }),
    '找到2篇',
    'a plain search says what it said before',
  );
  assert.equal(leftOutNote([]), '');
  assert.equal(
    leftOutNote(['2025-10', '2025-10']),
    '另有2篇含所查文字的稿件只注明了月份（2025年10月），该月不完全在所选日期范围内，未列入结果。',
  );
  assert.match(leftOutNote(['2025-10', '2025-09']), /（2025年10月、2025年9月）/);
});

test('a reversed date range says why nothing can match, naming both bounds as the page shows them', () => {
  assert.equal(
    reversedRangeStatus('2025-10', '2025-09'),
    '起始日期（2025年10月）晚于截止日期（2025年9月），没有稿件能同时满足。',
  );
  assert.match(reversedRangeStatus('2026', '2025-10-03'), /^起始日期（2026年）晚于截止日期（2025年10月3日）/);
  assert.doesNotMatch(
    reversedRangeStatus('2026', '2025-10-03'),
    /[\p{Script=Han}] \d|\d [\p{Script=Han}]/u,
    'no typed space',
  );
});

test('status lines type no space between Han and digits: the page draws that gap (text-autospace)', () => {
  const base = { terms: ['区'], searched: 500, total: 100_000 };
  for (const text of [
    resultStatus({ ...base, found: 12, shown: 3 }),
    resultStatus({ ...base, found: 2, shown: 0 }),
    resultStatus({ ...base, found: 0, shown: 0 }),
    tooLongStatus(100_000),
  ]) {
    assert.doesNotMatch(text, /[\p{Script=Han}（，] \d|\d [\p{Script=Han}）]/u, text);
  }
});
