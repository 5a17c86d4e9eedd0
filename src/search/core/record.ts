/**
 * The record layout: how a story's folded text becomes index words and positions, and how a term
 * becomes the words to look up. The indexer (src/search/build/) and the search page both import
 * this module, so the two sides can never split text differently.
 *
 * Every character of the folded text is one position, and the word at a position is the bigram
 * (that character, the next one) spelled as 8 base-36 digits (4 per code point). Every word has the
 * same length and is pure [0-9a-z], so an engine never strips, stems, splits or prefix-extends it.
 * A term of n ≥ 2 characters is the exact phrase of its n−1 bigrams (consecutive positions, exact
 * words): it matches exactly where the term occurs as a substring. A one-character term is the
 * character's own 4-digit word, listed once a story.
 */
import type { Fold } from './fold.ts';
import { fieldWord, PREFIXED_FIELDS, type SearchField } from './fields.ts';

/** Positions 0 … HEAD_POSITIONS−1 hold the bigrams of kicker + headline (padded). */
export const HEAD_POSITIONS = 128;
/** The next positions hold each distinct character of kicker + headline once, as a 4-digit word. */
const HEAD_CHAR_POSITIONS = 64;
/** Positions before this are the head's copies; from here on, every character of the text once. */
export const TEXT_START = HEAD_POSITIONS + HEAD_CHAR_POSITIONS;
/** The "next character" of the last character of a text. */
const END = '0000';
const DIGITS = 4;

/** Code point `cp` as 4 base-36 digits ('0' … 'zzzz' covers all of Unicode). */
const codeWord = (cp: number): string => cp.toString(36).padStart(DIGITS, '0');

/** A code point as 4 base-36 digits ('0' … 'zzzz' covers all of Unicode). */
export const encodeChar = (ch: string): string => codeWord(ch.codePointAt(0)!);

/** The bigram word of characters a, b (b undefined: a ends the text). */
export const bigramWord = (a: string, b: string | undefined): string =>
  encodeChar(a) + (b === undefined ? END : encodeChar(b));

export interface SearchableStory {
  /** Kicker and headline (and subhead), the lines a hit in ranks first. */
  head: string;
  /** Everything else a reader can search: captions, body paragraphs, bylines. */
  body: string;
  /** Where bylines and photo credits stand in `body`: [start, end) in code points. */
  bylines?: readonly (readonly [number, number])[];
}

