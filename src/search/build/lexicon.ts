/**
 * Builds the lexicon (src/search/core/lexicon.ts) in two steps that bound memory: each shard
 * process collects its stories' words (ShardLexicon, postings kept only while a word is rare in
 * the shard), and the indexer merges the shards' words and writes the buckets (writeLexicon).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fieldWord, PREFIXED_FIELDS, usesTextWords } from '../core/fields.ts';
import { encodeChar, type SearchRecord } from '../core/record.ts';
import { bucketCount, bucketOf, numberKeys, WINDOW, type Bucket, type Posting, type Routed } from '../core/lexicon.ts';

/** A word in at most this many stories gets postings (below it, a term never asks Pagefind). */
export const DEFAULT_RARE_LIMIT = 100;

/** One shard's words: word → [story count, postings (dropped, null, once past the limit)]. */
export type ShardWords = Record<string, [number, Posting[] | null]>;

/**
 * A word of the shard as it is collected: its story count, its postings while it is rare (null
 * once past the limit), and the story it was last seen in with that story's posting so far.
 */
interface WordEntry {
  word: string;
  /** Characters its occurrences span, for a word that gets windows (0: none). */
  span: number;
  count: number;
  postings: Posting[] | null;
  /** The story `posting` is for (-1: none yet). */
  story: number;
  /** This story's posting, windows filled in when the story is done. */
  posting: Posting | null;
}

export class ShardLexicon {
  readonly rareLimit: number;
  /** Every word, in the order it was first seen (the order of lexicon.json). */
  private readonly entries: WordEntry[] = [];
  /** Whole-text words by number, the bulk of the lookups: characters of the BMP by code point, bigrams of two by both. */
  private readonly bmpChars = new Array<WordEntry | undefined>(0x10000);
  private readonly bmpBigrams = new Map<number, WordEntry>();
  /** All other words (astral characters, byline words, number keys) by their spelling. */
  private readonly others = new Map<string, WordEntry>();
  /** The rare words of the story being added, whose postings it gets. */
  private touched: WordEntry[] = [];

  constructor(rareLimit: number) {
    this.rareLimit = rareLimit;
  }

  private entry(word: string, span: number): WordEntry {
    const entry: WordEntry = { word, span, count: 0, postings: [], story: -1, posting: null };
    this.entries.push(entry);
    return entry;
  }

  private entryOf(word: string, span: number): WordEntry {
    let entry = this.others.get(word);
    if (entry === undefined) this.others.set(word, (entry = this.entry(word, span)));
    return entry;
  }

  /** An occurrence of `entry` at `position` of story `story`: every one counted when `every`, else the first. */
  private put(
    entry: WordEntry,
    story: number,
    facet: number,
    headLength: number,
    position: number,
    every: boolean,
  ): void {
    if (entry.story === story) {
      if (every && entry.posting) entry.posting.push(position);
      return;
    }
    entry.story = story;
    entry.count++;
    if (entry.postings && entry.count > this.rareLimit) entry.postings = null;
    // A common word is only counted: no positions to collect.
    if (!entry.postings) {
      entry.posting = null;
      return;
    }
    entry.posting = [story, facet, headLength, [], position];
    this.touched.push(entry);
  }

  /** Adds story `story` (its place in the shard; writeLexicon makes it the archive's number): its folded text, bigrams and head length, from its SearchRecord, and the text's number keys. */
  add(
    story: number,
    facet: number,
    { chars, bigrams, headLength, bylineRuns }: Pick<SearchRecord, 'chars' | 'bigrams' | 'headLength' | 'bylineRuns'>,
  ): void {
    const n = chars.length;
    // The whole text: each character (its first position; a space is never a term of its own, but
    // bigrams hold it) and each bigram but the last (it leaves the text: no term reaches that).
    const textSpan = usesTextWords('all') ? 2 : 0;
    let cp = n ? chars[0]!.codePointAt(0)! : 0;
    for (let i = 0; i < n; i++) {
      const ch = chars[i]!;
      if (ch !== ' ') {
        let entry: WordEntry | undefined;
        if (cp <= 0xffff) {
          entry = this.bmpChars[cp];
          if (entry === undefined) this.bmpChars[cp] = entry = this.entry(fieldWord('all', encodeChar(ch)), 0);
        } else entry = this.entryOf(fieldWord('all', encodeChar(ch)), 0);
        this.put(entry, story, facet, headLength, i, false);
      }
      if (i === n - 1) break;
      const next = chars[i + 1]!.codePointAt(0)!;
      let entry: WordEntry | undefined;
      if (cp <= 0xffff && next <= 0xffff) {
        const key = (cp << 16) | next;
        entry = this.bmpBigrams.get(key);
        if (entry === undefined)
          this.bmpBigrams.set(key, (entry = this.entry(fieldWord('all', bigrams[i]!), textSpan)));
      } else entry = this.entryOf(fieldWord('all', bigrams[i]!), textSpan);
      this.put(entry, story, facet, headLength, i, true);
      cp = next;
    }
    // Bylines and credits again in each prefixed field's spelling, inside each run (no windows:
    // a byline word's must not reach out of its run).
    for (const field of PREFIXED_FIELDS) {
      const span = usesTextWords(field) ? 2 : 0;
      for (const [start, end] of bylineRuns) {
        for (let i = start; i < end; i++) {
          const ch = chars[i]!;
          if (ch !== ' ')
            this.put(this.entryOf(fieldWord(field, encodeChar(ch)), 0), story, facet, headLength, i, false);
          if (i === end - 1) break;
          this.put(this.entryOf(fieldWord(field, bigrams[i]!), span), story, facet, headLength, i, true);
        }
      }
    }
    for (const key of numberKeys(chars))
      this.put(this.entryOf(key.word, key.length), story, facet, headLength, key.at, true);
    // The story's postings, with the window of each occurrence.
    let text: string | undefined;
    for (const entry of this.touched) {
      const posting = entry.posting!;
      if (entry.span) {
        text ??= chars.join('');
        const windows = posting[3];
        for (let k = 4; k < posting.length; k++) windows.push(windowAt(chars, text, posting[k] as number, entry.span));
      }
      entry.postings!.push(posting);
      entry.posting = null;
    }
    this.touched = [];
  }

