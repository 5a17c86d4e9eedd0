/**
 * Carries out the `pagefind` plan (./planner.ts): each term an exact phrase of its words
 * (src/search/core/record.ts termPhrase) over the shards that can hold it, intersected here;
 * facets from the index's own lists per shard; what a result shows from the archive's own files.
 * Pagefind itself sits behind the browser adapter (./pagefind.ts).
 */
import { FIELDS, type SearchField } from '../core/fields.ts';
import type { SearchManifest } from '../core/lexicon.ts';
import { occurrencesOf, orderOf, rankKeys, type TermFacts } from '../core/ranking.ts';
import { runStarts, termPhrase, TEXT_START } from '../core/record.ts';
import { bylineStarts, type Hit, type SearchOptions, type SearchOutcome } from './hits.ts';
import type { IndexFiles } from './index-files.ts';
import type { PhraseHit, ShardedPagefind } from './pagefind.ts';

interface TermHit {
  hit: PhraseHit;
  facts: TermFacts;
  starts: number[] | undefined;
}

/** One term over the open shards: the stories containing it exactly (phrase only: head hits, no counts yet). */
async function phraseTerm(pagefind: ShardedPagefind, term: string, field: SearchField): Promise<Map<string, TermHit>> {
  const q = termPhrase(term, field);
  const hits = new Map<string, TermHit>();
  // The phrase's first occurrence: kicker and headline come first in a record, so a term in the
  // head is found there (a title search keeps only those).
  for (const hit of await pagefind.phrase(q.words)) {
    const inHead = hit.first.some((p) => p < q.headLimit);
    if (inHead || FIELDS[field].within !== 'head')
      hits.set(hit.id, { hit, facts: { inHead, occurrences: 1 }, starts: undefined });
  }
  return hits;
}

/**
 * Where and how often a term occurs in its stories: every position of its words (same index
 * chunks, nothing more to download); runs of consecutive positions are occurrences.
 */
async function countTerm(
  pagefind: ShardedPagefind,
  term: string,
  hits: Map<string, TermHit>,
  field: SearchField,
): Promise<void> {
  const q = termPhrase(term, field);
  if (q.kind !== 'phrase') return;
  for (const [id, positions] of await pagefind.positions(q.words)) {
    const hit = hits.get(id);
    if (!hit) continue;
    const starts = runStarts(
      positions.filter((p) => p >= TEXT_START),
      q.words.length,
    );
    hit.facts.occurrences = occurrencesOf(term, starts.length);
    // A field of its own words stands in a copy after the text: its positions are no place in it.
    if (FIELDS[field].prefix === '') hit.starts = starts;
  }
}

/** Each term's hits over the open shards, or null when a term has none. */
async function phraseAll(
  pagefind: ShardedPagefind,
  terms: string[],
  field: SearchField,
): Promise<Map<string, TermHit>[] | null> {
  const perTerm: Map<string, TermHit>[] = [];
  for (const term of terms) {
    const found = await phraseTerm(pagefind, term, field);
    if (found.size === 0) return null;
    perTerm.push(found);
  }
  return perTerm;
}

