/** How a reader cites one story. */
import { formatChineseDate, type DatePrecision } from './dates.ts';

export interface CitationInput {
  /** Authors in printed order; may be empty. */
  authors: readonly string[];
  headline: string;
  newspaper: string;
  date: Date;
  precision: DatePrecision;
  permalink: string;
}

/**
 * 王佳琪，《headline》，科学导报，2025年9月30日，https://…/stories/slug/
 * No closing 。: pasted after a URL it would become part of the link.
 */
export function formatCitation(input: CitationInput): string {
  return [
    input.authors.join('、'),
    `《${input.headline}》`,
    input.newspaper,
    formatChineseDate(input.date, input.precision),
    input.permalink,
  ]
    .filter((part) => part !== '')
    .join('，');
}
