/** The date archive: stories grouped by year and month. */
import { yearMonth } from './dates.ts';

export interface ArchiveMonth<T> {
  year: number;
  month: number;
  items: T[];
}

export interface ArchiveYear<T> {
  year: number;
  months: ArchiveMonth<T>[];
  /** Every item of the year, in the order given. */
  items: T[];
}

/** Years and months that have items, newest first; items keep the order they came in. */
export function groupByMonth<T>(items: readonly T[], dateOf: (item: T) => Date): ArchiveYear<T>[] {
  const years = new Map<number, ArchiveYear<T>>();
  for (const item of items) {
    const { year, month } = yearMonth(dateOf(item));
    const y = years.get(year) ?? { year, months: [], items: [] };
    years.set(year, y);
    y.items.push(item);
    let m = y.months.find((candidate) => candidate.month === month);
    if (!m) {
      m = { year, month, items: [] };
      y.months.push(m);
    }
    m.items.push(item);
  }
  return [...years.values()]
    .sort((a, b) => b.year - a.year)
    .map((y) => ({ ...y, months: y.months.sort((a, b) => b.month - a.month) }));
}

/** 2025年 / 2025年10月, as listings title them. */
export const yearLabel = (year: number): string => `${year}年`;
export const monthLabel = (year: number, month: number): string => `${year}年${month}月`;
