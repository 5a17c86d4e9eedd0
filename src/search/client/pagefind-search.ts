/**
 * Pagefind's answer, for terms made only of common words: each term an exact phrase of its words
 * (src/search/core/tokens.ts termQuery), over the shards newest first, intersected here; facets
 * from the index's own lists per shard. Behind the browser adapter (./pagefind.ts).
 */
import { runStarts, TEXT_START, termQuery, type SearchField } from '../core/tokens.ts';
import type { SearchManifest } from '../core/lexicon.ts';
import { foldReadyFor } from './fold.ts';
import { bylineStarts, orderOf, type Hit, type SearchOptions, type SearchOutcome } from './hits.ts';
import { loadFacets } from './index-files.ts';
import { loadPagefind, type PagefindResult, type ShardedPagefind } from './pagefind.ts';

interface TermHit {
  result: PagefindResult;
  head: boolean;
  frequency: number;
  starts: number[] | undefined;
}

/** One term over the open shards: the stories containing it exactly (phrase only: head hits, no counts yet). */
async function phraseTerm(pagefind: ShardedPagefind, term: string, field: SearchField): Promise<Map<string, TermHit>> {
  const q = termQuery(term, field);
  const hits = new Map<string, TermHit>();
  // A phrase result carries the positions of its first occurrence; kicker and headline come first,
  // so a term in the head is found there (a title search keeps only those).
  for (const result of await pagefind.phrase(q.query)) {
    const head = result.words.some((p) => p < q.headLimit);
    if (head || field !== 'title') hits.set(result.id, { result, head, frequency: 1, starts: undefined });
  }
  return hits;
}

/**
 * Where and how often a term occurs in its stories: a plain search of the same words (same index
 * chunks, nothing more to download) returns every position; runs of consecutive positions are
 * occurrences. (A one-character term counts once a story.)
 */
async function countTerm(pagefind: ShardedPagefind, term: string, hits: Map<string, TermHit>, field: SearchField): Promise<void> {
  const q = termQuery(term, field);
  if (q.kind !== 'phrase') return;
  for (const result of await pagefind.words(q.words)) {
    const hit = hits.get(result.id);
    if (!hit) continue;
    const starts = runStarts(result.words.filter((p) => p >= TEXT_START), q.words.length);
    hit.frequency = Math.max(1, starts.length);
    // Byline words stand in a copy after the text: their positions are no place in it.
    if (field !== 'byline') hit.starts = starts;
  }
}

/** Each term's hits over the open shards, or null when a term has none. */
async function phraseAll(pagefind: ShardedPagefind, terms: string[], field: SearchField): Promise<Map<string, TermHit>[] | null> {
  const perTerm: Map<string, TermHit>[] = [];
  for (const term of terms) {
    const found = await phraseTerm(pagefind, term, field);
    if (found.size === 0) return null;
    perTerm.push(found);
  }
  return perTerm;
}

/** The stories holding every term, from each term's hits (counted or not). */
async function hitsOf(pagefind: ShardedPagefind, index: SearchManifest, perTerm: Map<string, TermHit>[], field: SearchField): Promise<Hit[]> {
  const smallest = [...perTerm].sort((a, b) => a.size - b.size)[0]!;
  const found = [...smallest].flatMap(([id, first]) => {
    const all = perTerm.map((terms) => terms.get(id));
    return all.every((hit) => hit) ? [{ first, all: all as TermHit[], at: pagefind.locate(first.result) }] : [];
  });
  // Each story's section and place, from the index's own list per shard (not Pagefind's filters:
  // one small file a shard instead of a search per filter value), for the shards with hits.
  const facets = new Map(await Promise.all([...new Set(found.map((f) => f.at.shard))].map(async (shard) => [shard, await loadFacets(index, shard)] as const)));
  const places = index.places.length;
  const hits: Hit[] = [];
  for (const { first, all, at } of found) {
    const { shard, place: inShard, story } = at;
    const facet = facets.get(shard)![inShard]!;
    const termStarts = all.every((hit) => hit!.starts) ? all.flatMap((hit) => hit!.starts!).sort((a, b) => a - b) : undefined;
    hits.push({
      id: `s${story}`,
      story,
      headHits: all.filter((hit) => hit!.head).length,
      frequency: all.reduce((sum, hit) => sum + hit!.frequency, 0),
      recency: index.stories - story,
      section: index.sections[Math.floor(facet / places)],
      place: index.places[facet % places],
      async data() {
        const { content, meta } = await first.result.data();
        await foldReadyFor(index, meta);
        return { content, meta, starts: field === 'byline' ? bylineStarts(meta) : termStarts };
      },
    });
  }
  return hits;
}

/**
 * The terms over the shards that may hold them (`route`, from the lexicon; undefined: every shard).
 * Over every shard: the newest first, counted and ranked, shown at once; then all of them. Over a
 * route (the words are in at most half of the shards), its shards at once. Then the exact count as
 * soon as Pagefind has matched the phrases (ranked by head hits and date meanwhile), and the final
 * ranking once occurrences are counted (not needed to sort by date). (Each step searches every
 * open shard again, so more steps would cost more than they show.)
 */
export async function pagefindSearch(
  index: SearchManifest,
  terms: string[],
  { sort, field }: SearchOptions,
  within: (hits: Hit[]) => Promise<Pick<SearchOutcome, 'hits' | 'leftOut'>>,
  route: readonly number[] | undefined,
  progress?: (outcome: SearchOutcome) => Promise<void> | void,
): Promise<SearchOutcome> {
  const pagefind = await loadPagefind(index.shards);
  const order = orderOf(sort);
  const targets = route ?? index.shards.map((_, shard) => shard);
  // Stories still to search: those of target shards not open yet (the others hold no match).
  const unsearched = () => targets.reduce((n, shard) => n + (pagefind.isOpen(shard) ? 0 : index.shards[shard]!.stories), 0);
  const outcome = async (perTerm: Map<string, TermHit>[] | null): Promise<SearchOutcome> => {
    const { hits, leftOut } = await within(perTerm ? await hitsOf(pagefind, index, perTerm, field) : []);
    const left = unsearched();
    return { terms, hits: hits.sort(order), leftOut, searched: index.stories - left, total: index.stories, complete: left === 0 };
  };
  // Open shards are the newest ones unless a routed search opened older ones: only then can the
  // page say "在最新的 N 篇稿件中找到…" first.
  const firstClosed = index.shards.findIndex((_, shard) => !pagefind.isOpen(shard));
  const newestOpen = firstClosed >= 0 && index.shards.every((_, shard) => shard < firstClosed || !pagefind.isOpen(shard));
  if (!route && newestOpen) {
    // The newest shards are open (the first from the start): their results first.
    const newest = await phraseAll(pagefind, terms, field);
    if (newest) for (const [i, term] of terms.entries()) await countTerm(pagefind, term, newest[i]!, field);
    await progress?.(await outcome(newest));
  }
  await pagefind.open(targets);
  // Their filter values, fetched while Pagefind matches (hitsOf reads them for the shards with hits).
  for (const shard of targets) void loadFacets(index, shard).catch(() => {});
  const perTerm = await phraseAll(pagefind, terms, field);
  if (!perTerm || sort === 'newest') return outcome(perTerm);
  await progress?.(await outcome(perTerm));
  for (const [i, term] of terms.entries()) await countTerm(pagefind, term, perTerm[i]!, field);
  return outcome(perTerm);
}
