/**
 * The indexer's folding, search record and shard lexicon as they were written first (main 60f2ec3:
 * src/search/core/fold.ts createFold, src/search/core/record.ts searchRecord,
 * src/search/build/lexicon.ts ShardLexicon.add), kept plain and slow on purpose: the tuned code
 * must produce exactly what these produce (tests/unit/search-index-reference.test.ts).
 */
import { fieldWord, PREFIXED_FIELDS, usesTextWords, type SearchField } from '../../src/search/core/fields.ts';
import type { Posting } from '../../src/search/core/lexicon.ts';

const WINDOW = 8;
const HEAD_POSITIONS = 128;
const HEAD_CHAR_POSITIONS = 64;
const TEXT_START = HEAD_POSITIONS + HEAD_CHAR_POSITIONS;
const END = '0000';
const NUMBER_CHAR = /^[0-9.,]$/;
const NUMBER_KEY_MAX = 16;

const INVISIBLE = /^[\p{Cc}\p{Cf}]$/u;

export interface ReferenceFold {
  char(ch: string): string;
  chars(text: string): string[];
  withOrigins(text: string): { chars: string[]; origin: number[] };
}

const kept = (f: string, out: readonly string[]): boolean =>
  f !== '' && !(f === ' ' && (out.length === 0 || out[out.length - 1] === ' '));

export function referenceFold(table: ReadonlyMap<string, string>): ReferenceFold {
  const char = (ch: string): string => {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x3040 && cp < 0xa000) return table.get(ch) ?? ch;
    const simplified = table.get(ch);
    if (simplified !== undefined) return simplified;
    if (cp === 0xfeff) return '';
    if (/^\s$/u.test(ch) || cp === 0x3000) return ' ';
    if (INVISIBLE.test(ch)) return '';
    const ascii = cp >= 0xff01 && cp <= 0xff5e ? String.fromCodePoint(cp - 0xfee0) : ch;
    const lower = ascii.toLowerCase();
    return Array.from(lower).length === 1 ? lower : ascii;
  };
  return {
    char,
    chars(text) {
      const out: string[] = [];
      for (const ch of text) {
        const f = char(ch);
        if (kept(f, out)) out.push(f);
      }
      if (out[out.length - 1] === ' ') out.pop();
      return out;
    },
    withOrigins(text) {
      const folded: string[] = [];
      const origin: number[] = [];
      let i = 0;
      for (const ch of text) {
        const f = char(ch);
        if (kept(f, folded)) {
          folded.push(f);
          origin.push(i);
        }
        i++;
      }
      return { chars: folded, origin };
    },
  };
}

const encodeChar = (ch: string): string => ch.codePointAt(0)!.toString(36).padStart(4, '0');

function bigramWords(chars: readonly string[]): string[] {
  const codes = chars.map(encodeChar);
  return codes.map((code, i) => code + (codes[i + 1] ?? END));
}

const distinctCharWords = (chars: readonly string[]): string[] =>
  [...new Set(chars.filter((c) => c !== ' '))].map(encodeChar);

export interface ReferenceRecord {
  words: (string | undefined)[];
  bodyPosition: number;
  chars: string[];
  bigrams: string[];
  headLength: number;
  bodyStart: number;
  bylineRuns: [number, number][];
}

