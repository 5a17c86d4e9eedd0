/**
 * Exact search in the browser, on Pagefind's JS API. The index is cut into shards of stories,
 * newest first; a search covers the newest `shards` of them (src/lib/search-scope.ts), and older
 * shards are opened only when a search reaches them. Each term is looked up as its own exact
 * phrase (src/lib/search-tokens.ts) and the terms' results are intersected here. Pagefind is
 * loaded on first use.
 */
import {
  byNewest,
  byRelevance,
  runStarts,
  parseQuery,
  TEXT_START,
  termQuery,
  type RankKeys,
  type SearchResultMeta,
} from '../lib/search-tokens.ts';
import { scopeOf, type Scope, type ShardInfo } from '../lib/search-scope.ts';

/** The parts of Pagefind's JS API used here (pagefind.js has no published browser types). */
interface PagefindResult {
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

export interface Hit extends RankKeys {
  id: string;
  /** Index positions where the terms occur in the text, ascending; undefined for a one-character term (src/lib/search-text.ts). */
  starts: number[] | undefined;
  section: string | undefined;
  place: string | undefined;
  data: PagefindResult['data'];
}

export interface SearchOutcome {
  terms: string[];
  /** Every story of the scope containing every term, in the order asked for, before filters. */
  hits: Hit[];
  /** What the search covered. */
  scope: Scope;
  /** Every shard of the archive, newest first. */
  shards: ShardInfo[];
}

export const FILTERS = ['section', 'place'] as const;
export type FilterName = (typeof FILTERS)[number];

interface Index {
  pagefind: PagefindInstance;
  /** Every shard, newest stories first. */
  shards: ShardInfo[];
  /** How many of them (the newest) are open in `pagefind`: a search covers these, and skips results beyond the shards it asks for. */
  open: number;
  /** "filter name@open shards" -> value -> ids of the stories with that value */
  members: Map<string, Promise<Map<string, Set<string>>>>;
}

/** Base of the bundle; fixed by the indexer (dist/pagefind/). */
const BUNDLE = '/pagefind/';

let loading: Promise<Index> | undefined;

/**
 * Loads pagefind.js and opens the newest shard in one Pagefind instance. The shards are the
 * "languages" qaa, qab … of one bundle: the first is the instance's own index, older ones are
 * merged into it when a search reaches them (open()); one wasm, every search covers the open ones.
 */
function load(): Promise<Index> {
  loading ??= (async () => {
    const { shards } = (await (await fetch(`${BUNDLE}shards.json`)).json()) as { shards: ShardInfo[] };
    if (!shards.length) throw new Error('shards.json lists no shards');
    const url = `${BUNDLE}pagefind.js`;
    const module = (await import(/* @vite-ignore */ url)) as PagefindModule;
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
    return { pagefind, shards, open: 1, members: new Map() };
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** Opens the newest `count` shards (stays open: a narrower search later skips their results). */
async function open(index: Index, count: number): Promise<void> {
  // Pagefind skips merging a path its own base path starts with, so older shards are merged
  // by the bundle's absolute URL: the same files.
  const absolute = new URL(BUNDLE, location.href).href;
  while (index.open < Math.min(count, index.shards.length)) {
    await index.pagefind.mergeIndex(absolute, { language: index.shards[index.open]!.language });
    index.open++;
  }
}

/** Starts loading Pagefind ahead of the first search (e.g. when the reader starts typing). */
export function preload(): void {
  void load().catch(() => {});
}

/** Ids of the open shards' stories per value of a filter (cached; one filter-only search per value). */
function members(index: Index, name: FilterName): Promise<Map<string, Set<string>>> {
  const key = `${name}@${index.open}`;
  let found = index.members.get(key);
  if (!found) {
    found = (async () => {
      const byValue = new Map<string, Set<string>>();
      for (const value of Object.keys((await index.pagefind.filters())[name] ?? {})) {
        const { results } = await index.pagefind.search(null, { filters: { [name]: value } });
        byValue.set(value, new Set(results.map((r) => r.id)));
      }
      return byValue;
    })();
    index.members.set(key, found);
  }
  return found;
}

interface TermHit {
  result: PagefindResult;
  head: boolean;
  frequency: number;
  starts: number[] | undefined;
}

/** One term: the stories containing it exactly. */
async function searchTerm(index: Index, term: string): Promise<Map<string, TermHit>> {
  const q = termQuery(term);
  const { results } = await index.pagefind.search(q.query, { sort: { rank: 'desc' } });
  const hits = new Map<string, TermHit>();
  // A phrase result carries the positions of its first occurrence; kicker and headline come first.
  for (const result of results) {
    hits.set(result.id, { result, head: result.words.some((p) => p < q.headLimit), frequency: 1, starts: undefined });
  }
  if (q.kind === 'phrase') {
    // Where and how often: a plain search of the same words (same index chunks, nothing more to
    // download) returns every position; runs of consecutive positions are occurrences.
    const loose = await index.pagefind.search(q.words.join(' '));
    for (const result of loose.results) {
      const hit = hits.get(result.id);
      if (!hit) continue;
      hit.starts = runStarts(result.words.filter((p) => p >= TEXT_START), q.words.length);
      hit.frequency = Math.max(1, hit.starts.length);
    }
  }
  return hits;
}

function valueOf(byValue: Map<string, Set<string>>, id: string): string | undefined {
  for (const [value, ids] of byValue) if (ids.has(id)) return value;
  return undefined;
}

/**
 * Every story of the newest `shards` shards containing every term of `query`; never in parallel
 * (callers queue). `shards` is clamped to what the archive has.
 */
export async function search(query: string, sort: 'relevance' | 'newest', shards: number): Promise<SearchOutcome> {
  const terms = parseQuery(query);
  const index = await load();
  const wanted = Math.max(1, Math.min(shards, index.shards.length));
  await open(index, wanted);
  const outcome = (hits: Hit[]): SearchOutcome => ({ terms, hits, scope: scopeOf(index.shards, wanted), shards: index.shards });
  if (terms.length === 0) return outcome([]);
  const perTerm: Map<string, TermHit>[] = [];
  for (const term of terms) {
    const found = await searchTerm(index, term);
    if (found.size === 0) return outcome([]);
    perTerm.push(found);
  }
  perTerm.sort((a, b) => a.size - b.size);
  const sections = await members(index, 'section');
  const places = await members(index, 'place');
  const hits: Hit[] = [];
  for (const [id, first] of perTerm[0]!) {
    const all = perTerm.map((found) => found.get(id));
    if (all.some((hit) => !hit)) continue;
    const language = id.slice(0, id.indexOf('_'));
    const shard = index.shards.findIndex((s) => s.language === language);
    if (shard < 0) throw new Error(`result ${id} is in no known shard`);
    if (shard >= wanted) continue; // opened by an earlier, wider search
    // Shards hold newer stories first; within one, Pagefind's score under sort {rank: desc} is
    // the story's place in ascending rank, so larger is newer.
    const recency = (index.shards.length - shard) * 1e7 + first.result.score;
    hits.push({
      id,
      headHits: all.filter((hit) => hit!.head).length,
      frequency: all.reduce((sum, hit) => sum + hit!.frequency, 0),
      starts: all.every((hit) => hit!.starts) ? all.flatMap((hit) => hit!.starts!).sort((a, b) => a - b) : undefined,
      recency,
      section: valueOf(sections, id),
      place: valueOf(places, id),
      data: () => first.result.data(),
    });
  }
  hits.sort(sort === 'newest' ? byNewest : byRelevance);
  return outcome(hits);
}
