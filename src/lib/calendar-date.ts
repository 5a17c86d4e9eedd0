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
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2025-02-30 over to March 2: a day that does not exist comes back changed.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { problem: 'no such day on the calendar' };
  }
  return { date };
}
