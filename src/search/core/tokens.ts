/**
 * Exact (Ctrl+F-like) search: the one place that decides how text becomes index words and how a
 * query becomes Pagefind searches. The indexer (src/search/build/) and the search page's
 * browser code both import this module, so the two sides can never fold or split text differently.
 *
 * Why not Pagefind's own words: Pagefind prefix-matches query words (高新区域 finds 高新区), strips
 * punctuation on one side only (3+4+2 indexed as 342) and segments Chinese by its own dictionary.
 * Here every character of the folded text is one position, and the word at a position is the
 * bigram (that character, the next one) spelled as 8 base-36 digits (4 per code point). Every
 * word is the same length and pure [0-9a-z], so Pagefind never strips, stems, splits or prefix-
 * extends it. A term of n ≥ 2 characters is the exact phrase of its n−1 bigrams (consecutive
 * positions, exact words): it matches exactly where the term occurs as a substring.
 */

import { excerptWindow, type ExcerptCut } from './excerpt.ts';

/** Positions 0 … HEAD_POSITIONS−1 hold the bigrams of kicker + headline (padded). */
export const HEAD_POSITIONS = 128;
/** The next positions hold each distinct character of kicker + headline once, as a 4-digit word. */
export const HEAD_CHAR_POSITIONS = 64;
/** Positions before this are the head's copies; from here on, every character of the text once. */
export const TEXT_START = HEAD_POSITIONS + HEAD_CHAR_POSITIONS;
/** A position with no word: Pagefind counts it but indexes nothing. */
const PAD = '.';
/** The "next character" of the last character of a text. */
const END = '0000';
const DIGITS = 4;

/** Control (Cc) and format (Cf) characters: invisible, never part of a match (U+FEFF, U+200B, bidi controls, NUL). */
const INVISIBLE = /^[\p{Cc}\p{Cf}]$/u;

/** Traditional → Simplified (src/search/core/fold-table.ts): none until useFoldTable. */
let folds: ReadonlyMap<string, string> = new Map();
let foldTableInstalled = false;

/**
 * Installs the 繁體 = 简体 fold table (src/search/core/fold-table.ts) for every fold after it: the
 * indexer installs the build's table before it folds a story (searchRecord refuses to run
 * without one); the search page installs the same table, loaded from the build's folder, before
 * it folds a query or a text holding a Traditional character (src/search/client/fold.ts).
 */
export function useFoldTable(table: ReadonlyMap<string, string>): void {
  folds = table;
  foldTableInstalled = true;
}

/** Whether a fold table is installed (the search page loads it only when a search needs it). */
export const hasFoldTable = (): boolean => foldTableInstalled;

/**
 * One character folded the way both sides fold it: a Traditional character of the fold table to
 * its Simplified form (開 → 开), control and format characters to nothing ('') (whitespace
 * controls such as a line break to ' '), full-width ASCII (Ａ１＋) to ASCII, any whitespace
 * (full-width space included) to ' ', then lower case when that stays one character. Always at
 * most one character for one (matchRanges maps folded offsets back to the original's).
 */
export function foldChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  // Fast path for the bulk of the text (indexing calls this for every character): CJK ideographs
  // and kana fold to themselves or, Traditional ones, to their Simplified form: one lookup.
  // (U+3000, the full-width space, is below this range.)
  if (cp >= 0x3040 && cp < 0xa000) return folds.get(ch) ?? ch;
  // Traditional characters outside that range (CJK extensions beyond the BMP).
  const simplified = folds.get(ch);
  if (simplified !== undefined) return simplified;
  // Before the whitespace test: JavaScript's \s counts U+FEFF (a format character) as a space.
  if (cp === 0xfeff) return '';
  if (/^\s$/u.test(ch) || cp === 0x3000) return ' ';
  if (INVISIBLE.test(ch)) return '';
  const ascii = cp >= 0xff01 && cp <= 0xff5e ? String.fromCodePoint(cp - 0xfee0) : ch;
  const lower = ascii.toLowerCase();
  return Array.from(lower).length === 1 ? lower : ascii;
}

