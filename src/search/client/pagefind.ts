/**
 * The one place the browser touches Pagefind: its JS API and what the archive's index makes of it
 * (every shard a Pagefind "language" of one bundle, picked by the page's lang when an instance is
 * created). Contract: tests/e2e/search-pagefind.test.ts runs this against the built bundle.
 */
import type { SearchResultMeta } from '../core/tokens.ts';
import type { ShardInfo } from '../core/lexicon.ts';

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
  search(term: string | null, options?: { sort?: Record<string, 'asc' | 'desc'>; filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
interface PagefindModule {
  createInstance(options: { basePath: string }): PagefindInstance;
}

/** Base of the bundle; fixed by the indexer (dist/pagefind/). */
const BUNDLE = '/pagefind/';

/** Pagefind over the archive's shards; the newest `open` of them are searched. */
export interface ShardedPagefind {
  /** Opens the newest `count` shards (they stay open). */
  open(count: number): Promise<void>;
  readonly opened: number;
  /** Results of an exact phrase (or one word), newest first within each shard. */
  phrase(query: string): Promise<PagefindResult[]>;
  /** Results of the words searched loosely: every position of every word. */
  words(words: readonly string[]): Promise<PagefindResult[]>;
  /** Ids of the open shards' stories with each value of a filter. */
  members(name: string): Promise<Map<string, Set<string>>>;
  /** Which shard (index in the manifest's list) a result id belongs to. */
  shardOf(id: string): number;
}

let loading: Promise<ShardedPagefind> | undefined;

/**
 * Loads pagefind.js and opens the newest shard in one instance; older shards are merged into it
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
    let opened = 1;
    const membersCache = new Map<string, Promise<Map<string, Set<string>>>>();
    const shardIndex = new Map(shards.map((s, i) => [s.language, i]));
    return {
      get opened() {
        return opened;
      },
      async open(count) {
        // Pagefind skips merging a path its own base path starts with, so older shards are
        // merged by the bundle's absolute URL: the same files.
        // All at once: each merge fetches its shard's metadata; one at a time they queue on the network.
        const absolute = new URL(BUNDLE, location.href).href;
        const wanted = Math.min(count, shards.length);
        await Promise.all(shards.slice(opened, wanted).map((shard) => pagefind.mergeIndex(absolute, { language: shard.language })));
        opened = Math.max(opened, wanted);
      },
      phrase: async (query) => (await pagefind.search(query, { sort: { rank: 'desc' } })).results,
      words: async (words) => (await pagefind.search(words.join(' '))).results,
      members(name) {
        const key = `${name}@${opened}`;
        let found = membersCache.get(key);
        if (!found) {
          found = (async () => {
            const byValue = new Map<string, Set<string>>();
            for (const value of Object.keys((await pagefind.filters())[name] ?? {})) {
              const { results } = await pagefind.search(null, { filters: { [name]: value } });
              byValue.set(value, new Set(results.map((r) => r.id)));
            }
            return byValue;
          })();
          membersCache.set(key, found);
        }
        return found;
      },
      shardOf(id) {
        const shard = shardIndex.get(id.slice(0, id.indexOf('_')));
        if (shard === undefined) throw new Error(`result ${id} is in no known shard`);
        return shard;
      },
    } satisfies ShardedPagefind;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
