/**
 * Exact search over the whole archive, in the browser. Each term is first looked up in the
 * lexicon (src/search/core/lexicon.ts): a word in no story ends the search at once; a rare word
 * gives the term's stories and positions without Pagefind (./lexicon-search.ts), so a search for a
 * name costs its few buckets and results, whatever the size of the archive. Terms made only of
 * common words go to Pagefind (./pagefind-search.ts), shard by shard, newest first; partial results
 * are reported as shards open, and the final ranking and count cover every shard. A date range
 * keeps the hits inside it (src/search/core/date-range.ts). The 繁體 = 简体 fold table is loaded
 * only for a query or a result text that needs it (./fold.ts).
 */
import { hasFoldTable, parseQuery } from '../core/tokens.ts';
import { withinRange } from '../core/date-range.ts';
import { intersect, lookupTerm, shardOf, termKeys, type SearchManifest, type TermLookup } from '../core/lexicon.ts';
import { loadFoldTable } from './fold.ts';
import { orderOf, type Hit, type SearchOptions, type SearchOutcome } from './hits.ts';
import { loadBuckets, loadDates, loadManifest } from './index-files.ts';
import { lexiconSearch } from './lexicon-search.ts';
import { pagefindSearch } from './pagefind-search.ts';


/** Starts loading the manifest ahead of the first search (e.g. when the reader starts typing). */
export function preload(): void {
  void loadManifest().catch(() => {});
}

/**
 * Every story containing every term of `query`. `progress` receives earlier outcomes while
 * Pagefind searches (never for a search the lexicon answers): the newest shard's, then the whole
 * archive's count before its final ranking. Never run two at once
 * (callers queue).
 */
export async function search(query: string, options: SearchOptions, progress?: (outcome: SearchOutcome) => Promise<void> | void): Promise<SearchOutcome> {
  const { sort, field, range } = options;
  const terms = parseQuery(query);
  const index = await loadManifest();
  const dates = range ? loadDates(index) : undefined;
  // Hits outside the date range leave; month-only stories whose month the range cuts are counted.
  const within = async (hits: Hit[]): Promise<Pick<SearchOutcome, 'hits' | 'leftOut'>> => {
    if (!range || !dates) return { hits, leftOut: [] };
    const { kept, leftOut } = withinRange(hits, await dates, range);
    return { hits: kept, leftOut };
  };
  const finish = async (found: Hit[]): Promise<SearchOutcome> => {
    const { hits, leftOut } = await within(found);
    return { terms, hits: hits.sort(orderOf(sort)), leftOut, searched: index.stories, total: index.stories, complete: true };
  };
  if (terms.length === 0) return finish([]);
  const bucketFor = await loadBuckets(index, terms.flatMap((term) => termKeys(term, field).map((key) => key.word)));
  const lookups = terms.map((term) => lookupTerm(term, bucketFor, field));
  if (lookups.some((l) => l.kind === 'none')) {
    // A Traditional character is in no bucket (the index is folded): with the fold table, the
    // query may be another (./fold.ts). Only then is the table fetched.
    if (!hasFoldTable()) {
      await loadFoldTable(index);
      if (parseQuery(query).join('\n') !== terms.join('\n')) return search(query, options, progress);
    }
    return finish([]);
  }
  const fromLexicon = await lexiconSearch(index, terms, lookups, field);
  if (fromLexicon) return finish(fromLexicon);
  const route = routeOf(index, lookups);
  if (route?.length === 0) return finish([]);
  return pagefindSearch(index, terms, options, within, route, progress);
}

/**
 * The shards that may hold every term, newest first: those holding all of a common term's routed
 * words, and a rare term's candidate stories; undefined when every shard may.
 */
function routeOf(index: SearchManifest, lookups: readonly TermLookup[]): number[] | undefined {
  const routes = lookups.flatMap((lookup) => {
    if (lookup.kind === 'common') return lookup.shards ? [lookup.shards] : [];
    if (lookup.kind === 'rare') return [new Set([...lookup.stories.keys()].map((story) => shardOf(index.shards, story)))];
    return [];
  });
  return routes.length ? [...intersect(routes)].sort((a, b) => a - b) : undefined;
}
