/** The date archive: stories grouped by year and month. */
import { yearMonth } from './dates.ts';
import { pagedTitle } from './pagination.ts';
import { archiveMonthPath, archivePath, archiveYearPath, homePath, listingPagePath } from './urls.ts';

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

/** One step of a breadcrumb trail (src/components/Breadcrumbs.astro). */
export interface Crumb {
  name: string;
  path: string;
}

/**
 * The breadcrumbs of the date archive: 首页 › 按日期 (as the header names it) › 2025年 › 10月, down
 * to the page shown. Under its year a month needs no year again. Page 2 on of a listing is its
 * own last step, as on section and place listings.
 */
export function archiveTrail(at: { year?: number; month?: number; page?: number } = {}): Crumb[] {
  const { year, month, page = 1 } = at;
  const trail: Crumb[] = [
    { name: '首页', path: homePath() },
    { name: '按日期', path: archivePath() },
  ];
  if (year === undefined) return trail;
  if (month === undefined) {
    return [...trail, { name: pagedTitle(yearLabel(year), page), path: listingPagePath(archiveYearPath(year), page) }];
  }
  return [
    ...trail,
    { name: yearLabel(year), path: archiveYearPath(year) },
    { name: pagedTitle(`${month}月`, page), path: listingPagePath(archiveMonthPath(year, month), page) },
  ];
}
