/**
 * A story cited as GB/T 7714—2025 (信息与文献 参考文献著录规则, in force since 2026-07-01) cites a
 * newspaper article (文献类型标识 N):
 *
 *   责任者. 题名：其他题名信息[N]. 报纸名，出版日期（版次）.
 *   责任者. 题名：其他题名信息[N/OL]. 报纸名，出版日期（版次）. 访问路径.
 *
 * Punctuation as the standard's own examples print it: "." "[ ]" "/" "-" half-width, "，" "："
 * "（）" full-width. Differences from GB/T 7714—2015 that matter here: the access date ([引用日期])
 * is dropped for documents that are not web resources, a newspaper article even when read online
 * among them (the standard's [N/OL] example has none), so neither form carries one.
 * What the page does not give is left out, never guessed: the 版次 (no extract records it) and a
 * day for a story the page dates only to its month (2025-10). A headline the page does not print
 * is the archive's own (自拟), which the standard puts in square brackets.
 */
import { isoDate, type DatePrecision } from './dates.ts';

export interface GbtNewspaperInput {
  /** Authors in printed order, names whole as printed; may be empty. */
  authors: readonly string[];
  headline: string;
  /** True when the page prints no headline and the archive took it from the story's words. */
  headlineDerived: boolean;
  subhead?: string | undefined;
  newspaper: string;
  date: Date;
  precision: DatePrecision;
  /** The story's permanent address, for the online form. */
  url: string;
}

/** At most three authors are named; more get ，等 (the standard's rule for 责任者). */
const MAX_AUTHORS = 3;

function authorsPart(authors: readonly string[]): string {
  if (authors.length <= MAX_AUTHORS) return authors.join('，');
  return `${authors.slice(0, MAX_AUTHORS).join('，')}，等`;
}

/** The [N] form (medium "print") or the [N/OL] form (medium "online", with the permanent address). */
export function gbtNewspaperCitation(input: GbtNewspaperInput, medium: 'print' | 'online'): string {
  const title = input.headlineDerived ? `[${input.headline}]` : input.headline;
  const titlePart = input.subhead ? `${title}：${input.subhead}` : title;
  const code = medium === 'online' ? 'N/OL' : 'N';
  const parts = [
    ...(input.authors.length > 0 ? [`${authorsPart(input.authors)}.`] : []),
    `${titlePart}[${code}].`,
    `${input.newspaper}，${isoDate(input.date, input.precision)}.`,
    ...(medium === 'online' ? [`${input.url}.`] : []),
  ];
  return parts.join(' ');
}
