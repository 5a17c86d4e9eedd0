/**
 * Builds the lexicon (src/search/core/lexicon.ts) in two steps that bound memory: each shard
 * process collects its stories' words (ShardLexicon, postings kept only while a word is rare in
 * the shard), and the indexer merges the shards' words and writes the buckets (writeLexicon).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fieldWord, PREFIXED_FIELDS, usesTextWords, type SearchField } from '../core/fields.ts';
import { encodeChar, type SearchRecord } from '../core/record.ts';
import { bucketCount, bucketOf, numberKeys, WINDOW, type Bucket, type Posting, type Routed } from '../core/lexicon.ts';

/** A word in at most this many stories gets postings (below it, a term never asks Pagefind). */
export const DEFAULT_RARE_LIMIT = 100;

/** One shard's words: word → [story count, postings (dropped, null, once past the limit)]. */
export type ShardWords = Record<string, [number, Posting[] | null]>;

export class ShardLexicon {
  readonly words = new Map<string, [number, Posting[] | null]>();
  readonly rareLimit: number;
  constructor(rareLimit: number) {
    this.rareLimit = rareLimit;
  }

  /** Adds story number `story` (archive order): its folded text, bigrams and head length, from its SearchRecord, and the text's number keys. */
  add(story: number, facet: number, { chars, bigrams, headLength, bylineRuns }: Pick<SearchRecord, 'chars' | 'bigrams' | 'headLength' | 'bylineRuns'>): void {
    /** Word → its positions in this story. */
    const here = new Map<string, number[]>();
    /** Word → the characters its occurrences span, for the words that get windows. */
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
    /** The words of chars[start, end), as `field` spells them, at their positions in the text. */
    const words = (start: number, end: number, field: SearchField) => {
      // Windows read the whole text: only for a whole-text word (a byline word's must not reach out of its run).
      const span = usesTextWords(field) ? 2 : 0;
      for (let i = start; i < end; i++) {
        const ch = chars[i]!;
        // A space is never a term of its own (terms are split at spaces), but bigrams hold it.
        // A character: its first position.
        if (ch !== ' ') put(fieldWord(field, encodeChar(ch)), i, 0, false);
        // The last character's bigram leaves the run: no term inside it reaches that.
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
      entry[1].push([story, facet, headLength, span ? positions.map((p) => windowAt(chars, p, span)) : [], ...positions]);
    }
  }

  toJSON(): ShardWords {
    return Object.fromEntries(this.words);
  }
}

/** The folded text around an occurrence at `position` spanning `span` characters (src/search/core/lexicon.ts WINDOW). */
const windowAt = (chars: readonly string[], position: number, span: number): string =>
  chars.slice(Math.max(0, position - WINDOW), position + span + WINDOW).join('');

/** About how many bytes a posting takes in its bucket (JSON, before compression). */
const postingBytes = ([, , , windows, ...positions]: Posting): number => 18 + 6 * positions.length + windows.reduce((n, w) => n + 3 + 3 * w.length, 0);

/** Gzip, like Pagefind's own files and the text parts: any static host serves them as they are. */
export const gzip = (text: string): Buffer => gzipSync(Buffer.from(text), { level: 6 });

/**
 * Merges the shards' words (given in the manifest's shard order) and writes the buckets into `dir`
 * as <n>.bin; returns their count and a hash of their contents (part of the build's folder name).
 * A common word in at most half of the shards keeps the list of its shards (src/search/core/lexicon.ts Routed).
 */
export function writeLexicon(dir: string, shards: Iterable<ShardWords>, rareLimit: number): { buckets: number; hash: string } {
  const merged = new Map<string, [number, Posting[] | null, number[]]>();
  let shardCount = 0;
  for (const shard of shards) {
    const i = shardCount++;
    for (const [word, [count, postings]] of Object.entries(shard)) {
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
    bytes += 12 + (entry[1] ? entry[1].reduce((n, p) => n + postingBytes(p), 0) : entry[2].length <= routeLimit ? 3 * entry[2].length : 0);
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
