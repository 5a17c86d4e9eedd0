/** Dates as Chinese readers expect them. Story dates are calendar dates, so UTC parts are used throughout. */

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

/** The reader-facing note saying which parts of a date the archive derived (see content/README.md). */
export function dateDerivationNote(basis: DateBasis): string {
  return basis === 'dateline'
    ? '月日据电头，年份据正文推定'
    : '原文未注明日期，据同版稿件推定到月';
}

/** The short mark shown beside a date for the parts the archive inferred (see content/README.md). */
export function inferredDateMark(basis: DateBasis): string {
  return basis === 'dateline' ? '年份据正文推定' : '据同版稿件推定';
}

/** Newest first; ties keep a stable order by the given key. */
export function compareNewestFirst(a: { date: Date; key: string }, b: { date: Date; key: string }): number {
  return b.date.getTime() - a.date.getTime() || a.key.localeCompare(b.key);
}

/** Year and month (1-12) a story is filed under in the date archive. */
export function yearMonth(date: Date): { year: number; month: number } {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}
