/**
 * The one place the build touches Pagefind: its Node API and its file layout. What the archive
 * relies on (tests/build/search-index.test.ts guards each, so a Pagefind upgrade that changes them
 * fails there, not in a reader's browser):
 * - each shard is written as a Pagefind "language" of its own (forceLanguage; its name an ISO 639
 *   local-use code, shardName), and the shards' folders are merged into one bundle whose
 *   pagefind-entry.json lists every language (the browser adapter picks a shard by its language);
 * - a record's words are separated by spaces, and a position with no word is a word Pagefind
 *   indexes as nothing (PAD), so positions stay put;
 * - a shard's stories are ranked by their place in it (the `rank` sort, which Pagefind keeps as
 *   f32: exact below 2^24), which the browser adapter reads back from a result's score;
 * - PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE sets how finely the word index is cut;
 * - the fragments (fragment/, what Pagefind would show of a result) are not kept: the archive
 *   writes what a result shows in its own files, and the search page never asks Pagefind for it.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { placeKeptFile } from '../../data/build-cache.ts';

/** The environment variable Pagefind's binary reads its index chunk size from. */
export const CHUNK_SIZE_ENV = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/** The bundle's folder in the built site (the browser adapter, src/search/client/pagefind.ts, reads it there). */
const BUNDLE_DIR = 'pagefind';

/** The folder of a shard's work folder that holds Pagefind's files. */
const SHARD_PAGEFIND_DIR = 'pagefind';

/** A position with no word: Pagefind counts it but indexes nothing. */
const PAD = '.';

/** The most shards: ISO 639 local-use codes qaa … qtz. */
export const MAX_SHARDS = 520;

/** Shard `i`'s name, a language code Pagefind accepts (qaa, qab, …). */
export const shardName = (i: number): string =>
  `q${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`;

export interface PagefindRecord {
  url: string;
  /** The word at each position (src/search/core/record.ts); undefined: no word there. */
  words: readonly (string | undefined)[];
  /** The story's place in its shard, from 0 (the browser adapter reads it back from the result's score). */
  place: number;
}

/** One shard's Pagefind index, written as language `name`. */
export async function createShardIndex(name: string) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: name });
  if (!index || errors.length) throw new Error(`Pagefind: ${errors.join('\n')}`);
  return {
    async add(record: PagefindRecord): Promise<void> {
      const response = await index.addCustomRecord({
        url: record.url,
        language: name,
        content: record.words.map((word) => word ?? PAD).join(' '),
        // Under sort {rank: 'desc'} Pagefind scores a result by its place in ascending rank order:
        // rank = place + 1 makes the score the story's place counted from the shard's end.
        sort: { rank: String(record.place + 1) },
      });
      if (response.errors.length) throw new Error(response.errors.join('; '));
    },
    /** Writes the shard into its work folder `shardDir` (its fragments dropped, see above); returns how many pages it indexed. */
    async write(shardDir: string, expected: number): Promise<number> {
      const outDir = join(shardDir, SHARD_PAGEFIND_DIR);
      const written = await index.writeFiles({ outputPath: outDir });
      if (written.errors.length) throw new Error(written.errors.join('\n'));
      await pagefind.close();
      const fragments = readdirSync(join(outDir, 'fragment')).length;
      rmSync(join(outDir, 'fragment'), { recursive: true, force: true });
      if (fragments !== expected)
        throw new Error(
          `Pagefind wrote ${fragments} fragments for ${expected} records: its layout changed; check src/search/build/pagefind.ts`,
        );
      return fragments;
    },
  };
}

/** Pagefind's UI files, which the archive does not use. */
const UNUSED = /^pagefind-(component-ui|modular-ui|ui|highlight)\.|^pagefind-entry\.json$/;

/**
 * Copies the shards' Pagefind folders into one bundle in the built site `outDir` (the shard
 * folders stay for the next build): every file name in a shard is hashed or language-prefixed, so
 * shards never collide (the files every shard has alike, Pagefind's own code, are the same bytes
 * in each); one pagefind-entry.json lists every language. Returns Pagefind's version.
 */
export function mergeShards(shardDirs: readonly string[], outDir: string): string | undefined {
  const bundle = join(outDir, BUNDLE_DIR);
  rmSync(bundle, { recursive: true, force: true });
  mkdirSync(bundle, { recursive: true });
  const entry: { version?: string | undefined; languages: Record<string, unknown>; include_characters?: unknown } = {
    languages: {},
  };
  for (const dir of shardDirs.map((d) => join(d, SHARD_PAGEFIND_DIR))) {
    const shardEntry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as typeof entry;
    entry.version = shardEntry.version;
    entry.include_characters = shardEntry.include_characters;
    Object.assign(entry.languages, shardEntry.languages);
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const from = join(dir, item.name);
      if (item.isDirectory()) {
        mkdirSync(join(bundle, item.name), { recursive: true });
        for (const file of readdirSync(from)) placeKeptFile(join(from, file), join(bundle, item.name, file));
      } else if (!UNUSED.test(item.name)) {
        placeKeptFile(from, join(bundle, item.name));
      }
    }
  }
  writeFileSync(join(bundle, 'pagefind-entry.json'), JSON.stringify(entry));
  return entry.version;
}
