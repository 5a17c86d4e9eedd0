/**
 * Exact search over the whole archive, in the browser. A search goes in three steps:
 * 1. the query's terms, folded with the 繁體 = 简体 table when the query holds a character the
 *    table folds (the manifest lists them, so this is known before anything else is fetched);
 * 2. the lexicon's buckets of the terms' words, and what each says of its term
 *    (src/search/core/lexicon.ts lookupTerm);
 * 3. one plan (./planner.ts), carried out: from the postings or a few texts (./lexicon-search.ts),
 *    or by Pagefind over the shards that can hold the terms (./pagefind-search.ts).
 * A date range keeps the hits inside it (src/search/core/date-range.ts). What the page has
 * fetched is kept by the search for the page's life (createSearch).
 */
import { withinRange } from '../core/date-range.ts';
import { termKeys, lookupTerm } from '../core/lexicon.ts';
import { parseQuery } from '../core/query.ts';
import { orderOf } from '../core/ranking.ts';
import type { Hit, SearchOptions, SearchOutcome } from './hits.ts';
import { createIndexFiles } from './index-files.ts';
import { lexiconHits } from './lexicon-search.ts';
import { openPagefind, type ShardedPagefind } from './pagefind.ts';
import { pagefindSearch } from './pagefind-search.ts';
import { planSearch } from './planner.ts';

export interface Search {
  /** Starts loading the manifest ahead of the first search (e.g. when the reader starts typing). */
  preload(): void;
  /**
   * Every story containing every term of `query`. `progress` receives earlier outcomes while
   * Pagefind searches (never for a search the lexicon answers): the newest shard's, then the whole
   * archive's count before its final ranking. Never run two at once (callers queue).
   */
  run(
    query: string,
    options: SearchOptions,
    progress?: (outcome: SearchOutcome) => Promise<void> | void,
  ): Promise<SearchOutcome>;
}

export function createSearch(): Search {
  const files = createIndexFiles();
  let pagefind: Promise<ShardedPagefind> | undefined;
  return {
    preload: () => void files.manifest().catch(() => {}),
    async run(query, options, progress) {
      const { sort, field, range } = options;
      const index = await files.manifest();
      const fold = await files.foldFor(index, query);
      const terms = parseQuery(query, fold);
      const dates = range ? files.dates(index) : undefined;
      // Hits outside the date range leave; month-only stories whose month the range cuts are counted.
      const within = async (hits: Hit[]): Promise<Pick<SearchOutcome, 'hits' | 'leftOut'>> => {
        if (!range || !dates) return { hits, leftOut: [] };
        const { kept, leftOut } = withinRange(hits, await dates, range);
        return { hits: kept, leftOut };
      };
      const bucketFor = await files.buckets(
        index,
        terms.flatMap((term) => termKeys(term, field).map((key) => key.word)),
      );
      const plan = planSearch(
        index,
        terms,
        terms.map((term) => lookupTerm(term, bucketFor, field)),
        field,
      );
      if (plan.kind === 'pagefind') {
        if (!pagefind) {
          pagefind = openPagefind(index.shards);
          pagefind.catch(() => (pagefind = undefined));
        }
        return pagefindSearch(files, await pagefind, index, terms, options, within, plan.shards, progress);
      }
      const { hits, leftOut } = await within(await lexiconHits(files, index, plan, field));
      return {
        terms,
        hits: hits.sort(orderOf(sort)),
        leftOut,
        searched: index.stories,
        total: index.stories,
        complete: true,
      };
    },
  };
}
