import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseScope, scopeOf, scopeParam, scopePhrase, widenLabel, widerScope, type ShardInfo } from '../../src/lib/search-scope.ts';

/** Five shards, newest first, as scripts/index-search.ts writes them. */
const SHARDS: ShardInfo[] = [
  { language: 'qaa', stories: 2000, newest: '2025-10-03', oldest: '2024-05-17' },
  { language: 'qab', stories: 2000, newest: '2024-05-17', oldest: '2023-01-02' },
  { language: 'qac', stories: 2000, newest: '2023-01-01', oldest: '2021-09-30' },
  { language: 'qad', stories: 2000, newest: '2021-09-30', oldest: '2020-06-01' },
  { language: 'qae', stories: 1234, newest: '2020-05-31', oldest: '2019-01-01' },
];

test('?scope= reads as a number of shards: the newest one by default, "all", or a whole number capped', () => {
  assert.equal(parseScope(null, 5), 1);
  assert.equal(parseScope('', 5), 1);
  assert.equal(parseScope('all', 5), 5);
  assert.equal(parseScope('2', 5), 2);
  assert.equal(parseScope('99', 5), 5);
  for (const bad of ['0', '-1', '1.5', 'abc', '2abc']) assert.equal(parseScope(bad, 5), 1, bad);
  assert.equal(parseScope('all', 1), 1);
});

test('the address names a scope only when it is not the default, and "all" once everything is searched', () => {
  assert.equal(scopeParam(1, 5), null);
  assert.equal(scopeParam(2, 5), '2');
  assert.equal(scopeParam(4, 5), '4');
  assert.equal(scopeParam(5, 5), 'all');
  assert.equal(scopeParam(1, 1), null, 'one shard: nothing to widen');
  for (const n of [1, 2, 4]) assert.equal(parseScope(scopeParam(n, 5), 5), n, 'round trip');
});

test('each wider step doubles the shards searched, up to all of them', () => {
  const steps = [1];
  while (steps.at(-1)! < SHARDS.length) steps.push(widerScope(steps.at(-1)!, SHARDS.length));
  assert.deepEqual(steps, [1, 2, 4, 5]);
  assert.equal(widerScope(50, 100), 100);
});

test('a scope counts its stories, the archive total and how far back it reaches', () => {
  assert.deepEqual(scopeOf(SHARDS, 1), { shards: 1, stories: 2000, total: 9234, oldest: '2024-05-17', complete: false });
  assert.deepEqual(scopeOf(SHARDS, 4), { shards: 4, stories: 8000, total: 9234, oldest: '2020-06-01', complete: false });
  assert.deepEqual(scopeOf(SHARDS, 5), { shards: 5, stories: 9234, total: 9234, oldest: '2019-01-01', complete: true });
});

test('a partial search says what it covered; a complete one says nothing extra', () => {
  assert.equal(scopePhrase(scopeOf(SHARDS, 1)), '在最新的 2,000 篇稿件（最早到2024年5月）中');
  assert.equal(scopePhrase(scopeOf(SHARDS, 5)), '');
  assert.equal(widenLabel(SHARDS, 1), '再检索更早的 2,000 篇（档案共 9,234 篇）');
  assert.equal(widenLabel(SHARDS, 4), '再检索更早的 1,234 篇（档案共 9,234 篇）');
});