/**
 * Text folded for matching: every character folded (invisible ones dropped), runs of whitespace
 * as one space, trimmed. What the index holds and what a query is compared with; the result is a
 * list of code points.
 */
export function foldChars(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) {
    const f = foldChar(ch);
    if (kept(f, out)) out.push(f);
  }
  if (out[out.length - 1] === ' ') out.pop();
  return out;
}

/** Whether folded character `f` joins the folded text `out`: not invisible, and not a second space in a row nor a leading one. */
const kept = (f: string, out: readonly string[]): boolean => f !== '' && !(f === ' ' && (out.length === 0 || out[out.length - 1] === ' '));

export const foldText = (text: string): string => foldChars(text).join('');

/**
 * Text folded as foldChars folds it (without the final trim), with the original code-point offset
 * of each folded character: how a match in folded text is found again in the text as written.
 */
export function foldWithOrigins(text: string): { chars: string[]; origin: number[] } {
  const chars: string[] = [];
  const origin: number[] = [];
  Array.from(text).forEach((ch, i) => {
    const f = foldChar(ch);
    if (!kept(f, chars)) return;
    chars.push(f);
    origin.push(i);
  });
  return { chars, origin };
}

/** What a search looks in: all of a story's text, kicker + headline + subhead, or bylines and photo credits. */
export type SearchField = 'all' | 'title' | 'byline';
export const SEARCH_FIELDS: readonly SearchField[] = ['all', 'title', 'byline'];

/**
 * The words of bylines and photo credits are indexed a second time under their own spelling, this
 * letter + the word (`y` + 8 digits, `y` + 4 for a character): a search limited to bylines asks for
 * these, in Pagefind and in the lexicon alike. No word of the text starts with it (base-36 digits
 * of a code point start with 0 … n).
 */
const FIELD_PREFIX: Record<SearchField, string> = { all: '', title: '', byline: 'y' };
export const fieldWord = (field: SearchField, word: string): string => FIELD_PREFIX[field] + word;

const encoded = new Map<string, string>();
/** A code point as 4 base-36 digits ('0' … 'zzzz' covers all of Unicode); remembered, as texts repeat characters. */
export function encodeChar(ch: string): string {
  let word = encoded.get(ch);
  if (word === undefined) encoded.set(ch, (word = ch.codePointAt(0)!.toString(36).padStart(DIGITS, '0')));
  return word;
}

/** The bigram word of characters a, b (b undefined: a ends the text). */
export const bigramWord = (a: string, b: string | undefined): string => encodeChar(a) + (b === undefined ? END : encodeChar(b));

/** One word per character of already folded text: the bigram starting there. */
export function bigramWords(chars: readonly string[]): string[] {
  return chars.map((ch, i) => bigramWord(ch, chars[i + 1]));
}

/** Each distinct character once, as a 4-digit word (a one-character term is that exact word). */
function distinctCharWords(chars: readonly string[]): string[] {
  return [...new Set(chars.filter((c) => c !== ' '))].map(encodeChar);
}

export interface SearchableStory {
  /** Kicker and headline (and subhead), the lines a hit in ranks first. */
  head: string;
  /** Everything else a reader can search: captions, body paragraphs, bylines. */
  body: string;
  /** Where bylines and photo credits stand in `body`: [start, end) in code points. */
  bylines?: readonly (readonly [number, number])[];
}