export function referenceRecord(
  story: { head: string; body: string; bylines?: readonly (readonly [number, number])[] },
  fold: ReferenceFold,
): ReferenceRecord {
  const head = fold.chars(story.head);
  const all = fold.chars(`${story.head}\n${story.body}`);
  const headWords = bigramWords(head.slice(0, HEAD_POSITIONS - 1));
  const headChars = distinctCharWords(head).slice(0, HEAD_CHAR_POSITIONS);
  const allChars = distinctCharWords(all);
  const padded = (words: string[], n: number): (string | undefined)[] => [
    ...words,
    ...Array<undefined>(n - words.length).fill(undefined),
  ];
  const body = fold.withOrigins(story.body);
  if (body.chars[body.chars.length - 1] === ' ') body.chars.pop();
  const bodyStart = all.length - body.chars.length;
  const bigrams = bigramWords(all);
  const bylineRuns = story.bylines?.length
    ? foldedRuns(body, story.bylines).map(([s, e]): [number, number] => [bodyStart + s, bodyStart + e])
    : [];
  const fieldWords: (string | undefined)[] = [];
  for (const field of PREFIXED_FIELDS) {
    const distinct = [...new Set(bylineRuns.flatMap(([s, e]) => all.slice(s, e)).filter((c) => c !== ' '))];
    fieldWords.push(...distinct.map((c) => fieldWord(field, encodeChar(c))));
    for (const [s, e] of bylineRuns)
      fieldWords.push(...bigrams.slice(s, e - 1).map((word) => fieldWord(field, word)), undefined);
  }
  return {
    words: [
      ...padded(headWords, HEAD_POSITIONS),
      ...padded(headChars, HEAD_CHAR_POSITIONS),
      ...allChars,
      ...bigrams,
      ...fieldWords,
    ],
    bodyPosition: TEXT_START + allChars.length + bodyStart,
    chars: all,
    bigrams,
    headLength: head.length,
    bodyStart,
    bylineRuns,
  };
}

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
    while (s < e && chars[s] === ' ') s++;
    from = e;
    while (e > s && chars[e - 1] === ' ') e--;
    if (e > s) runs.push([s, e]);
  }
  return runs;
}

function numberKeys(chars: readonly string[]): { word: string; at: number; length: number }[] {
  const numberKey = (kind: string, cs: readonly string[]): string => kind + cs.map(encodeChar).join('');
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
  const keys: { word: string; at: number; length: number }[] = [];
  for (const [start, end] of runs) {
    for (let length = 2; length <= Math.min(end - start, NUMBER_KEY_MAX); length++) {
      keys.push({ word: numberKey('p', chars.slice(start, start + length)), at: start, length });
      keys.push({ word: numberKey('s', chars.slice(end - length, end)), at: end - length, length });
    }
  }
  return keys;
}

const windowAt = (chars: readonly string[], position: number, span: number): string =>
  chars.slice(Math.max(0, position - WINDOW), position + span + WINDOW).join('');

export class ReferenceShardLexicon {
  readonly words = new Map<string, [number, Posting[] | null]>();
  readonly rareLimit: number;
  constructor(rareLimit: number) {
    this.rareLimit = rareLimit;
  }

  add(
    story: number,
    facet: number,
    {
      chars,
      bigrams,
      headLength,
      bylineRuns,
    }: Pick<ReferenceRecord, 'chars' | 'bigrams' | 'headLength' | 'bylineRuns'>,
  ): void {
    const here = new Map<string, number[]>();
    const spans = new Map<string, number>();
    const put = (word: string, position: number, span: number, every: boolean) => {
      const at = here.get(word);
      if (at) {
        if (every) at.push(position);
        return;
      }
      here.set(word, [position]);
      if (span) spans.set(word, span);
    };
    const words = (start: number, end: number, field: SearchField) => {
      const span = usesTextWords(field) ? 2 : 0;
      for (let i = start; i < end; i++) {
        const ch = chars[i]!;
        if (ch !== ' ') put(fieldWord(field, encodeChar(ch)), i, 0, false);
        if (i === end - 1) return;
        put(fieldWord(field, bigrams[i]!), i, span, true);
      }
    };
    words(0, chars.length, 'all');
    for (const field of PREFIXED_FIELDS) for (const [start, end] of bylineRuns) words(start, end, field);
    for (const key of numberKeys(chars)) put(key.word, key.at, key.length, true);
    for (const [word, positions] of here) {
      let entry = this.words.get(word);
      if (!entry) this.words.set(word, (entry = [0, []]));
      entry[0]++;
      if (entry[1] && entry[0] > this.rareLimit) entry[1] = null;
      if (!entry[1]) continue;
      const span = spans.get(word);
      entry[1].push([
        story,
        facet,
        headLength,
        span ? positions.map((p) => windowAt(chars, p, span)) : [],
        ...positions,
      ]);
    }
  }

  toJSON(): Record<string, [number, Posting[] | null]> {
    return Object.fromEntries(this.words);
  }
}
