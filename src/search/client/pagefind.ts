/**
 * The one place the browser touches Pagefind: its JS API and what the archive's index makes of it
 * (every shard a Pagefind "language" of one bundle, picked by the page's lang when an instance is
 * created; a result's id starts with its shard's code; under sort {rank: 'desc'} its score is its
 * place in the shard, counted from the oldest). Contract: tests/e2e/search-pagefind.test.ts runs
 * these calls against a built bundle.
 */
import type { SearchResultMeta } from '../core/tokens.ts';
import { shardStarts, type ShardInfo } from '../core/lexicon.ts';

/** The parts of Pagefind's JS API used here (pagefind.js has no published browser types). */
export interface PagefindResult {
  /** The page's hash, prefixed by its index's language: qaa_1a2b3c4. */
  id: string;
  score: number;
  words: number[];
  data(): Promise<{ url: string; content: string; meta: SearchResultMeta }>;
}
interface PagefindInstance {
  init(): Promise<void>;
  mergeIndex(path: string, options: { language: string }): Promise<void>;
  search(term: string | null, options?: { sort?: Record<string, 'asc' | 'desc'> }): Promise<{ results: PagefindResult[] }>;
}
interface PagefindModule {
  createInstance(options: { basePath: string }): PagefindInstance;
}

export interface StoryPlace {
  shard: number;
  place: number;
  story: number;
}

/** Base of the bundle; fixed by the indexer (dist/pagefind/). */
const BUNDLE = '/pagefind/';

/** Pagefind over the archive's shards; the open ones are searched (the newest is open from the start). */
export interface ShardedPagefind {
  /** Opens these shards (indexes in the manifest's list, newest first); open shards stay open. */
  open(shards: readonly number[]): Promise<void>;
  isOpen(shard: number): boolean;
  /** Results of an exact phrase (or one word), sorted by the indexer's rank (locate works on these). */
  phrase(query: string): Promise<PagefindResult[]>;
  /** Results of the words searched loosely: every position of every word (match them by id). */
  words(words: readonly string[]): Promise<PagefindResult[]>;
  /** Where a phrase() result's story is: its shard (index in the manifest's list), its place in the shard, its archive number (newest first, from 0). */
  locate(result: PagefindResult): StoryPlace;
}

let loading: Promise<ShardedPagefind> | undefined;

/**
 * Loads pagefind.js and opens the newest shard in one instance; other shards are merged into it
 * as a search reaches them: one wasm, every search covers the open ones. (Separate instances per
 * shard each load their own wasm in Pagefind's worker and corrupt each other.)
 */
export function loadPagefind(shards: readonly ShardInfo[]): Promise<ShardedPagefind> {
  loading ??= (async () => {
    if (!shards.length) throw new Error('the search index lists no shards');
    const module = (await import(/* @vite-ignore */ `${BUNDLE}pagefind.js`)) as PagefindModule;
    // Pagefind picks the instance's index by the page's lang, read synchronously when the
    // instance is created: switched to the first shard's code for that call, then restored.
    const html = document.documentElement;
    const lang = html.getAttribute('lang');
    html.setAttribute('lang', shards[0]!.language);
    let pagefind: PagefindInstance;
    try {
      pagefind = module.createInstance({ basePath: BUNDLE });
    } finally {
      if (lang === null) html.removeAttribute('lang');
      else html.setAttribute('lang', lang);
    }
    await pagefind.init();
    /** Shards merged into the instance, or being merged (a failed merge is forgotten). */
    const merging = new Map<number, Promise<void>>([[0, Promise.resolve()]]);
    const open = new Set([0]);
    const shardIndex = new Map(shards.map((s, i) => [s.language, i]));
    const firsts = shardStarts(shards);
    return {
      isOpen: (shard) => open.has(shard),
      async open(wanted) {
        // Pagefind skips merging a path its own base path starts with, so other shards are
        // merged by the bundle's absolute URL: the same files.
        // All at once: each merge fetches its shard's metadata; one at a time they queue on the network.
        const absolute = new URL(BUNDLE, location.href).href;
        await Promise.all(
          wanted.map((shard) => {
            let merged = merging.get(shard);
            if (!merged) {
              merged = pagefind.mergeIndex(absolute, { language: shards[shard]!.language }).then(() => void open.add(shard));
              merged.catch(() => merging.delete(shard));
              merging.set(shard, merged);
            }
            return merged;
          }),
        );
      },
      phrase: async (query) => (await pagefind.search(query, { sort: { rank: 'desc' } })).results,
      words: async (words) => (await pagefind.search(words.join(' '))).results,
      locate(result) {
        const shard = shardIndex.get(result.id.slice(0, result.id.indexOf('_')));
        if (shard === undefined) throw new Error(`result ${result.id} is in no known shard`);
        // The indexer ranks a shard's stories newest first with rank = stories − place; sorted
        // {rank: desc}, Pagefind scores each by its place in ascending rank order.
        const place = shards[shard]!.stories - 1 - result.score;
        if (!Number.isInteger(place) || place < 0 || place >= shards[shard]!.stories) throw new Error(`result ${result.id}: score ${result.score} is no place in its shard`);
        return { shard, place, story: firsts[shard]! + place };
      },
    } satisfies ShardedPagefind;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