/** What the indexer gives Pagefind for one story, and where the body starts in it. */
export interface SearchRecord {
  /**
   * The content string Pagefind indexes (words separated by spaces):
   * 1. positions [0, 128): bigrams of the head (cut at 127 characters), padded;
   * 2. positions [128, 192): distinct head characters, padded;
   * 3. distinct characters of head and body;
   * 4. bigrams of head + body (the head again, so a long headline is matched in full);
   * 5. bylines and credits again as byline words (fieldWord): each distinct character, then the
   *    bigrams of each run (a run's last character's bigram left out, a gap after each).
   * A match at a position below 128 (phrase) or 192 (one character) is a hit in kicker or headline.
   */
  content: string;
  /**
   * The position of the bigram that starts the body's folded text: a hit at position p ≥ this
   * starts p − bodyPosition characters into the folded body, which is at most where it starts in
   * the body as written (folding only merges runs of whitespace).
   */
  bodyPosition: number;
  /** The story's folded text, head + '\n' + body: the lexicon's positions count these (src/search/core/lexicon.ts). */
  chars: string[];
  /** The bigram word at each position of `chars` (the last one's ends the text). */
  bigrams: string[];
  /** How many of `chars` are the head's. */
  headLength: number;
  /** Where the body starts in `chars`. */
  bodyStart: number;
  /** Where bylines and credits stand in `chars`: [start, end), ascending. */
  bylineRuns: [number, number][];
}

/** The story's search record, folded and encoded once (the indexer calls this for every story). */
export function searchRecord(story: SearchableStory): SearchRecord {
  // An index folded without the table would miss every Traditional text: never silently.
  if (!foldTableInstalled) throw new Error('searchRecord: no fold table installed (useFoldTable)');
  const head = foldChars(story.head);
  const all = foldChars(`${story.head}\n${story.body}`);
  const headWords = bigramWords(head.slice(0, HEAD_POSITIONS - 1));
  const headChars = distinctCharWords(head).slice(0, HEAD_CHAR_POSITIONS);
  const allChars = distinctCharWords(all);
  const pad = (words: string[], n: number) => [...words, ...Array<string>(n - words.length).fill(PAD)];
  // The body folded once: its length places it in `all`, its origins place the bylines.
  const body = foldWithOrigins(story.body);
  if (body.chars[body.chars.length - 1] === ' ') body.chars.pop();
  const bodyStart = all.length - body.chars.length;
  const bigrams = bigramWords(all);
  const bylineRuns = story.bylines?.length ? foldedRuns(body, story.bylines).map(([s, e]): [number, number] => [bodyStart + s, bodyStart + e]) : [];
  const bylineWords = [...new Set(bylineRuns.flatMap(([s, e]) => all.slice(s, e)).filter((c) => c !== ' '))].map((c) => fieldWord('byline', encodeChar(c)));
  for (const [s, e] of bylineRuns) bylineWords.push(...bigrams.slice(s, e - 1).map((word) => fieldWord('byline', word)), PAD);
  return {
    content: [...pad(headWords, HEAD_POSITIONS), ...pad(headChars, HEAD_CHAR_POSITIONS), ...allChars, ...bigrams, ...bylineWords].join(' '),
    bodyPosition: TEXT_START + allChars.length + bodyStart,
    chars: all,
    bigrams,
    headLength: head.length,
    bodyStart,
    bylineRuns,
  };
}

/** Code-point ranges (ascending) of a text as runs of its folded characters, `folded` (trimmed foldWithOrigins): [start, end) in foldChars(text). */
function foldedRuns({ chars, origin }: { chars: readonly string[]; origin: readonly number[] }, ranges: readonly (readonly [number, number])[]): [number, number][] {
  const runs: [number, number][] = [];
  let from = 0;
  for (const [start, end] of ranges) {
    let s = from;
    while (s < chars.length && origin[s]! < start) s++;
    let e = s;
    while (e < chars.length && origin[e]! < end) e++;
    // A run never starts or ends with the space that folding made of a line break.
    while (s < e && chars[s] === ' ') s++;
    from = e;
    while (e > s && chars[e - 1] === ' ') e--;
    if (e > s) runs.push([s, e]);
  }
  return runs;
}

/**
 * A word that no search can match, to end a record with: `z` + hex. Every encoded character
 * starts with a base-36 digit from 0 to n (U+10FFFF is "nvnj"), so no query word, exact or as a
 * prefix, reaches it. The indexer uses it to make Pagefind's fragment name depend on what
 * the fragment will carry (src/search/build/shard.ts).
 */
export const versionWord = (hex: string): string => `z${hex}`;

