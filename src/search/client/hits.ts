/**
 * What a search gives (the engine's answer, ./engine.ts, carried out by ./lexicon-search.ts or
 * ./pagefind-search.ts) and what it is asked: types shared by the search page's code.
 */
import type { DateRange } from '../core/date-range.ts';
import type { SearchField } from '../core/fields.ts';
import type { Fold } from '../core/fold.ts';
import type { RankKeys, Sort } from '../core/ranking.ts';
import type { SearchResultMeta } from '../core/result.ts';

/** How to search: the order, where in a story the terms must stand, and the dates (null: any). */
export interface SearchOptions {
  sort: Sort;
  field: SearchField;
  range: DateRange | null;
}

interface ResultData {
  /** The opening of the text (part 0). */
  content: string;
  meta: SearchResultMeta;
  /** Index positions where the terms occur (src/search/core/text-parts.ts startPart), or undefined. */
  starts: number[] | undefined;
  /** The fold the story's texts are matched and marked with. */
  fold: Fold;
  /** Part `part` (1, 2, …) of the story's text (src/search/core/text-parts.ts). */
  textPart(part: number): Promise<string>;
}

export interface Hit extends RankKeys {
  id: string;
  /** The story's number in the archive's order. */
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
export const bylineStarts = (meta: SearchResultMeta): number[] =>
  meta.bylines.map(([start]) => meta.bodyPosition + start);
