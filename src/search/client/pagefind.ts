/**
 * The one place the browser touches Pagefind: its JS API and what the archive's index makes of it
 * (src/search/build/pagefind.ts writes it): every shard a Pagefind "language" of one bundle,
 * picked by the page's lang when an instance is created; a result's id starts with its shard's
 * language; under sort {rank: 'desc'} its score is its place in the shard; a phrase result's
 * `words` are the positions of the phrase's first occurrence, a plain search's every position of
 * every word. Contract: tests/e2e/search-pagefind.test.ts runs these calls against a built bundle.
 */
import { shardStarts, type ShardInfo } from '../core/lexicon.ts';

/** The parts of Pagefind's JS API used here (pagefind.js has no published browser types). */
interface PagefindResult {
  /** The page's hash, prefixed by its index's language: qaa_1a2b3c4. */
  id: string;
  score: number;
  words: number[];
}
interface PagefindInstance {
  init(): Promise<void>;
  mergeIndex(path: string, options: { language: string }): Promise<void>;
  search(
    term: string | null,
    options?: { sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: PagefindResult[] }>;
}
interface PagefindModule {
  createInstance(options: { basePath: string }): PagefindInstance;
}

/** A story Pagefind found for an exact phrase. */
export interface PhraseHit {
  /** Pagefind's id of the story's record (to match it with positions()). */
  id: string;
  /** The shard (index in the manifest's list), the story's place in it and its archive number. */
  shard: number;
  story: number;
  /** The positions of the phrase's first occurrence in the story's record. */
  first: number[];
}

/** Base of the bundle; fixed by the indexer (dist/pagefind/, src/search/build/pagefind.ts BUNDLE_DIR). */
const BUNDLE = '/pagefind/';

/**
 * Whether a script URL names a file of the archive's own Pagefind bundle: same origin, under
 * /pagefind/ (Pagefind's pagefind.js starts its worker from such a URL string: ./trusted-types.ts).
 */
export function isPagefindUrl(input: string, base: string): boolean {
  try {
    const url = new URL(input, base);
    return url.origin === new URL(base).origin && url.pathname.startsWith(BUNDLE);
  } catch {
    return false;
  }
}

/** Pagefind over the archive's shards, in one or more workers; the open ones are searched (the first is open from the start). */
export interface ShardedPagefind {
  /** Opens these shards (indexes in the manifest's list); open shards stay open. */
  open(shards: readonly number[]): Promise<void>;
  isOpen(shard: number): boolean;
  /** The stories holding these words as an exact phrase (one word: that word), in no particular order. */
  phrase(words: readonly string[]): Promise<PhraseHit[]>;
  /** Every position of these words in each story holding any of them, by PhraseHit id. */
  positions(words: readonly string[]): Promise<Map<string, number[]>>;
}

/**
 * How many Pagefind workers search at once. Pagefind runs every instance of a module in the one
 * worker it starts, so each worker is a copy of the module (pagefind.js?worker=k: its own module
 * record, its own worker) holding every k-th shard: a search of many shards spreads over the cores.
 * At most one a core, four in all, and one for every two shards (two shards are not worth a second wasm).
 */
const workerCount = (shards: number): number =>
  Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1, Math.ceil(shards / 2)));

/** Worker `k`'s copy of pagefind.js (the first is the plain URL: the six-story site loads nothing more). */
const moduleUrl = (k: number): string => `${BUNDLE}pagefind.js${k ? `?worker=${k}` : ''}`;

/**
 * Pagefind picks an instance's index by the page's lang, read synchronously when the instance is
 * created: switched to the shard's code for that call, then restored.
 */
function createInstanceFor(module: PagefindModule, language: string): PagefindInstance {
  const html = document.documentElement;
  const lang = html.getAttribute('lang');
  html.setAttribute('lang', language);
  try {
    return module.createInstance({ basePath: BUNDLE });
  } finally {
    if (lang === null) html.removeAttribute('lang');
    else html.setAttribute('lang', lang);
  }
}

/**
 * Loads pagefind.js and opens the first shard; other shards are opened as a search reaches them,
 * shard s in worker s mod workerCount(): the first shard a worker gets is its instance's own
 * index, the next ones are merged into it. Every search runs in every worker with open shards, at
 * once. (Separate instances in one worker each load their own wasm there and corrupt each other.)
 */
export async function openPagefind(shards: readonly ShardInfo[]): Promise<ShardedPagefind> {
  if (!shards.length) throw new Error('the search index lists no shards');
  const workers = workerCount(shards.length);
  /** Each worker's instance, once its first shard is opening. */
  const instances = new Map<number, Promise<PagefindInstance>>();
  /** Shards opened or opening (a failed one is forgotten). */
  const opening = new Map<number, Promise<void>>();
  const open = new Set<number>();
  const openShard = (shard: number): Promise<void> => {
    const k = shard % workers;
    const language = shards[shard]!.name;
    let instance = instances.get(k);
    let opened: Promise<void>;
    if (!instance) {
      instance = (async () => {
        const created = createInstanceFor((await import(/* @vite-ignore */ moduleUrl(k))) as PagefindModule, language);
        await created.init();
        return created;
      })();
      instances.set(k, instance);
      instance.catch(() => instances.delete(k));
      opened = instance.then(() => undefined);
    } else {
      // Pagefind skips merging a path its own base path starts with, so other shards are
      // merged by the bundle's absolute URL: the same files.
      opened = instance.then((created) => created.mergeIndex(new URL(BUNDLE, location.href).href, { language }));
    }
    opened = opened.then(() => void open.add(shard));
    opened.catch(() => opening.delete(shard));
    opening.set(shard, opened);
    return opened;
  };
  await openShard(0);
  const shardIndex = new Map(shards.map((s, i) => [s.name, i]));
  const firsts = shardStarts(shards);
  /** The results of one search in every worker with open shards, together. */
  const everywhere = async (
    query: string,
    options?: { sort: Record<string, 'asc' | 'desc'> },
  ): Promise<PagefindResult[]> => {
    const all = await Promise.all(
      [...instances.values()].map(async (instance) => (await (await instance).search(query, options)).results),
    );
    return all.flat();
  };
  const locate = (result: PagefindResult): Omit<PhraseHit, 'first' | 'id'> => {
    const shard = shardIndex.get(result.id.slice(0, result.id.indexOf('_')));
    if (shard === undefined) throw new Error(`result ${result.id} is in no known shard`);
    // The indexer ranks a shard's stories by place + 1; sorted {rank: desc}, Pagefind scores each
    // by its place in ascending rank order: the score is the place.
    const place = result.score;
    if (!Number.isInteger(place) || place < 0 || place >= shards[shard]!.stories)
      throw new Error(`result ${result.id}: score ${result.score} is no place in its shard`);
    return { shard, story: firsts[shard]! + place };
  };
  return {
    isOpen: (shard) => open.has(shard),
    // All at once: each opening fetches its shard's metadata; one at a time they queue on the network.
    async open(wanted) {
      await Promise.all(wanted.map((shard) => opening.get(shard) ?? openShard(shard)));
    },
    // Quoted: an exact phrase of whole words (Pagefind never prefix-extends a word inside quotes).
    phrase: async (words) =>
      (await everywhere(`"${words.join(' ')}"`, { sort: { rank: 'desc' } })).map((result) => ({
        id: result.id,
        ...locate(result),
        first: result.words,
      })),
    positions: async (words) => new Map((await everywhere(words.join(' '))).map((result) => [result.id, result.words])),
  } satisfies ShardedPagefind;
}
