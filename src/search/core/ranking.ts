/**
 * The order of results, in one place. The rule: a story with more of the terms in its kicker,
 * headline or subhead comes first (a headline names what the story is about); then the one where
 * the terms occur more often (a story about 储能 says it more than one that mentions it); then the
 * newer one (an archive reader looking for a subject wants its latest state first). Stories that
 * tie on all three keep the archive's order. `排序：最新在前` sorts by date alone.
 *
 * Whoever answers a search (the lexicon's postings, a text check, Pagefind) only says, for each
 * term, whether it stands in the head and how often it occurs: `rankKeys` turns that into the
 * keys, the same way for all.
 */

/** What one answer knows of one term in one story. */
export interface TermFacts {
  /** The term stands in kicker, headline or subhead. */
  inHead: boolean;
  /** How often it occurs in the story (at least 1; a one-character term counts once a story). */
  occurrences: number;
}

/** The keys results are ordered by. */
export interface RankKeys {
  /** How many terms stand in the head. */
  headHits: number;
  /** How often the terms occur, all together. */
  frequency: number;
  /** Larger is newer. */
  recency: number;
}

/** A story's keys from what is known of each of its terms; `recency` larger for newer stories. */
export const rankKeys = (terms: readonly TermFacts[], recency: number): RankKeys => ({
  headHits: terms.filter((t) => t.inHead).length,
  frequency: terms.reduce((n, t) => n + t.occurrences, 0),
  recency,
});

/** How often a term counts in a story when `found` occurrences were seen (a one-character term counts once). */
export const occurrencesOf = (term: string, found: number): number =>
  Array.from(term).length === 1 ? 1 : Math.max(1, found);

export const byRelevance = (a: RankKeys, b: RankKeys): number =>
  b.headHits - a.headHits || b.frequency - a.frequency || b.recency - a.recency;

export const byNewest = (a: RankKeys, b: RankKeys): number => b.recency - a.recency;

export type Sort = 'relevance' | 'newest';

/** The order of results a sort asks for. */
export const orderOf = (sort: Sort): ((a: RankKeys, b: RankKeys) => number) =>
  sort === 'newest' ? byNewest : byRelevance;
