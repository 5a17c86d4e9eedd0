/**
 * Story dates: shown as Chinese readers expect them, ordered, and (at the end of this file) read
 * and checked from a story file. Story dates are calendar dates, so UTC parts are used throughout.
 */

export type DatePrecision = 'day' | 'month';
export type DateBasis = 'dateline' | 'page';

/** 2025年10月3日, or 2025年10月 when only the month is known. */
export function formatChineseDate(date: Date, precision: DatePrecision): string {
  const month = `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月`;
  return precision === 'day' ? `${month}${date.getUTCDate()}日` : month;
}

/** Machine-readable value for `<time datetime>`: 2025-10-03, or 2025-10 for a month. */
export function isoDate(date: Date, precision: DatePrecision): string {
  const iso = date.toISOString().slice(0, 10);
  return precision === 'day' ? iso : iso.slice(0, 7);
}

/**
 * Where a story's year comes from (the frontmatter's `yearBasis`, content/README.md): printed in
 * its own dateline or text; worked out from its own text (it reports that year's figures as the
 * current year's); or from the other stories of the same page, when its own text gives none.
 */
export type YearBasis = 'printed' | 'text' | 'page';

/** What of a story's date the page gives and what the archive derived, as its frontmatter says. */
export interface DateDerivation {
  dateBasis: DateBasis;
  yearBasis: YearBasis;
}

const YEAR_NOTE: Record<YearBasis, string | undefined> = {
  printed: undefined,
  text: '年份据本篇正文推定',
  page: '年份据同版其他稿件推定',
};

/** The reader-facing sentence on where each part of a date comes from (来源 line, citations, data files). */
export function dateDerivationNote({ dateBasis, yearBasis }: DateDerivation): string {
  const monthDay = dateBasis === 'dateline' ? '月日据电头' : '原文未注明日期，据同版稿件推定到月';
  return [monthDay, YEAR_NOTE[yearBasis]].filter(Boolean).join('，');
}

/** The short mark beside a date for the parts the archive derived, or undefined when the page prints them all. */
export function inferredDateMark({ dateBasis, yearBasis }: DateDerivation): string | undefined {
  if (dateBasis === 'dateline')
    return yearBasis === 'printed' ? undefined : yearBasis === 'text' ? '年份据本篇正文推定' : '年份据同版稿件推定';
  return yearBasis === 'page'
    ? '据同版稿件推定'
    : yearBasis === 'text'
      ? '月份据同版稿件推定，年份据本篇正文'
      : '月份据同版稿件推定';
}

/** What the archive's order needs to know of a story: its date, how much of it is known, and its slug. */
export interface OrderedDate {
  date: Date;
  precision: DatePrecision;
  /** Breaks ties: the story's slug. */
  key: string;
}

const monthIndex = (date: Date): number => date.getUTCFullYear() * 12 + date.getUTCMonth();

/**
 * The archive's one order (listings, 上一篇/下一篇, feeds, data files; content/README.md says the
 * same): newest month first. Within a month, the stories dated to the day come first, newest day
 * first; the stories dated only to the month stand after them, by slug. A month-only story is
 * never placed as if it were dated the 1st (or any other day): its place says "some day of this
 * month", and the slug order among them claims nothing. Same day: by slug.
 */
export function compareArchiveOrder(a: OrderedDate, b: OrderedDate): number {
  const byMonth = monthIndex(b.date) - monthIndex(a.date);
  if (byMonth !== 0) return byMonth;
  if (a.precision !== b.precision) return a.precision === 'day' ? -1 : 1;
  const byDay = a.precision === 'day' ? b.date.getUTCDate() - a.date.getUTCDate() : 0;
  return byDay || a.key.localeCompare(b.key);
}

/**
 * How `other` stands in time to `story`, as far as the dates say: newer, older, the same day, or
 * unknown (the same month with a month-only date on either side: the page does not say which came first).
 */
export function timeRelation(story: OrderedDate, other: OrderedDate): 'newer' | 'older' | 'same-day' | 'unknown' {
  const byMonth = monthIndex(other.date) - monthIndex(story.date);
  if (byMonth !== 0) return byMonth > 0 ? 'newer' : 'older';
  if (story.precision === 'month' || other.precision === 'month') return 'unknown';
  const byDay = other.date.getUTCDate() - story.date.getUTCDate();
  return byDay === 0 ? 'same-day' : byDay > 0 ? 'newer' : 'older';
}

/** Year and month (1-12) a story is filed under in the date archive. */
export function yearMonth(date: Date): { year: number; month: number } {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

// Reading a story date. Written `YYYY-MM-DD`, a day that exists, read the same on every machine:
// the Date returned is that day at 00:00 UTC, never local time, so the time zone of the machine
// that builds cannot move it.

/** The one form a story date is written in. */
export const CALENDAR_DATE_FORM = 'YYYY-MM-DD';

export type CalendarDateResult = { date: Date } | { problem: string };

/** `2025-10-03` → that day at 00:00 UTC; anything else → why not, in plain words. */
export function parseCalendarDate(value: string): CalendarDateResult {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return { problem: `not written ${CALENDAR_DATE_FORM}` };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999 (0025 would be 1925).
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  // A day that does not exist (2025-02-30) rolls over to another (March 2) and comes back changed.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { problem: 'no such day on the calendar' };
  }
  return { date };
}

/**
 * The dates a story may carry: from EARLIEST_STORY_DATE to the day of the build in China
 * (UTC+8, no daylight saving), so a story filed today is never refused for the build machine's
 * time zone. The lower bound is a guard against typos (0025, 1025, 1900), not a claim about when
 * the paper was founded: no page the archive holds says so.
 */
const EARLIEST_STORY_DATE = '1950-01-01';

/** Today in China as YYYY-MM-DD. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Why a calendar date is not one a story can carry, or undefined. */
export function storyDateProblem(date: Date, today: string = todayInChina()): string | undefined {
  const iso = isoCalendarDate(date);
  if (iso < EARLIEST_STORY_DATE)
    return `before ${EARLIEST_STORY_DATE}, the earliest date the archive takes (a mistyped year?)`;
  if (iso > today) return `after today (${today} in China): a story cannot be dated in the future (a mistyped year?)`;
  return undefined;
}

/** YYYY-MM-DD of a calendar date (years before 1000 keep four digits). */
function isoCalendarDate(date: Date): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}