/** A story's index words and where its parts stand. */
export interface SearchRecord {
  /**
   * The word at each position (undefined: a position with no word, kept so positions stay put):
   * 1. positions [0, 128): bigrams of the head (cut at 127 characters), padded;
   * 2. positions [128, 192): distinct head characters, padded;
   * 3. distinct characters of head and body;
   * 4. bigrams of head + body (the head again, so a long headline is matched in full);
   * 5. bylines and credits again in each prefixed field's spelling (fieldWord): each distinct
   *    character, then the bigrams of each run (a run's last character's bigram left out, a gap after each).
   * A match at a position below 128 (phrase) or 192 (one character) is a hit in kicker or headline.
   */
  words: (string | undefined)[];
  /**
   * The position of the bigram that starts the body's folded text: a hit at position p ≥ this
   * starts p − bodyPosition characters into the folded body, which is at most where it starts in
   * the body as written (folding only merges runs of whitespace).
   */
  bodyPosition: number;
  /** The story's folded text, head + '\n' + body: the lexicon's positions count these (./lexicon.ts). */
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

/** The story's search record, folded (with the build's fold) and encoded once. */
export function searchRecord(story: SearchableStory, fold: Fold): SearchRecord {
  const head = fold.chars(story.head);
  // The body folded once: its length places it in the text, its origins place the bylines.
  const body = fold.withOrigins(story.body);
  if (body.chars[body.chars.length - 1] === ' ') body.chars.pop();
  // What fold.chars(head + '\n' + body) is: the line break folds to the one space between two
  // non-empty parts (folding drops a leading space, and a space next to another).
  const all =
    head.length && body.chars.length ? head.concat(' ', body.chars) : head.length ? head.slice() : body.chars.slice();
  const bodyStart = all.length - body.chars.length;
  const n = all.length;
  // Each character's 4-digit word (made once per distinct character), then the bigrams; the
  // distinct characters in order of first occurrence.
  const codes = new Array<string>(n);
  const allChars: string[] = [];
  const wordOf = new Map<number, string>();
  let headDistinct = 0;
  for (let i = 0; i < n; i++) {
    if (i === head.length) headDistinct = allChars.length;
    const ch = all[i]!;
    const cp = ch.codePointAt(0)!;
    let code = wordOf.get(cp);
    if (code === undefined) {
      wordOf.set(cp, (code = codeWord(cp)));
      if (ch !== ' ') allChars.push(code);
    }
    codes[i] = code;
  }
  if (n === head.length) headDistinct = allChars.length;
  const bigrams = new Array<string>(n);
  for (let i = 0; i < n; i++) bigrams[i] = codes[i]! + (i + 1 < n ? codes[i + 1]! : END);
  const bylineRuns = story.bylines?.length
    ? foldedRuns(body, story.bylines).map(([s, e]): [number, number] => [bodyStart + s, bodyStart + e])
    : [];

  const words: (string | undefined)[] = [];
  // 1. The head's bigrams (cut at HEAD_POSITIONS − 1 characters, the last one's ending the cut text), padded.
  const headCut = Math.min(head.length, HEAD_POSITIONS - 1);
  for (let i = 0; i < headCut; i++) words.push(i + 1 < headCut ? bigrams[i] : codes[i]! + END);
  while (words.length < HEAD_POSITIONS) words.push(undefined);
  // 2. The head's distinct characters (the first of the text's), padded.
  for (let i = 0; i < Math.min(headDistinct, HEAD_CHAR_POSITIONS); i++) words.push(allChars[i]);
  while (words.length < TEXT_START) words.push(undefined);
  // 3, 4. The text's distinct characters, its bigrams.
  for (const word of allChars) words.push(word);
  for (const word of bigrams) words.push(word);
  // 5. Bylines and credits in each prefixed field's spelling.
  for (const field of PREFIXED_FIELDS) {
    const distinct = [...new Set(bylineRuns.flatMap(([s, e]) => all.slice(s, e)).filter((c) => c !== ' '))];
    for (const c of distinct) words.push(fieldWord(field, encodeChar(c)));
    for (const [s, e] of bylineRuns) {
      for (let i = s; i < e - 1; i++) words.push(fieldWord(field, bigrams[i]!));
      words.push(undefined);
    }
  }
  return {
    words,
    bodyPosition: TEXT_START + allChars.length + bodyStart,
    chars: all,
    bigrams,
    headLength: head.length,
    bodyStart,
    bylineRuns,
  };
}

/** Code-point ranges (ascending) of a text as runs of its folded characters, `folded` (trimmed withOrigins): [start, end) in fold.chars(text). */
function foldedRuns(
  { chars, origin }: { chars: readonly string[]; origin: readonly number[] },
  ranges: readonly (readonly [number, number])[],
): [number, number][] {
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

/** How one term is looked up: as one word, or as the exact phrase of its bigrams. */
export interface TermPhrase {
  /** 'char': one character, found as its own word; 'phrase': the bigrams of a longer term. */
  kind: 'char' | 'phrase';
  /** The words, in order, as the field spells them. */
  words: string[];
  /** A match position below this is in kicker or headline. */
  headLimit: number;
}

export function termPhrase(term: string, field: SearchField): TermPhrase {
  const chars = Array.from(term);
  if (chars.length === 1)
    return { kind: 'char', words: [fieldWord(field, encodeChar(chars[0]!))], headLimit: TEXT_START };
  const words = chars.slice(0, -1).map((ch, i) => fieldWord(field, bigramWord(ch, chars[i + 1])));
  return { kind: 'phrase', words, headLimit: HEAD_POSITIONS };
}

/**
 * Where a phrase occurs, from every position of its words: starts of runs of `length` consecutive
 * positions, ascending.
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
