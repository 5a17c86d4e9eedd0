/**
 * The lexicon: the archive's own index of rare words, beside Pagefind. Pagefind keeps common
 * terms and ranking; a term with a rare word never touches it.
 *
 * A word is what ./record.ts makes of the text: the bigram at each position of the
 * folded text (8 base-36 digits) and each distinct character (4 digits). Every word of the
 * archive is listed in exactly one bucket, a small file chosen by a hash of the word:
 * - a word in at most `rareLimit` stories with its postings: for each story (archive order,
 *   newest first), the story's number, its filter values, the length of its head, and where the
 *   word occurs (every position for a bigram, the first for a character), with the text around
 *   each occurrence (its window): a term holding a rare bigram is decided from its postings alone,
 *   even when its other words are common (丰丰 in 80 stories settles 丰丰研究院 in 5);
 * - a more common word with its story count (the search asks Pagefind) and, when it is in at
 *   most half of Pagefind's shards, the shards it is in: a term is searched only in the shards
 *   that hold all its words (a routing index: a medium word costs the shards that hold it);
 * - a word in no bucket is in no story: a term holding it matches nothing, for one small file.
 * Besides bigrams and characters, number keys: each run of digits (with , and .) is listed under
 * its prefixes and suffixes, so a rare amount made of common bigrams (1,014万元) is found by the
 * run its occurrences must end or begin with (termKeys).
 * So a search of a rare name costs its buckets and its results, not a shard's metadata per hit.
 *
 * Positions count characters of the story's folded text, head + '\n' + body (foldChars of it),
 * so a term at position p of length n lies in the head when p + n ≤ headLength.
 * The words of bylines and credits are listed again as byline words (./fields.ts fieldWord), with
 * the positions where they stand inside a byline or credit (and no windows): a search limited to bylines.
 * Written by src/search/build/lexicon.ts, read by src/search/client/lexicon-search.ts.
 */
import { DEFAULT_FIELD, fieldWord, usesTextWords, type SearchField } from './fields.ts';
import { bigramWord, encodeChar } from './record.ts';

/** Characters of folded text a window keeps on each side of an occurrence. */
export const WINDOW = 8;

/**
 * One story in a rare word's postings: its number, filter values, head length, the window of each
 * occurrence (the folded text from WINDOW characters before it to WINDOW after it, cut at the
 * text's ends; none for characters and byline words), and the occurrences' positions.
 */
export type Posting = [story: number, facet: number, headLength: number, windows: string[], ...positions: number[]];

/** A common word in few shards: its story count and the shards holding it (ascending, indexes in the manifest's list). */
export interface Routed {
  stories: number;
  shards: number[];
}

/** A bucket file: word → story count (common word), count and shards (common word in few shards) or postings (rare word), stories ascending. */
export type Bucket = Record<string, number | Routed | Posting[]>;

