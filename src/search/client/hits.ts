/**
 * What a search gives (the engine's answer, ./engine.ts, from the lexicon, ./lexicon-search.ts,
 * or Pagefind, ./pagefind-search.ts) and what it is asked: types shared by the search page's code.
 */
import { byNewest, byRelevance, type RankKeys, type SearchField, type SearchResultMeta } from '../core/tokens.ts';
import type { DateRange } from '../core/date-range.ts';

export type Sort = 'relevance' | 'newest';

/** The order of hits a sort asks for. */
export const orderOf = (sort: Sort): ((a: RankKeys, b: RankKeys) => number) => (sort === 'newest' ? byNewest : byRelevance);

/** How to search: the order, where in a story the terms must stand, and the dates (null: any). */
export interface SearchOptions {
  sort: Sort;
  field: SearchField;
  range: DateRange | null;
}

export interface ResultData {
  /** The opening of the text (part 0). */
  content: string;
  meta: SearchResultMeta;
  /** Index positions where the terms occur (src/search/core/text-parts.ts startPart), or undefined. */
  starts: number[] | undefined;
}

export interface Hit extends RankKeys {
  id: string;
  /** The story's number in the archive's order (newest first, from 0). */
  story: number;
  section: string | undefined;
  place: string | undefined;
  data(): Promise<ResultData>;
}

export interface SearchOutcome {
  terms: string[];
  /** Every story searched so far containing every term (in the field, in the date range), in the order asked for, before filters. */
  hits: Hit[];
  /** Stories dated only to a month that the date range cuts, left out of `hits` though they hold the terms: their months (YYYY-MM), one entry a story. */
  leftOut: string[];
  /** Stories searched so far, and in the archive. */
  searched: number;
  total: number;
  /** The search covered the whole archive: the count is final (the order once the search returns). */
  complete: boolean;
}

/** What a field's hit starts from, for the excerpt: a byline search Pagefind answered knows no positions, so its bylines. */
export const bylineStarts = (meta: SearchResultMeta): number[] => meta.bylines.map(([start]) => meta.bodyPosition + start);
