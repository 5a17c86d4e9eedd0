/**
 * Story dates as calendar dates: written `YYYY-MM-DD`, a day that exists, read the same on every
 * machine. The Date returned is that day at 00:00 UTC (src/lib/dates.ts reads UTC parts), never
 * local time, so the time zone of the machine that builds cannot move it.
 */

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
  if (iso < EARLIEST_STORY_DATE) return `before ${EARLIEST_STORY_DATE}, the earliest date the archive takes (a mistyped year?)`;
  if (iso > today) return `after today (${today} in China): a story cannot be dated in the future (a mistyped year?)`;
  return undefined;
}

/** YYYY-MM-DD of a calendar date (years before 1000 keep four digits). */
function isoCalendarDate(date: Date): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}