/**
 * The longest query searched, in characters as folded (invisible ones not counted, a run of
 * spaces as one). The longest query of the acceptance lists has 9; a pasted paragraph is not a
 * search, and cutting it off keeps a paste of 100,000 characters from holding up the page.
 */
export const MAX_QUERY_CHARS = 200;

/** How many characters a query has as searched (see MAX_QUERY_CHARS). */
export const queryLength = (query: string): number => foldChars(query).length;

/** Whether a query is longer than the search takes. */
export const queryTooLong = (query: string): boolean => queryLength(query) > MAX_QUERY_CHARS;

/**
 * Terms of a query, folded: separated by spaces (ASCII or full-width); text in "…" or “…” is one
 * term, spaces and all. Duplicates dropped. Quote marks themselves are never part of a term, and
 * a term of invisible characters alone is no term.
 */
export function parseQuery(query: string): string[] {
  const terms = new Set<string>();
  // U+FEFF is in \s: left out of the separators, it is dropped inside its term by folding.
  const re = /"([^"]*)"?|“([^”]*)”?|[^\s\u3000"“”]+/gu;
  for (const m of query.replaceAll('\ufeff', '').matchAll(re)) {
    const term = foldText(m[1] ?? m[2] ?? m[0]);
    if (term) terms.add(term);
  }
  return [...terms];
}

/** How one term is looked up in Pagefind. */
export interface TermQuery {
  /** The Pagefind query string: always a quoted (exact) phrase. */
  query: string;
  /** 'char': one character, found as its own word; 'phrase': the bigrams of a longer term. */
  kind: 'char' | 'phrase';
  /** The words of the phrase, in order. */
  words: string[];
  /** A match position below this is in kicker or headline. */
  headLimit: number;
}

export function termQuery(term: string, field: SearchField = 'all'): TermQuery {
  const chars = Array.from(term);
  if (chars.length === 1) {
    const word = fieldWord(field, encodeChar(chars[0]!));
    return { query: `"${word}"`, kind: 'char', words: [word], headLimit: HEAD_POSITIONS + HEAD_CHAR_POSITIONS };
  }
  const words = chars.slice(0, -1).map((ch, i) => fieldWord(field, bigramWord(ch, chars[i + 1])));
  return { query: `"${words.join(' ')}"`, kind: 'phrase', words, headLimit: HEAD_POSITIONS };
}

/**
 * Where a phrase occurs, from the positions a plain (non-phrase) search of its words returns:
 * starts of runs of `length` consecutive positions, ascending.
 */
export function runStarts(positions: readonly number[], length: number): number[] {
  const set = new Set(positions);
  const starts: number[] = [];
  for (const p of set) {
    let j = 1;
    while (j < length && set.has(p + j)) j++;
    if (j === length) starts.push(p);
  }
  return starts.sort((a, b) => a - b);
}

/** How many times a phrase occurs (see runStarts). Used for ranking. */
export const countRuns = (positions: readonly number[], length: number): number => runStarts(positions, length).length;

/** Whether folded `text` contains every term: the definition of a match, used to re-check hits. */
export function containsAll(text: string, terms: readonly string[]): boolean {
  const folded = foldText(text);
  return terms.every((t) => folded.includes(t));
}

