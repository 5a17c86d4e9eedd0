/**
 * The search planner: from a query's terms and what the lexicon says of each
 * (src/search/core/lexicon.ts lookupTerm), the one way the search will be answered. Pure: the
 * engine (./engine.ts) fetched the buckets and carries the plan out. Three plans, cheapest first:
 *
 * 1. `postings`: settled from the lexicon's own postings. Every term has a rare word whose
 *    postings (and windows) say exactly where the term occurs, or a word of a term is in no
 *    story. Costs nothing more than the buckets already fetched, then one small file for each
 *    result shown (about 50–90 KB for a first search at any archive size).
 * 2. `text-check`: the rare words narrow the stories down to at most TEXT_CHECK_LIMIT whose text
 *    must be read to decide (a term reaching past its rare word's windows, or a common term
 *    beside a rare one): each candidate's result file and the text parts where the term can be.
 * 3. `pagefind`: Pagefind over the shards that can hold every term (all of each term's routed
 *    words, a rare term's candidates' shards), or over every shard, newest first, when no word
 *    narrows it. Costs Pagefind's runtime (about 80 KB), each opened shard's metadata and the
 *    index chunks of the terms' words: what a common term costs.
 */
import { intersect, shardOf, type Candidate, type SearchManifest, type TermLookup } from '../core/lexicon.ts';
import { FIELDS, type SearchField } from '../core/fields.ts';

/** The most stories whose text a search reads to decide; more, and Pagefind answers. */
const TEXT_CHECK_LIMIT = 40;

/** A term the lexicon answers: the stories that may hold it, with where it may start. */
interface RareTerm {
  term: string;
  candidates: Map<number, Candidate>;
}

export type Plan =
  | { kind: 'postings'; terms: RareTerm[]; stories: number[] }
  | {
      kind: 'text-check';
      terms: RareTerm[];
      /** Terms of common words only, looked for in the text. */
      common: string[];
      stories: number[];
      /** The stories among them whose text must be read (the others are settled by their postings). */
      check: Set<number>;
    }
  /** `shards`: indexes in the manifest's list, ascending; undefined: every shard, newest first. */
  | { kind: 'pagefind'; shards: number[] | undefined };

const NOTHING: Plan = { kind: 'postings', terms: [], stories: [] };

export function planSearch(
  index: SearchManifest,
  terms: readonly string[],
  lookups: readonly TermLookup[],
  field: SearchField,
): Plan {
  if (terms.length === 0 || lookups.some((lookup) => lookup.kind === 'none')) return NOTHING;
  const rare: RareTerm[] = [];
  const common: string[] = [];
  lookups.forEach((lookup, i) => {
    if (lookup.kind === 'rare') rare.push({ term: terms[i]!, candidates: inField(lookup.stories, terms[i]!, field) });
    else common.push(terms[i]!);
  });
  if (rare.length) {
    rare.sort((a, b) => a.candidates.size - b.candidates.size);
    const stories = [...rare[0]!.candidates.keys()]
      .filter((story) => rare.every((r) => r.candidates.has(story)))
      .sort((a, b) => a - b);
    const check = new Set(
      stories.filter((story) => common.length > 0 || rare.some((r) => !r.candidates.get(story)!.verified)),
    );
    if (check.size === 0) return { kind: 'postings', terms: rare, stories };
    if (check.size <= TEXT_CHECK_LIMIT) return { kind: 'text-check', terms: rare, common, stories, check };
  }
  const shards = routeOf(index, lookups);
  return shards?.length === 0 ? NOTHING : { kind: 'pagefind', shards };
}

/**
 * A rare term's candidates in the field: for a field of the head, an exact occurrence counts when
 * it ends inside the head (an unverified candidate stays, for the text check). A field of its
 * own words was looked up in them already.
 */
function inField(candidates: Map<number, Candidate>, term: string, field: SearchField): Map<number, Candidate> {
  if (FIELDS[field].within !== 'head') return candidates;
  const length = Array.from(term).length;
  const kept = new Map<number, Candidate>();
  for (const [story, candidate] of candidates) {
    const starts = candidate.verified
      ? candidate.starts.filter((s) => s + length <= candidate.headLength)
      : candidate.starts;
    if (starts.length) kept.set(story, { ...candidate, starts });
  }
  return kept;
}

/**
 * The shards that may hold every term, ascending: those holding all of a common term's routed
 * words, and a rare term's candidate stories; undefined when every shard may.
 */
function routeOf(index: SearchManifest, lookups: readonly TermLookup[]): number[] | undefined {
  const routes = lookups.flatMap((lookup) => {
    if (lookup.kind === 'common') return lookup.shards ? [lookup.shards] : [];
    if (lookup.kind === 'rare')
      return [new Set([...lookup.stories.keys()].map((story) => shardOf(index.shards, story)))];
    return [];
  });
  return routes.length ? [...intersect(routes)].sort((a, b) => a - b) : undefined;
}
