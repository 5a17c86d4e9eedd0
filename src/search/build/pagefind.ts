/**
 * The one place the build touches Pagefind: its Node API and its internal file formats, which the
 * archive depends on in three ways (tests/build/search-pagefind.test.ts guards each, so a Pagefind
 * upgrade that changes them fails there, not in a reader's browser):
 * - each shard is written as a Pagefind "language" of its own (forceLanguage), and the shards'
 *   folders are merged into one bundle whose pagefind-entry.json lists every language;
 * - a fragment (fragment/<hash>.pf_fragment) is gzip of "pagefind_dcd" + JSON; the archive
 *   replaces the indexed token stream in it with the readable opening and its own meta;
 * - PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE sets how finely the word index is cut.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';

/** Pagefind's fragment file: gzip of this signature + JSON. Pinned: pagefind is an exact version. */
export const FRAGMENT_SIGNATURE = 'pagefind_dcd';
const FRAGMENT_KEYS = ['url', 'content', 'word_count', 'filters', 'meta', 'anchors'];

/** The environment variable Pagefind's binary reads its index chunk size from. */
export const CHUNK_SIZE_ENV = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

export interface PagefindRecord {
  url: string;
  /** Words separated by spaces (src/search/core/tokens.ts). */
  content: string;
  /** A whole number; under sort {rank: 'desc'} larger comes first. */
  rank: number;
}

/** One shard's Pagefind index, written as language `language`. */
export async function createShardIndex(language: string) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index || errors.length) throw new Error(`Pagefind: ${errors.join('\n')}`);
  return {
    async add(record: PagefindRecord): Promise<void> {
      const response = await index.addCustomRecord({
        url: record.url,
        language,
        content: record.content,
        sort: { rank: String(record.rank) },
      });
      if (response.errors.length) throw new Error(response.errors.join('; '));
    },
    /**
     * Writes the shard into `outDir`, then gives every fragment `shown(url)` as its content and meta
     * in place of the token stream. Returns how many fragments were rewritten.
     */
    async write(outDir: string, shown: (url: string) => { content: string; meta: unknown } | undefined): Promise<number> {
      const written = await index.writeFiles({ outputPath: outDir });
      if (written.errors.length) throw new Error(written.errors.join('\n'));
      await pagefind.close();
      const dir = join(outDir, 'fragment');
      let count = 0;
      for (const name of readdirSync(dir)) {
        const fragment = readFragment(readFileSync(join(dir, name)), name);
        const entry = shown(String(fragment.url));
        if (!entry) throw new Error(`${name}: Pagefind's fragment format changed (no known url)`);
        fragment.content = entry.content;
        fragment.meta = entry.meta;
        writeFileSync(join(dir, name), gzipSync(Buffer.from(FRAGMENT_SIGNATURE + JSON.stringify(fragment)), { level: 6 }));
        count++;
      }
      return count;
    },
  };
}

/** A fragment file's JSON, checked against the format the archive knows. */
export function readFragment(file: Buffer, name: string): Record<string, unknown> {
  const raw = gunzipSync(file);
  if (raw.subarray(0, FRAGMENT_SIGNATURE.length).toString() !== FRAGMENT_SIGNATURE) {
    throw new Error(`${name}: Pagefind's fragment format changed (no ${FRAGMENT_SIGNATURE} signature); check src/search/build/pagefind.ts`);
  }
  const fragment = JSON.parse(raw.subarray(FRAGMENT_SIGNATURE.length).toString()) as Record<string, unknown>;
  const missing = FRAGMENT_KEYS.filter((key) => !(key in fragment));
  if (missing.length) throw new Error(`${name}: Pagefind's fragment format changed (missing ${missing.join(', ')})`);
  return fragment;
}

/** Pagefind's UI files, which the archive does not use. */
const UNUSED = /^pagefind-(component-ui|modular-ui|ui|highlight)\.|^pagefind-entry\.json$/;

/**
 * Moves the shards' folders into one bundle (`bundle`): every file name in a shard is hashed or
 * language-prefixed, so shards never collide; one pagefind-entry.json lists every language.
 * `skip`: names in a shard folder that are the archive's own, not Pagefind's. Returns Pagefind's version.
 */
export function mergeShards(shardDirs: readonly string[], bundle: string, skip: ReadonlySet<string>): string | undefined {
  mkdirSync(bundle, { recursive: true });
  const entry: { version?: string | undefined; languages: Record<string, unknown>; include_characters?: unknown } = { languages: {} };
  for (const dir of shardDirs) {
    const shardEntry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as typeof entry;
    entry.version = shardEntry.version;
    entry.include_characters = shardEntry.include_characters;
    Object.assign(entry.languages, shardEntry.languages);
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      if (skip.has(item.name)) continue;
      const from = join(dir, item.name);
      if (item.isDirectory()) {
        mkdirSync(join(bundle, item.name), { recursive: true });
        for (const file of readdirSync(from)) renameSync(join(from, file), join(bundle, item.name, file));
      } else if (!UNUSED.test(item.name)) {
        renameSync(from, join(bundle, item.name));
      }
    }
  }
  writeFileSync(join(bundle, 'pagefind-entry.json'), JSON.stringify(entry));
  return entry.version;
}
