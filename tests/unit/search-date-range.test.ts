/** Date ranges of a search (src/search/core/date-range.ts): bounds, month-only stories, the index's date runs. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  boundLabel,
  cutsMonth,
  dateOf,
  dateRange,
  dateRuns,
  firstDay,
  inRange,
  isDateBound,
  lastDay,
  reversedRange,
  withinRange,
} from '../../src/search/core/date-range.ts';

test('a bound is YYYY, YYYY-MM or YYYY-MM-DD of a real date', () => {
  for (const good of ['2025', '2025-10', '2025-10-03', '2024-02-29']) assert.ok(isDateBound(good), good);
  for (const bad of [
    '',
    '25',
    '2025-1',
    '2025-13',
    '2025-00',
    '2025-02-29',
    '2025-04-31',
    '2025-10-3',
    '2025/10',
    ' 2025',
    '0000',
    '2025-10-03T00',
  ])
    assert.ok(!isDateBound(bad), bad);
});

test('from means the first day of its bound, to the last', () => {
  assert.equal(firstDay('2025'), '2025-01-01');
  assert.equal(lastDay('2025'), '2025-12-31');
  assert.equal(firstDay('2025-02'), '2025-02-01');
  assert.equal(lastDay('2025-02'), '2025-02-28');
  assert.equal(lastDay('2024-02'), '2024-02-29');
  assert.equal(lastDay('2025-10-03'), '2025-10-03');
  assert.deepEqual(dateRange('2025-10', '2025-10'), { from: '2025-10-01', to: '2025-10-31' });
  assert.deepEqual(dateRange('', '2025'), { from: '0000-01-01', to: '2025-12-31' });
  assert.equal(dateRange('', ''), null, 'no bound: no range');
  assert.equal(dateRange('nonsense', '2025-02-30'), null, 'bad bounds are open');
});

test('a story dated to the day is inside when its day is; one dated to the month only when its whole month is', () => {
  const cut = dateRange('2025-09-30', '2025-10-02')!;
  assert.ok(inRange('2025-09-30', cut));
  assert.ok(inRange('2025-10-02', cut));
  assert.ok(!inRange('2025-10-03', cut));
  assert.ok(!inRange('2025-10', cut), 'October is cut: its month-only stories are out');
  assert.ok(cutsMonth('2025-10', cut), 'and counted as left out');
  assert.ok(!cutsMonth('2025-10-01', cut), 'a story dated to the day is never "left out"');
  const october = dateRange('2025-10', '2025-10')!;
  assert.ok(inRange('2025-10', october));
  assert.ok(!cutsMonth('2025-10', october));
  const later = dateRange('2025-11', '')!;
  assert.ok(!inRange('2025-10', later));
  assert.ok(!cutsMonth('2025-10', later), 'a month wholly outside the range is not cut, just outside');
  assert.ok(inRange('2025-10', dateRange('2025', '2025')!));
});

test("the index's date runs give each story number its date", () => {
  const dates = ['2025-10-03', '2025-10-02', '2025-10-01', '2025-10', '2025-10', '2025-09-30'];
  const runs = dateRuns(dates);
  assert.deepEqual(runs, [
    [0, '2025-10-03'],
    [1, '2025-10-02'],
    [2, '2025-10-01'],
    [3, '2025-10'],
    [5, '2025-09-30'],
  ]);
  dates.forEach((date, story) => assert.equal(dateOf(runs, story), date));
  assert.throws(() => dateOf([], 0));
});

test('bounds are named as the page names dates', () => {
  assert.equal(boundLabel('2025'), '2025年');
  assert.equal(boundLabel('2025-10'), '2025年10月');
  assert.equal(boundLabel('2025-10-03'), '2025年10月3日');
});

test('withinRange keeps the stories inside and names the months of those a cut month left out, newest first', () => {
  const runs = dateRuns(['2025-10-03', '2025-10', '2025-10', '2025-09', '2025-09-30']);
  const items = [0, 1, 2, 3, 4].map((story) => ({ story }));
  const { kept, leftOut } = withinRange(items, runs, dateRange('2025-09-15', '2025-10-05')!);
  assert.deepEqual(
    kept.map((i) => i.story),
    [0, 4],
  );
  assert.deepEqual(leftOut, ['2025-10', '2025-10', '2025-09']);
  assert.deepEqual(withinRange(items, runs, dateRange('2025-09', '2025-10')!).kept.length, 5);
});

test('a range is reversed when it starts after it ends, whatever the bounds’ precision; an open end never is', () => {
  for (const [from, to] of [
    ['2025-10', '2025-09'],
    ['2025-10-02', '2025-10-01'],
    ['2026', '2025-12-31'],
    ['2025-10-01', '2025-09'],
  ])
    assert.ok(reversedRange(from!, to!), `${from} to ${to}`);
  for (const [from, to] of [
    ['2025-09', '2025-10'],
    ['2025-10', '2025-10'],
    ['2025-10', '2025'],
    ['2025', '2025-01'],
    ['2025-10-31', '2025-10'],
    ['2025-10', ''],
    ['', '2025-09'],
    ['2025-10', '2025-02-30'],
  ])
    assert.equal(reversedRange(from!, to!), false, `${from} to ${to}`);
});