  toJSON(): ShardWords {
    const words: ShardWords = {};
    for (const entry of this.entries) words[entry.word] = [entry.count, entry.postings];
    return words;
  }
}

/**
 * The folded text around an occurrence at `position` spanning `span` characters (src/search/core/lexicon.ts WINDOW):
 * a slice of `text` (the characters joined) when every character is one code unit, as in almost every story.
 */
const windowAt = (chars: readonly string[], text: string, position: number, span: number): string => {
  const start = Math.max(0, position - WINDOW);
  const end = position + span + WINDOW;
  return text.length === chars.length ? text.slice(start, end) : chars.slice(start, end).join('');
};

/** About how many bytes a posting takes in its bucket (JSON, before compression). */
const postingBytes = ([, , , windows, ...positions]: Posting): number =>
  18 + 6 * positions.length + windows.reduce((n, w) => n + 3 + 3 * w.length, 0);

/** Gzip, like Pagefind's own files and the text parts: any static host serves them as they are. */
export const gzip = (text: string): Buffer => gzipSync(Buffer.from(text), { level: 6 });

/**
 * Merges the shards' words (given in the manifest's shard order, each with the archive number of
 * its first story, which its postings' story numbers are counted from) and writes the buckets into
 * `dir` as <n>.bin; returns their count and a hash of their contents (part of the build's folder name).
 * A common word in at most half of the shards keeps the list of its shards (src/search/core/lexicon.ts Routed).
 */
export function writeLexicon(
  dir: string,
  shards: Iterable<{ words: ShardWords; first: number }>,
  rareLimit: number,
): { buckets: number; hash: string } {
  const merged = new Map<string, [number, Posting[] | null, number[]]>();
  let shardCount = 0;
  for (const { words, first } of shards) {
    const i = shardCount++;
    for (const [word, [count, postings]] of Object.entries(words)) {
      if (postings && first) for (const posting of postings) posting[0] += first;
      const entry = merged.get(word);
      if (!entry) merged.set(word, [count, postings, [i]]);
      else {
        entry[0] += count;
        entry[1] = entry[1] && postings && entry[0] <= rareLimit ? entry[1].concat(postings) : null;
        entry[2].push(i);
      }
    }
  }
  const routeLimit = Math.floor(shardCount / 2);
  // A word rare in each shard may be common in all: its postings go.
  let bytes = 0;
  for (const entry of merged.values()) {
    if (entry[0] > rareLimit) entry[1] = null;
    bytes +=
      12 +
      (entry[1]
        ? entry[1].reduce((n, p) => n + postingBytes(p), 0)
        : entry[2].length <= routeLimit
          ? 3 * entry[2].length
          : 0);
  }
  const buckets = bucketCount(bytes);
  const contents: Bucket[] = Array.from({ length: buckets }, () => ({}));
  for (const [word, [count, postings, inShards]] of merged) {
    const routed: Routed | number = inShards.length <= routeLimit ? { stories: count, shards: inShards } : count;
    contents[bucketOf(word, buckets)]![word] = postings ? postings.sort((a, b) => a[0] - b[0]) : routed;
  }
  mkdirSync(dir, { recursive: true });
  const hash = createHash('sha256');
  contents.forEach((bucket, n) => {
    const text = JSON.stringify(bucket);
    hash.update(text);
    writeFileSync(join(dir, `${n}.bin`), gzip(text));
  });
  return { buckets, hash: hash.digest('hex') };
}
