/**
 * What the search page says: its tab title and its status line, as pure functions of the search
 * (src/search/client/render.ts shows them; tests/unit/search-messages.test.ts checks them).
 */
import { ARCHIVE_NAME } from '../../lib/site.ts';
import { FIELDS, type SearchField } from './fields.ts';
import { MAX_QUERY_CHARS } from './query.ts';
import { boundLabel } from './date-range.ts';

/** The most characters of a query a tab title shows. */
const TITLE_QUERY_CHARS = 30;

/** A query as a reader wrote it, for display: invisible characters dropped, spaces collapsed, trimmed. */
export function displayQuery(query: string): string {
  return query
    .replace(/[\p{Cc}\p{Cf}]/gu, (ch) => (ch !== '\ufeff' && /\s/.test(ch) ? ' ' : ''))
    .replace(/[\s\u3000]+/gu, ' ')
    .trim();
}

/** The page's title: "“储能”的搜索结果 - 科学导报新闻档案"; "搜索 - …" without a query. */
export function searchTitle(query: string): string {
  const chars = Array.from(displayQuery(query));
  if (chars.length === 0) return `搜索 - ${ARCHIVE_NAME}`;
  const shown = chars.length > TITLE_QUERY_CHARS ? `${chars.slice(0, TITLE_QUERY_CHARS).join('')}…` : chars.join('');
  return `“${shown}”的搜索结果 - ${ARCHIVE_NAME}`;
}

const count = (n: number): string => n.toLocaleString('zh-CN');

/** The status line before a search: no query yet. */
export const EMPTY_QUERY_STATUS = '输入要查找的文字：多个词用空格隔开。';

/** The status line for a query over MAX_QUERY_CHARS characters (`length`: as counted by queryLength). */
export const tooLongStatus = (length: number): string =>
  `搜索词太长：最多${count(MAX_QUERY_CHARS)}个字，这里有${count(length)}个字。请删短后再搜索。`;

export interface Outcome {
  /** The query's terms, folded. */
  terms: readonly string[];
  /** Stories found before the section and place filters, and after them. */
  found: number;
  shown: number;
  /** Stories searched so far and in the archive: a search still running says how far it got. */
  searched: number;
  total: number;
  /** Where the terms had to stand (default: all the text). */
  field?: SearchField | undefined;
  /** The search was limited to a date range. */
  dated?: boolean | undefined;
}

/** What a search looked in, as the status line names it: 稿件, 稿件的标题, 所选日期范围内的稿件的署名. */
function scope(field: SearchField, dated: boolean): string {
  return `${dated ? '所选日期范围内的' : ''}稿件${FIELDS[field].status}`;
}

/**
 * The status line after a search, or while it runs through older stories ("在最新的500篇稿件中
 * 找到12篇。正在检索其余99,500篇……"). Says once what was or was not found.
 */
export function resultStatus({ terms, found, shown, searched, total, field = 'all', dated = false }: Outcome): string {
  const running = searched < total;
  const what = scope(field, dated);
  const limited = FIELDS[field].within !== 'text' || dated;
  const where = running ? `在最新的${count(searched)}篇${what}中` : limited ? `在${what}中` : '';
  const more = running ? `正在检索其余${count(total - searched)}篇……` : '';
  if (shown > 0)
    return `${where}找到${count(shown)}篇${shown < found ? `（筛选前共${count(found)}篇）` : ''}${running ? '。' : ''}${more}`;
  const quoted = terms.map((t) => `“${t}”`).join('');
  const all = terms.length > 1 ? '同时' : '';
  if (found > 0) return `${where}有${count(found)}篇稿件${all}包含${quoted}，但都不在所选的栏目或地区中。${more}`;
  if (running) return `${where}没有稿件${all}包含${quoted}。${more}`;
  return `没有${what}${all}包含${quoted}。`;
}

/** The status line when the date range holds no day (./date-range.ts reversedRange): why nothing can match. */
export const reversedRangeStatus = (from: string, to: string): string =>
  `起始日期（${boundLabel(from)}）晚于截止日期（${boundLabel(to)}），没有稿件能同时满足。`;

/**
 * The line beside the results when a date range cuts a month holding stories dated only to that
 * month (`months`: YYYY-MM, one entry a story left out), or '' when none was left out.
 */
export function leftOutNote(months: readonly string[]): string {
  if (months.length === 0) return '';
  const named = [...new Set(months)].map(boundLabel).join('、');
  return `另有${count(months.length)}篇含所查文字的稿件只注明了月份（${named}），该月不完全在所选日期范围内，未列入结果。`;
}