/** One Pagefind shard, as listed in the manifest (newest first). */
export interface ShardInfo {
  /** The shard's name (the browser adapter, src/search/client/pagefind.ts, opens it by name). */
  name: string;
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
  /** The characters the 繁體 = 简体 fold table folds (src/search/core/fold.ts foldableList): a query holding none needs no table. */
  foldable: string;
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
export function termWords(term: string, field: SearchField = DEFAULT_FIELD): string[] {
  const chars = Array.from(term);
  if (chars.length === 1) return [fieldWord(field, encodeChar(chars[0]!))];
  return chars.slice(0, -1).map((ch, i) => fieldWord(field, bigramWord(ch, chars[i + 1])));
}

/** A word of the lexicon in a text or a term: where it starts and how many characters it spans. */
export interface WordAt {
  word: string;
  at: number;
  length: number;
}

/** Characters of a number run: digits and the separators inside numbers (1,014  12.5). */
const NUMBER_CHAR = /^[0-9.,]$/;
/** The longest number key: a longer run is listed under its first and last NUMBER_KEY_MAX characters. */
export const NUMBER_KEY_MAX = 16;
const PREFIX = 'p';
const SUFFIX = 's';
/** A number key: p or s (letters no encoded character starts with, see ./fields.ts) + the characters. */
const numberKey = (kind: string, chars: readonly string[]): string => kind + chars.map(encodeChar).join('');

/** The runs [start, end) of number characters holding a digit. */
function numberRuns(chars: readonly string[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < chars.length;) {
    if (!NUMBER_CHAR.test(chars[i]!)) {
      i++;
      continue;
    }
    const start = i;
    while (i < chars.length && NUMBER_CHAR.test(chars[i]!)) i++;
    if (chars.slice(start, i).some((ch) => ch >= '0' && ch <= '9')) runs.push([start, i]);
  }
  return runs;
}

/** The number keys of a folded text: each run's prefixes and suffixes of 2 … NUMBER_KEY_MAX characters. */
export function numberKeys(chars: readonly string[]): WordAt[] {
  const keys: WordAt[] = [];
  for (const [start, end] of numberRuns(chars)) {
    for (let length = 2; length <= Math.min(end - start, NUMBER_KEY_MAX); length++) {
      keys.push({ word: numberKey(PREFIX, chars.slice(start, start + length)), at: start, length });
      keys.push({ word: numberKey(SUFFIX, chars.slice(end - length, end)), at: end - length, length });
    }
  }
  return keys;
}

/**
 * The words every occurrence of `term` has in the text, at their offsets in the term: its bigrams
 * (or its character), and for a whole-text search the number keys its runs imply. A run the term
 * starts with and goes on after ends a run of the text (a suffix key: 1,014万元 in 21,014万元);
 * one it ends with begins one (a prefix key); one inside is a whole run (a suffix key too). A term
 * that is one run has none (it may sit anywhere inside a longer one). So a word of these in no
 * bucket means no story holds the term.
 */
export function termKeys(term: string, field: SearchField = DEFAULT_FIELD): WordAt[] {
  const chars = Array.from(term);
  const words = termWords(term, field).map((word, at) => ({ word, at, length: Math.min(2, chars.length) }));
  // Number keys stand in the text (a title search keeps those in the head); a field of its own words has none.
  if (!usesTextWords(field)) return words;
  for (const [start, end] of numberRuns(chars)) {
    if (start === 0 && end === chars.length) continue;
    const length = Math.min(end - start, NUMBER_KEY_MAX);
    if (length < 2) continue;
    const key = end === chars.length ? { kind: PREFIX, at: start } : { kind: SUFFIX, at: end - length };
    words.push({ word: numberKey(key.kind, chars.slice(key.at, key.at + length)), at: key.at, length });
  }
  return words;
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
  /** Where the term may start (ascending); exact when `verified`. A one-character term: its first occurrence. */
  starts: number[];
  /** The postings settled every start (rare words covering the term, or windows), so `starts` are exactly its occurrences. */
  verified: boolean;
}

/**
 * Whether the occurrence at `position` of word `key` of `term` is an occurrence of the term, read
 * from its window; undefined when the term reaches past the window (or there is none).
 */
function windowHolds(
  term: readonly string[],
  key: WordAt,
  position: number,
  window: string | undefined,
): boolean | undefined {
  if (window === undefined) return undefined;
  const text = Array.from(window);
  const before = Math.min(WINDOW, position);
  const after = text.length - before - key.length;
  // A window shorter than WINDOW on a side was cut by the text's end: the term cannot reach past it.
  if (key.at > before) return before < WINDOW ? false : undefined;
  if (term.length - key.at - key.length > after) return after < WINDOW ? false : undefined;
  const from = before - key.at;
  return term.every((ch, i) => text[from + i] === ch);
}

/**
 * The lexicon's answer for one term, given the buckets holding its words (pure: the caller
 * fetches); for `byline`, its occurrences inside bylines and credits. The rarest word's occurrences,
 * kept where the other rare words stand at their offsets, are the term's possible starts; each is
 * certain when the rare words cover the whole term, or decided by its window. A start the window
 * cannot decide (a long term) leaves the story a candidate, to be checked against the text.
 */
export function lookupTerm(
  term: string,
  bucketOfWord: (word: string) => Bucket,
  field: SearchField = DEFAULT_FIELD,
): TermLookup {
  const chars = Array.from(term);
  const keys = termKeys(term, field);
  const entries = keys.map((key) => bucketOfWord(key.word)[key.word]);
  if (entries.some((entry) => entry === undefined || entry === 0)) return { kind: 'none' };
  const rare = keys.flatMap((key, i) =>
    Array.isArray(entries[i]) ? [{ key, postings: entries[i] as Posting[] }] : [],
  );
  if (rare.length === 0) {
    const routes = entries.flatMap((entry) =>
      typeof entry === 'object' && !Array.isArray(entry) ? [entry.shards] : [],
    );
    return { kind: 'common', shards: routes.length ? intersect(routes) : undefined };
  }
  if (chars.length === 1) {
    const stories = new Map<number, Candidate>();
    for (const [story, facet, headLength, , first] of rare[0]!.postings) {
      stories.set(story, { story, facet, headLength, starts: [first!], verified: true });
    }
    return { kind: 'rare', stories };
  }
  // Every bigram of the term inside a rare word: where they stand in a row is exact.
  const covered = new Set(rare.flatMap(({ key }) => Array.from({ length: key.length - 1 }, (_, i) => key.at + i)));
  const exact = covered.size === chars.length - 1;
  rare.sort((a, b) => a.postings.length - b.postings.length);
  // Positions of the other rare words, story by story, to check the rarest word's against.
  const others = rare.slice(1).map(({ key, postings }) => ({
    at: key.at,
    positions: new Map(postings.map(([story, , , , ...positions]) => [story, new Set(positions)])),
  }));
  const stories = new Map<number, Candidate>();
  const { key, postings } = rare[0]!;
  for (const [story, facet, headLength, windows, ...positions] of postings) {
    const certain: number[] = [];
    const possible: number[] = [];
    positions.forEach((position, k) => {
      const start = position - key.at;
      if (start < 0 || !others.every((other) => other.positions.get(story)?.has(start + other.at))) return;
      const holds = exact || windowHolds(chars, key, position, windows[k]);
      if (holds === true) certain.push(start);
      else if (holds === undefined) possible.push(start);
    });
    if (possible.length)
      stories.set(story, {
        story,
        facet,
        headLength,
        starts: [...certain, ...possible].sort((a, b) => a - b),
        verified: false,
      });
    else if (certain.length) stories.set(story, { story, facet, headLength, starts: certain, verified: true });
  }
  return { kind: 'rare', stories };
}
