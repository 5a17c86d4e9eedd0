/** What the search page says (src/search/core/messages.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { displayQuery, resultStatus, searchTitle, tooLongStatus } from '../../src/search/core/messages.ts';

test('the tab title carries the query; without one it is plain 搜索', () => {
  assert.equal(searchTitle('储能'), '“储能”的搜索结果 - 科学导报新闻档案');
  assert.equal(searchTitle('  管委会　公司 '), '“管委会 公司”的搜索结果 - 科学导报新闻档案');
  assert.equal(searchTitle(''), '搜索 - 科学导报新闻档案');
  assert.equal(searchTitle(' \u200b\ufeff '), '搜索 - 科学导报新闻档案', 'invisible characters alone are no query');
  assert.equal(searchTitle('区'.repeat(100)), `“${'区'.repeat(30)}…”的搜索结果 - 科学导报新闻档案`, 'a long query is shortened');
  assert.equal(displayQuery('储\ufeff能\n电站\0'), '储能 电站');
});

test('the status line says once what was found, or that nothing was', () => {
  assert.equal(resultStatus({ terms: ['储能'], found: 1, shown: 1, searched: 6, total: 6 }), '找到 1 篇');
  assert.equal(resultStatus({ terms: ['区'], found: 6, shown: 3, searched: 6, total: 6 }), '找到 3 篇（筛选前共 6 篇）');
  assert.equal(resultStatus({ terms: ['区块链'], found: 0, shown: 0, searched: 6, total: 6 }), '没有稿件包含“区块链”。');
  assert.equal(resultStatus({ terms: ['管委会', '上海'], found: 0, shown: 0, searched: 6, total: 6 }), '没有稿件同时包含“管委会”“上海”。');
  assert.equal(
    resultStatus({ terms: ['区'], found: 2, shown: 0, searched: 6, total: 6 }),
    '有 2 篇稿件包含“区”，但都不在所选的栏目或地区中。',
  );
  // While older shards are still searched, the line says how far the search got and that it goes on.
  assert.equal(resultStatus({ terms: ['区'], found: 12, shown: 12, searched: 500, total: 100_000 }), '在最新的 500 篇稿件中找到 12 篇。正在检索其余 99,500 篇……');
  assert.equal(resultStatus({ terms: ['区块链'], found: 0, shown: 0, searched: 500, total: 2500 }), '在最新的 500 篇稿件中没有稿件包含“区块链”。正在检索其余 2,000 篇……');
  for (const text of [resultStatus({ terms: ['区块链'], found: 0, shown: 0, searched: 6, total: 6 }), tooLongStatus(100_000)]) {
    assert.doesNotMatch(text, /找到 0 篇/, 'never "found 0" and "none" in one line');
    assert.doesNotMatch(text, /"/, 'Chinese quotation marks only');
  }
  assert.equal(tooLongStatus(100_000), '搜索词太长：最多 200 个字，这里有 100,000 个字。请删短后再搜索。');
});
