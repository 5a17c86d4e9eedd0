/** The one ranking rule (src/search/core/ranking.ts): head hits, then occurrences, then newest. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byNewest, byRelevance, occurrencesOf, orderOf, rankKeys } from '../../src/search/core/ranking.ts';

test('ranking: kicker/headline hits, then occurrences, then newest', () => {
  const items = [
    { name: 'old-head', headHits: 1, frequency: 1, recency: 1 },
    { name: 'new-body-many', headHits: 0, frequency: 9, recency: 9 },
    { name: 'new-head', headHits: 1, frequency: 1, recency: 5 },
    { name: 'head-many', headHits: 1, frequency: 3, recency: 0 },
  ];
  assert.deepEqual(
    [...items].sort(byRelevance).map((i) => i.name),
    ['head-many', 'new-head', 'old-head', 'new-body-many'],
  );
  assert.deepEqual(
    [...items].sort(byNewest).map((i) => i.name),
    ['new-body-many', 'new-head', 'old-head', 'head-many'],
  );
  assert.equal(orderOf('newest'), byNewest);
  assert.equal(orderOf('relevance'), byRelevance);
});

test('the keys come from what each answer knows of each term, the same for all', () => {
  // Two terms: 储能 in the headline twice in all, 电站 in the body once.
  const keys = rankKeys(
    [
      { inHead: true, occurrences: 2 },
      { inHead: false, occurrences: 1 },
    ],
    7,
  );
  assert.deepEqual(keys, { headHits: 1, frequency: 3, recency: 7 });
  // A one-character term counts once a story, however often it occurs; a found term at least once.
  assert.equal(occurrencesOf('区', 12), 1);
  assert.equal(occurrencesOf('高新区', 3), 3);
  assert.equal(occurrencesOf('高新区', 0), 1);
});

test('a small set in its pinned order: a headline hit beats a story that says the terms more often, ties go to the newer', () => {
  const stories = [
    { slug: 'body-many', facts: [{ inHead: false, occurrences: 6 }], recency: 9 },
    { slug: 'head-old', facts: [{ inHead: true, occurrences: 1 }], recency: 1 },
    { slug: 'head-new', facts: [{ inHead: true, occurrences: 1 }], recency: 4 },
    { slug: 'body-once', facts: [{ inHead: false, occurrences: 1 }], recency: 8 },
  ].map((s) => ({ slug: s.slug, ...rankKeys(s.facts, s.recency) }));
  assert.deepEqual(
    stories.sort(byRelevance).map((s) => s.slug),
    ['head-new', 'head-old', 'body-many', 'body-once'],
  );
});