/** The stories holding every term, from each term's hits (counted or not). */
async function hitsOf(
  files: IndexFiles,
  index: SearchManifest,
  perTerm: Map<string, TermHit>[],
  field: SearchField,
): Promise<Hit[]> {
  const smallest = [...perTerm].sort((a, b) => a.size - b.size)[0]!;
  const found = [...smallest.keys()].flatMap((id) => {
    const all = perTerm.map((terms) => terms.get(id));
    return all.every((hit) => hit) ? [all as TermHit[]] : [];
  });
  // Each story's section and place, from the index's own list per shard (not Pagefind's filters:
  // one small file a shard instead of a search per filter value), for the shards with hits.
  const shards = [...new Set(found.map((all) => all[0]!.hit.shard))];
  const facets = new Map(
    await Promise.all(shards.map(async (shard) => [shard, await files.facets(index, shard)] as const)),
  );
  const places = index.places.length;
  const firsts = new Map(
    shards.map((shard) => [shard, index.shards.slice(0, shard).reduce((n, s) => n + s.stories, 0)]),
  );
  return found.map((all) => {
    const { shard, story } = all[0]!.hit;
    const facet = facets.get(shard)![story - firsts.get(shard)!]!;
    const termStarts = all.every((t) => t.starts) ? all.flatMap((t) => t.starts!).sort((a, b) => a - b) : undefined;
    return {
      id: `s${story}`,
      story,
      ...rankKeys(
        all.map((t) => t.facts),
        index.stories - story,
      ),
      section: index.sections[Math.floor(facet / places)],
      place: index.places[facet % places],
      async data() {
        const { content, meta } = await files.story(index, story);
        const fold = await files.foldForStory(index, meta);
        return {
          content,
          meta,
          fold,
          textPart: (part) => files.textPart(meta.textId, part),
          starts: FIELDS[field].within === 'bylines' ? bylineStarts(meta) : termStarts,
        };
      },
    };
  });
}

/**
 * The terms over the shards of the plan (undefined: every shard). Over every shard: the first
 * open shards (the newest) searched, counted and ranked, shown at once; then all of them. Over a
 * route, its shards at once. Then the exact count as soon as Pagefind has matched the phrases
 * (ranked by head hits and date meanwhile), and the final ranking once occurrences are counted
 * (not needed to sort by date). (Each step searches every open shard again, so more steps would
 * cost more than they show.)
 */
export async function pagefindSearch(
  files: IndexFiles,
  pagefind: ShardedPagefind,
  index: SearchManifest,
  terms: string[],
  { sort, field }: SearchOptions,
  within: (hits: Hit[]) => Promise<Pick<SearchOutcome, 'hits' | 'leftOut'>>,
  route: readonly number[] | undefined,
  progress?: (outcome: SearchOutcome) => Promise<void> | void,
): Promise<SearchOutcome> {
  const order = orderOf(sort);
  const targets = route ?? index.shards.map((_, shard) => shard);
  // Stories still to search: those of target shards not open yet (the others hold no match).
  const unsearched = () =>
    targets.reduce((n, shard) => n + (pagefind.isOpen(shard) ? 0 : index.shards[shard]!.stories), 0);
  const outcome = async (perTerm: Map<string, TermHit>[] | null): Promise<SearchOutcome> => {
    const { hits, leftOut } = await within(perTerm ? await hitsOf(files, index, perTerm, field) : []);
    const left = unsearched();
    return {
      terms,
      hits: hits.sort(order),
      leftOut,
      searched: index.stories - left,
      total: index.stories,
      complete: left === 0,
    };
  };
  // Open shards are the newest ones unless a routed search opened older ones: only then can the
  // page say "在最新的N篇稿件中找到…" first.
  const firstClosed = index.shards.findIndex((_, shard) => !pagefind.isOpen(shard));
  const newestOpen =
    firstClosed >= 0 && index.shards.every((_, shard) => shard < firstClosed || !pagefind.isOpen(shard));
  if (!route && newestOpen) {
    const newest = await phraseAll(pagefind, terms, field);
    if (newest) for (const [i, term] of terms.entries()) await countTerm(pagefind, term, newest[i]!, field);
    await progress?.(await outcome(newest));
  }
  await pagefind.open(targets);
  // Their filter values, fetched while Pagefind matches (hitsOf reads them for the shards with hits).
  for (const shard of targets) void files.facets(index, shard).catch(() => {});
  const perTerm = await phraseAll(pagefind, terms, field);
  if (!perTerm || sort === 'newest') return outcome(perTerm);
  await progress?.(await outcome(perTerm));
  for (const [i, term] of terms.entries()) await countTerm(pagefind, term, perTerm[i]!, field);
  return outcome(perTerm);
}
