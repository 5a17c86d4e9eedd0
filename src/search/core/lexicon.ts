/**
 * The lexicon: the archive's own index of rare words, beside Pagefind. Pagefind keeps common
 * terms and ranking; a term with a rare word never touches it.
 *
 * A word is what src/search/core/tokens.ts makes of the text: the bigram at each position of the
 * folded text (8 base-36 digits) and each distinct character (4 digits). Every word of the
 * archive is listed in exactly one bucket, a small file chosen by a hash of the word:
 * - a word in at most `rareLimit` stories with its postings: for each story (archive order,
 *   newest first), the story's number, its filter values, the length of its head, and where the
 *   word occurs (every position for a bigram, the first for a character);
 * - a more common word with its story count (the search asks Pagefind) and, when it is in at
 *   most half of Pagefind's shards, the shards it is in: a term is searched only in the shards
 *   that hold all its words (a routing index: a medium word costs the shards that hold it);
 * - a word in no bucket is in no story: a term holding it matches nothing, for one small file.
 * So a search of a rare name costs its buckets and its results, not a shard's metadata per hit.
 *
 * Positions count characters of the story's folded text, head + '\n' + body (foldChars of it),
 * so a term at position p of length n lies in the head when p + n ≤ headLength.
 * The words of bylines and credits are listed again as byline words (tokens.ts fieldWord), with
 * the positions where they stand inside a byline or credit: a search limited to bylines.
 * Written by src/search/build/lexicon.ts, read by src/search/client/lexicon-search.ts.
 */
import { bigramWord, encodeChar, fieldWord, type SearchField } from './tokens.ts';

/** One story in a rare word's postings: [story, facet, headLength, ...positions]. */
export type Posting = number[];

/** A common word in few shards: its story count and the shards holding it (ascending, indexes in the manifest's list). */
export interface Routed {
  stories: number;
  shards: number[];
}

/** A bucket file: word → story count (common word), count and shards (common word in few shards) or postings (rare word), stories ascending. */
export type Bucket = Record<string, number | Routed | Posting[]>;

/** One Pagefind shard, as listed in the manifest (newest first). */
export interface ShardInfo {
  /** Pagefind "language" code of the shard: qaa, qab, … */
  language: string;
  stories: number;
  /** Dates of its newest and oldest story, 2025-10-03 (a story dated only to the month: its first day). */
  newest: string;
  oldest: string;
}

/** What the search page reads first: /lexicon.json. */
export interface SearchManifest {
  /** The folder of this build's files (a hash of their contents): /lexicon-files/<id>/. */
  id: string;
  stories: number;
  buckets: number;
  /** A word in at most this many stories has postings. */
  rareLimit: number;
  /** Filter values: facet = section index × places.length + place index. */
  sections: string[];
  places: string[];
  /** Pagefind's shards, newest stories first. */
  shards: ShardInfo[];
}

/** The archive number of each shard's newest story (shards hold consecutive numbers, newest first). */
export const shardStarts = (shards: readonly ShardInfo[]): number[] => {
  let n = 0;
  return shards.map((shard) => ((n += shard.stories), n - shard.stories));
};

/** FNV-1a, 32 bits: a cheap, stable hash of a word, the same at build and in the browser. */
export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const bucketOf = (word: string, buckets: number): number => hashWord(word) % buckets;

/** How many buckets for a lexicon of `bytes` (about 8 KB each before compression), a power of two. */
export function bucketCount(bytes: number): number {
  let n = 1;
  while (n < 65536 && bytes / n > 8192) n *= 2;
  return n;
}

/** The words a term is made of, in order: its bigrams, or the character itself when it has one (as `field` spells them). */
export function termWords(term: string, field: SearchField = 'all'): string[] {
  const chars = Array.from(term);
  if (chars.length === 1) return [fieldWord(field, encodeChar(chars[0]!))];
  return chars.slice(0, -1).map((ch, i) => fieldWord(field, bigramWord(ch, chars[i + 1])));
}

export const facetOf = (section: number, place: number, places: number): number => section * places + place;

/** The numbers in every list. */
export function intersect(lists: readonly (readonly number[] | ReadonlySet<number>)[]): Set<number> {
  const [first, ...rest] = lists.map((list) => new Set(list));
  return new Set([...(first ?? [])].filter((n) => rest.every((set) => set.has(n))));
}

/** The shard (index in the manifest's list) holding archive story number `story`. */
export function shardOf(shards: readonly ShardInfo[], story: number): number {
  const starts = shardStarts(shards);
  let shard = 0;
  while (shard + 1 < starts.length && starts[shard + 1]! <= story) shard++;
  return shard;
}

/** What the lexicon says about one term. */
export type TermLookup =
  /** A word of the term is in no story: nothing matches. */
  | { kind: 'none' }
  /** Every word is common: Pagefind decides, in `shards` (those holding every word; undefined: any). */
  | { kind: 'common'; shards: Set<number> | undefined }
  /** The stories that may hold the term, from its rarest word(s). */
  | { kind: 'rare'; stories: Map<number, Candidate> };

export interface Candidate {
  story: number;
  facet: number;
  headLength: number;
  /** Where the term may start (ascending); certain when `verified`. A one-character term: its first occurrence. */
  starts: number[];
  /** Every word of the term had postings, so `starts` are exactly its occurrences. */
  verified: boolean;
}

/**
 * The lexicon's answer for one term, given the buckets holding its words (pure: the caller
 * fetches); for `byline`, its occurrences inside bylines and credits. With every word rare, the occurrences are where the words stand in a row (exact);
 * with some common, the rarest word's stories are candidates, to be checked against the text.
 */
export function lookupTerm(term: string, bucketOfWord: (word: string) => Bucket, field: SearchField = 'all'): TermLookup {
  const words = termWords(term, field);
  const entries = words.map((word) => bucketOfWord(word)[word]);
  if (entries.some((entry) => entry === undefined || entry === 0)) return { kind: 'none' };
  const rare = entries.flatMap((entry, offset) => (Array.isArray(entry) ? [{ offset, postings: entry }] : []));
  if (rare.length === 0) {
    const routes = entries.flatMap((entry) => (typeof entry === 'object' && !Array.isArray(entry) ? [entry.shards] : []));
    return { kind: 'common', shards: routes.length ? intersect(routes) : undefined };
  }
  if (Array.from(term).length === 1) {
    const stories = new Map<number, Candidate>();
    for (const [story, facet, headLength, first] of rare[0]!.postings as [number, number, number, number][]) {
      stories.set(story, { story, facet, headLength, starts: [first], verified: true });
    }
    return { kind: 'rare', stories };
  }
  const verified = rare.length === words.length;
  rare.sort((a, b) => a.postings.length - b.postings.length);
  // Positions of the other rare words, story by story, to check the rarest word's against.
  const others = rare.slice(1).map(({ offset, postings }) => ({ offset, at: new Map(postings.map((p) => [p[0]!, new Set(p.slice(3))])) }));
  const stories = new Map<number, Candidate>();
  const { offset, postings } = rare[0]!;
  for (const posting of postings) {
    const [story, facet, headLength] = posting as [number, number, number];
    const starts: number[] = [];
    for (const position of posting.slice(3)) {
      const start = position - offset;
      if (start >= 0 && others.every((other) => other.at.get(story)?.has(start + other.offset))) starts.push(start);
    }
    if (starts.length) stories.set(story, { story, facet, headLength, starts, verified });
  }
  return { kind: 'rare', stories };
}
