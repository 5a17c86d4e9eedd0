/** Figures the pages state about the archive (关于本档案, the indexes), computed from the stories. */
import { compareArchiveOrder, formatChineseDate, type DatePrecision } from './dates.ts';

export interface DatedItem {
  date: Date;
  precision: DatePrecision;
}

/**
 * The span of the archive's dates as a reader reads it: 2025年9月30日至2025年10月3日, one date when
 * all share it, undefined when there are none. Each end shows only the precision its story has.
 */
export function dateSpanLabel(items: readonly DatedItem[]): string | undefined {
  if (items.length === 0) return undefined;
  // Oldest first in the archive's order: a month-only story is not taken for its month's 1st.
  const sorted = [...items].map((item) => ({ ...item, key: '' })).sort((a, b) => compareArchiveOrder(b, a));
  const from = formatChineseDate(sorted[0]!.date, sorted[0]!.precision);
  const to = formatChineseDate(sorted.at(-1)!.date, sorted.at(-1)!.precision);
  return from === to ? from : `${from}至${to}`;
}

/**
 * A story count beside a name in an index (/places/, /archive/): （6篇）. In brackets, so that in a
 * row of names each count reads as belonging to the name before it.
 */
export const storyCountNote = (count: number): string => `（${count}篇）`;
