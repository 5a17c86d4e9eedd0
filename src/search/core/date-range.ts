/**
 * A search's date range (`&from=`, `&to=`), pure: shared by the search page's state, the engine
 * and the index's list of story dates (tests/unit/search-date-range.test.ts).
 *
 * A bound is YYYY, YYYY-MM or YYYY-MM-DD, inclusive: `from` means its first day, `to` its last.
 * A story dated to the day is inside when its day is; a story dated only to a month is inside only
 * when its whole month is, and a range that cuts its month leaves it out (the page says how many).
 */

/** A story's date as the index lists it: YYYY-MM-DD, or YYYY-MM for a story dated only to the month. */
export type StoryDate = string;

/** A range of days, YYYY-MM-DD, both inclusive; an open end is the earliest or latest day there is. */
export interface DateRange {
  from: string;
  to: string;
}

const BOUND = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const OPEN_FROM = '0000-01-01';
const OPEN_TO = '9999-12-31';

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The parts of a bound, or null when it is not YYYY, YYYY-MM or YYYY-MM-DD of a real date. */
function parts(bound: string): { year: number; month?: number; day?: number } | null {
  const m = BOUND.exec(bound);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1) return null;
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  return day >= 1 && day <= daysIn(year, month) ? { year, month, day } : null;
}

/** Whether `bound` is a date bound the search takes (2025, 2025-10, 2025-10-03; not 2025-02-30). */
export const isDateBound = (bound: string): boolean => parts(bound) !== null;

/** The first day a bound covers. */
export function firstDay(bound: string): string {
  const p = parts(bound);
  if (!p) throw new Error(`not a date bound: ${bound}`);
  return `${p.year}-${pad(p.month ?? 1)}-${pad(p.day ?? 1)}`;
}

/** The last day a bound covers. */
export function lastDay(bound: string): string {
  const p = parts(bound);
  if (!p) throw new Error(`not a date bound: ${bound}`);
  const month = p.month ?? 12;
  return `${p.year}-${pad(month)}-${pad(p.day ?? daysIn(p.year, month))}`;
}

/** The range of two bounds ('' or an invalid bound: open at that end), or null when both are open. */
export function dateRange(from: string, to: string): DateRange | null {
  const start = isDateBound(from) ? firstDay(from) : OPEN_FROM;
  const end = isDateBound(to) ? lastDay(to) : OPEN_TO;
  return start === OPEN_FROM && end === OPEN_TO ? null : { from: start, to: end };
}

/**
 * Whether the range of two bounds holds no day at all: `from` starts after `to` ends (2025-10 to
 * 2025-09; not 2025-10 to 2025, whose year holds October). The page then says so, rather than
 * that no story matched.
 */
export const reversedRange = (from: string, to: string): boolean =>
  isDateBound(from) && isDateBound(to) && firstDay(from) > lastDay(to);

/** Whether a story of date `date` lies inside `range` (a month-only story: its whole month). */
export function inRange(date: StoryDate, range: DateRange): boolean {
  return range.from <= firstDay(date) && lastDay(date) <= range.to;
}

/** Whether `range` cuts the month of a story dated only to that month: it overlaps it without holding it whole. */
export function cutsMonth(date: StoryDate, range: DateRange): boolean {
  return date.length === 7 && !inRange(date, range) && range.from <= lastDay(date) && firstDay(date) <= range.to;
}

/** 2025年, 2025年10月, 2025年10月3日: a bound as the page names it. */
export function boundLabel(bound: string): string {
  const p = parts(bound);
  if (!p) return bound;
  return `${p.year}年${p.month ? `${p.month}月` : ''}${p.day ? `${p.day}日` : ''}`;
}

/**
 * The archive's story dates, as the index lists them (dates.bin): runs of consecutive story
 * numbers of one date, [first story number, date], ascending by story number (newest first).
 */
export type DateRuns = [number, StoryDate][];

/** Runs of `dates` (one a story, in story-number order). */
export function dateRuns(dates: readonly StoryDate[]): DateRuns {
  const runs: DateRuns = [];
  dates.forEach((date, story) => {
    if (runs[runs.length - 1]?.[1] !== date) runs.push([story, date]);
  });
  return runs;
}

/** The date of story number `story` (binary search over the runs). */
export function dateOf(runs: DateRuns, story: number): StoryDate {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid]![0] <= story) lo = mid;
    else hi = mid - 1;
  }
  const run = runs[lo];
  if (!run || run[0] > story) throw new Error(`no date for story ${story}`);
  return run[1];
}

/**
 * The items (stories by number) inside `range`, and the dates of those left out because the range
 * cuts the month they are dated to (newest first, one entry an item).
 */
export function withinRange<T extends { story: number }>(
  items: readonly T[],
  runs: DateRuns,
  range: DateRange,
): { kept: T[]; leftOut: StoryDate[] } {
  const leftOut: StoryDate[] = [];
  const kept = items.filter((item) => {
    const date = dateOf(runs, item.story);
    if (cutsMonth(date, range)) leftOut.push(date);
    return inRange(date, range);
  });
  return { kept, leftOut: leftOut.sort().reverse() };
}
