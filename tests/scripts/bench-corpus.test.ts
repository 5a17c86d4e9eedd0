/** The pure parts of the scale bench's corpus: the Zipf sampler, item periods, the vocabularies and the query picker. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  COMMON_QUERIES,
  MULTI_TERM_QUERY,
  ZERO_CANDIDATES,
  candidateTerms,
  leastCharacterShare,
  pickQueries,
  queryKind,
  searchableText,
  termShape,
} from '../../scripts/bench/queries.ts';
import { random } from '../../tooling/random.ts';
import {
  EVERGREEN_RANKS,
  FIRST_YEAR,
  VOCABULARIES,
  YEARS,
  drawItem,
  itemPeriod,
  scatter,
  thousands,
  zipfRank,
} from '../../scripts/bench/vocabulary.ts';

test('zipfRank stays within 1…size and follows 1/r: rank 1 about twice rank 2, ten times rank 10', () => {
  const size = 100_000;
  const rand = random(7);
  const seen = new Map<number, number>();
  const draws = 200_000;
  for (let i = 0; i < draws; i++) {
    const r = zipfRank(rand(), size);
    assert.ok(r >= 1 && r <= size && Number.isInteger(r));
    seen.set(r, (seen.get(r) ?? 0) + 1);
  }
  const share = (r: number) => (seen.get(r) ?? 0) / draws;
  // P(r) = log((r + 1) / r) / log(size + 1): rank 1 ≈ 6.0%, rank 2 ≈ 3.5%, rank 10 ≈ 0.83%.
  assert.ok(Math.abs(share(1) - Math.log(2) / Math.log(size + 1)) < 0.003, `rank 1: ${share(1)}`);
  assert.ok(share(1) / share(2) > 1.5 && share(1) / share(2) < 2.0, `1 vs 2: ${share(1) / share(2)}`);
  assert.ok(share(1) / share(10) > 6 && share(1) / share(10) < 9, `1 vs 10: ${share(1) / share(10)}`);
  // The long tail: most drawn items were drawn only a few times.
  const rare = [...seen.values()].filter((n) => n <= 3).length;
  assert.ok(rare / seen.size > 0.8, `rare share ${rare / seen.size}`);
  assert.equal(zipfRank(0, size), 1);
  assert.equal(zipfRank(0.999999999, size), size);
  assert.equal(zipfRank(0.5, 1), 1);
  assert.throws(() => zipfRank(0.5, 0));
});

test('scatter is a bijection of the ranks', () => {
  for (const size of [1, 7, 120, 9_984]) {
    const positions = new Set(Array.from({ length: size }, (_, i) => scatter(i + 1, size)));
    assert.equal(positions.size, size);
    assert.ok([...positions].every((p) => p >= 0 && p < size));
  }
});

test('every vocabulary has distinct items of its shape', () => {
  for (const vocabulary of Object.values(VOCABULARIES)) {
    const n = Math.min(vocabulary.size, 20_000);
    const items = Array.from({ length: n }, (_, i) => vocabulary.item(i + 1));
    assert.equal(new Set(items).size, n, `${vocabulary.kind}: items repeat`);
    const shape = {
      person: 'name',
      place: 'place',
      organisation: 'organisation',
      amount: 'number',
      tonnage: 'number',
      date: 'number',
    }[vocabulary.kind];
    assert.ok(
      items.every((item) => termShape(item) === shape),
      `${vocabulary.kind}: ${items.find((item) => termShape(item) !== shape)}`,
    );
  }
  assert.match(VOCABULARIES.tonnage.item(1), /^\d{1,2},\d{3}吨$/);
  assert.deepEqual([999, 2418, 1234567].map(thousands), ['999', '2,418', '1,234,567']);
});

test('items have periods: the top ranks every year, the others one to three years', () => {
  assert.deepEqual(itemPeriod(1, 1), { from: FIRST_YEAR, to: FIRST_YEAR + YEARS - 1 });
  assert.deepEqual(itemPeriod(1, EVERGREEN_RANKS), itemPeriod(1, 1));
  const lengths = new Set<number>();
  for (let rank = EVERGREEN_RANKS + 1; rank < 2000; rank++) {
    const { from, to } = itemPeriod(3, rank);
    assert.ok(from >= FIRST_YEAR && to <= FIRST_YEAR + YEARS - 1 && to >= from);
    lengths.add(Math.min(3, to - from + 1));
  }
  assert.deepEqual([...lengths].sort(), [1, 2, 3]);
  // A draw for a year is an item in use that year.
  const rand = random(3);
  const year = FIRST_YEAR + 4;
  const inUse = new Set<string>();
  for (let rank = 1; rank <= VOCABULARIES.place.size; rank++) {
    const { from, to } = itemPeriod(2, rank);
    if (year >= from && year <= to) inUse.add(VOCABULARIES.place.item(rank));
  }
  for (let i = 0; i < 2000; i++) assert.ok(inUse.has(drawItem('place', year, rand)));
});

test('searchableText: kicker, headline, body paragraphs and bylines, not the other frontmatter', () => {
  const markdown =
    '---\nslug: a\nkicker: 长治高新区\nheadline: 上丰村新貌\ndate: 2019-03-02\nplace:\n  city: 晋中市\nbylines:\n  - name: 合成稿件\n    role: reporter\n---\n\n第一段。\n\n第二段。\n';
  assert.equal(searchableText(markdown), '长治高新区\n上丰村新貌\n第一段。\n第二段。\n合成稿件');
});

test('queryKind: rare up to 20 stories, common from a fifth of the archive', () => {
  assert.equal(queryKind(0, 1000), 'rare');
  assert.equal(queryKind(20, 1000), 'rare');
  assert.equal(queryKind(21, 1000), 'medium');
  assert.equal(queryKind(199, 1000), 'medium');
  assert.equal(queryKind(200, 1000), 'common');
});

/** Scanned counts of a small imaginary archive. */
function sampleCounts(stories: number): Map<string, number> {
  return new Map([
    ['王建华', 4],
    ['李浩然', 30],
    ['高发展', 3],
    ['晋华有限公司', 6],
    ['恒通研究院', 200],
    ['1,234吨', 2],
    ['3.7亿元', 40],
    ['柳沟村', 9],
    ['大牛镇', 300],
    ['史欣勇', 150],
    ['杏上镇', 18],
    ...COMMON_QUERIES.map((q) => [q, Math.round(stories * 0.6)] as [string, number]),
    [MULTI_TERM_QUERY, Math.round(stories * 0.6)],
    [ZERO_CANDIDATES[0]!, 3],
    [ZERO_CANDIDATES[1]!, 0],
  ]);
}
const shares = new Map(
  [...'王建华李浩然晋有限公司恒通研究院柳沟村']
    .map((ch) => [ch, 0.3] as [string, number])
    .concat([
      ['高', 0.9],
      ['发', 0.8],
      ['展', 0.85],
    ]),
);