/** A piece of an excerpt: plain text, or a matched term to mark. */
export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * Where the terms occur in `text`, as [start, end) code-point ranges of the ORIGINAL text,
 * merged when they overlap. Folding keeps one output character per input character except for
 * whitespace runs, so a map from folded to original offsets is kept.
 */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const { chars: folded, origin } = foldWithOrigins(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    const t = Array.from(term);
    for (let i = 0; i + t.length <= folded.length; i++) {
      let k = 0;
      while (k < t.length && folded[i + k] === t[k]) k++;
      if (k === t.length) ranges.push([origin[i]!, origin[i + t.length - 1]! + 1]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Text split into plain and marked segments (every occurrence of every term marked whole). */
export function markTerms(text: string, terms: readonly string[]): Segment[] {
  return segmentsOf(Array.from(text), matchRanges(text, terms), 0, Array.from(text).length);
}

function segmentsOf(chars: string[], ranges: [number, number][], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let at = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    const start = Math.max(s, from);
    const end = Math.min(e, to);
    if (start > at) out.push({ text: chars.slice(at, start).join(''), mark: false });
    out.push({ text: chars.slice(start, end).join(''), mark: true });
    at = end;
  }
  if (at < to) out.push({ text: chars.slice(at, to).join(''), mark: false });
  return out;
}

/**
 * An excerpt of about `width` characters around the first hit of any term, hits marked whole, cut
 * at clause boundaries (src/search/core/excerpt.ts). Without a hit (the terms are only in the
 * headline) the text's opening. `cut`: `text` is a piece of the story's text, which goes on before
 * it (start) or after it (end). "…" marks where the story goes on.
 */
export function excerpt(text: string, terms: readonly string[], width = 80, cut: ExcerptCut = {}): Segment[] {
  const chars = Array.from(text);
  const ranges = matchRanges(text, terms);
  const cutAt = excerptWindow(chars, ranges[0], width, cut);
  // Trimmed: a window may end with a paragraph's line break.
  let { start, end } = cutAt;
  while (start < end && /\s/u.test(chars[start]!)) start++;
  while (end > start && /\s/u.test(chars[end - 1]!)) end--;
  const segments = segmentsOf(chars, ranges, start, end);
  if (cutAt.start > 0 || cut.start) segments.unshift({ text: '…', mark: false });
  if (cutAt.end < chars.length || cut.end) segments.push({ text: '…', mark: false });
  return segments;
}

/** The text a result link asks the story page to highlight: the first term found in `text`. */
export function firstHit(text: string, terms: readonly string[]): string | undefined {
  const first = matchRanges(text, terms)[0];
  return first ? Array.from(text).slice(first[0], first[1]).join('') : undefined;
}

/** Order of results: more terms in kicker/headline, then more occurrences, then newer. */
export interface RankKeys {
  headHits: number;
  frequency: number;
  /** Larger is newer. */
  recency: number;
}

export const byRelevance = (a: RankKeys, b: RankKeys): number =>
  b.headHits - a.headHits || b.frequency - a.frequency || b.recency - a.recency;

export const byNewest = (a: RankKeys, b: RankKeys): number => b.recency - a.recency;

/**
 * What a result shows, stored with each story in the index (Pagefind's fragment `meta`), so the
 * search page needs no other request. Written by the indexer, read by the search page.
 */
export interface SearchResultMeta {
  /** storyPath(slug) */
  url: string;
  kicker: string;
  headline: string;
  subhead: string;
  /** 2025年10月3日 or 2025年10月 */
  date: string;
  /** 2025-10-03 or 2025-10, for <time datetime> */
  datetime: string;
  /** Section label, e.g. 开发区 */
  section: string;
  /** 晋中市 · 灵石县 */
  place: string;
  /** The story's text after the fragment's first part: `parts` more parts named by `textId` (src/search/core/text-parts.ts). */
  textId: string;
  parts: number;
  /** The story's SearchRecord.bodyPosition: tells which part a hit's index position falls in. */
  bodyPosition: number;
  /** The story's number in the archive's order (newest first, from 0). */
  story: number;
  /** Where the body starts in the lexicon's positions (src/search/core/lexicon.ts): a lexicon position p is index position p − bodyStart + bodyPosition. */
  bodyStart: number;
  /** Where bylines and photo credits stand in the text (opening + parts): [start, end) in code points. */
  bylines: [number, number][];
  /** The story's text holds a Traditional character of the fold table: the page installs the table before marking it. Absent otherwise. */
  folds?: true;
}

/** The head text of a result (matched and marked like the body). */
export const headText = (meta: Pick<SearchResultMeta, 'kicker' | 'headline' | 'subhead'>): string =>
  [meta.kicker, meta.headline, meta.subhead].filter(Boolean).join('\n');