test('pickQueries: rare roles, two medium terms of different shapes, the common ones, multi-term and none', () => {
  const picked = pickQueries(sampleCounts(10_000), shares, 10_000);
  const byRole = Object.fromEntries(picked.fresh.map((q) => [q.role.replace(/,.*/, ''), q.query]));
  assert.equal(byRole['rare name'], '王建华');
  assert.equal(byRole.rare, '高发展', 'the rare term whose least common character is the most common');
  assert.match(picked.fresh.find((q) => q.query === '高发展')!.role, /≥ 80%/);
  assert.equal(byRole['rare organisation'], '晋华有限公司');
  assert.equal(byRole['rare number'], '1,234吨');
  assert.equal(picked.later.query, '柳沟村', 'a place: the rare one closest to 5 stories');
  const medium = picked.fresh.filter((q) => q.role === 'medium');
  assert.deepEqual(
    medium.map((q) => q.query),
    ['大牛镇', '恒通研究院'],
    'closest to the middle of 100–999 (316), one of each shape',
  );
  assert.ok(medium.every((q) => q.kind === 'medium'));
  assert.deepEqual(
    picked.fresh.filter((q) => q.role === 'common').map((q) => q.query),
    COMMON_QUERIES,
  );
  assert.equal(picked.fresh[0]!.query, COMMON_QUERIES[0], 'the later search follows a common one');
  assert.equal(picked.fresh.find((q) => q.role === 'multi-term')!.query, MULTI_TERM_QUERY);
  const zero = picked.fresh.find((q) => q.role === 'no hits')!;
  assert.deepEqual(
    [zero.query, zero.count, zero.kind],
    [ZERO_CANDIDATES[1], 0, 'rare'],
    'the first candidate that occurs nowhere',
  );
  const all = [...picked.fresh, picked.later];
  assert.equal(new Set(all.map((q) => q.query)).size, all.length, 'no query twice');
  for (const q of all) assert.equal(q.count, sampleCounts(10_000).get(q.query));
});

test('pickQueries throws when a role has no term, rather than benchmarking less', () => {
  const counts = sampleCounts(10_000);
  counts.set('王建华', 25);
  counts.set('高发展', 25);
  assert.throws(() => pickQueries(counts, shares, 10_000), /rare name/);
  const none = sampleCounts(10_000);
  for (const q of ZERO_CANDIDATES) none.set(q, 1);
  assert.throws(() => pickQueries(none, shares, 10_000), /no-hit/);
});

test('candidateTerms: a few terms per role from the tally, medium ones near the middle of the range', () => {
  const tally = new Map<string, number>([
    ['王建华', 4],
    ['高发展', 3],
    ['晋华有限公司', 6],
    ['1,234吨', 2],
    ['柳沟村', 9],
    ['大牛镇', 300],
    ['杏上镇', 5000],
    ['史欣勇', 15],
  ]);
  const terms = candidateTerms(tally, shares, 10_000);
  for (const t of ['王建华', '高发展', '晋华有限公司', '1,234吨', '柳沟村', '大牛镇']) assert.ok(terms.includes(t), t);
  assert.ok(!terms.includes('杏上镇'), 'above the medium range');
  assert.ok(
    !terms.includes('史欣勇'),
    'rare candidates stay at most half the rare limit: the scan may find a few more',
  );
  assert.ok(leastCharacterShare('高发展', shares) === 0.8);
});
