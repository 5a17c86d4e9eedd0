/**
 * Exact search in the browser, on Pagefind's JS API: one Pagefind instance per shard of the index
 * (newest stories first), each term looked up as its own exact phrase (src/lib/search-tokens.ts),
 * the terms' results intersected here. Pagefind is loaded on first use.
 */
import {
  byNewest,
  byRelevance,
  countRuns,
  parseQuery,
  TEXT_START,
  termQuery,
  type RankKeys,
  type SearchResultMeta,
} from '../lib/search-tokens.ts';

/** The parts of Pagefind's JS API used here (pagefind.js has no published browser types). */
interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data(): Promise<{ url: string; content: string; meta: SearchResultMeta }>;
}
interface PagefindInstance {
  init(): Promise<void>;
  search(term: string | null, options?: { sort?: Record<string, 'asc' | 'desc'>; filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
interface PagefindModule {
  createInstance(options: { basePath: string }): PagefindInstance;
}

export interface Hit extends RankKeys {
  /** Unique across shards. */
  key: string;
  section: string | undefined;
  place: string | undefined;
  data: PagefindResult['data'];
}

export interface SearchOutcome {
  terms: string[];
  /** Every story containing every term, in the order asked for, before filters. */
  hits: Hit[];
}

export const FILTERS = ['section', 'place'] as const;
export type FilterName = (typeof FILTERS)[number];

interface Shard {
  index: number;
  instance: PagefindInstance;
  /** filter name -> value -> ids of the shard's stories with that value */
  members: Map<FilterName, Map<string, Set<string>>>;
}

/** Base of the bundle; fixed by the indexer (dist/pagefind/). */
const BUNDLE = '/pagefind/';

let loading: Promise<Shard[]> | undefined;

/** Loads pagefind.js and starts one instance per shard, one after another. */
function load(): Promise<Shard[]> {
  loading ??= (async () => {
    const { shards } = (await (await fetch(`${BUNDLE}shards.json`)).json()) as { shards: string[] };
    const url = `${BUNDLE}pagefind.js`;
    const pagefind = (await import(/* @vite-ignore */ url)) as PagefindModule;
    const html = document.documentElement;
    const lang = html.getAttribute('lang');
    const out: Shard[] = [];
    for (const [index, language] of shards.entries()) {
      // Pagefind chooses an instance's index by the page's lang when the instance is created
      // (synchronously); the shards are stored as languages qaa, qab … of one bundle, so the
      // attribute is switched for that one call and restored before anything can render.
      html.setAttribute('lang', language);
      let instance: PagefindInstance;
      try {
        instance = pagefind.createInstance({ basePath: BUNDLE });
      } finally {
        if (lang === null) html.removeAttribute('lang');
        else html.setAttribute('lang', lang);
      }
      // One at a time: instances sharing Pagefind's wasm crash when initialised concurrently.
      await instance.init();
      out.push({ index, instance, members: new Map() });
    }
    return out;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** Starts loading Pagefind ahead of the first search (e.g. when the search box gets focus). */
export function preload(): void {
  void load().catch(() => {});
}

/** Ids of a shard's stories per value of a filter (cached; one filter-only search per value). */
async function members(shard: Shard, name: FilterName): Promise<Map<string, Set<string>>> {
  let byValue = shard.members.get(name);
  if (!byValue) {
    byValue = new Map();
    const values = Object.keys((await shard.instance.filters())[name] ?? {});
    for (const value of values) {
      const { results } = await shard.instance.search(null, { filters: { [name]: value } });
      byValue.set(value, new Set(results.map((r) => r.id)));
    }
    shard.members.set(name, byValue);
  }
  return byValue;
}

interface TermHit {
  result: PagefindResult;
  head: boolean;
  frequency: number;
}

/** One term in one shard: the stories containing it exactly. */
async function searchTerm(shard: Shard, term: string): Promise<Map<string, TermHit>> {
  const q = termQuery(term);
  const { results } = await shard.instance.search(q.query, { sort: { rank: 'desc' } });
  const hits = new Map<string, TermHit>();
  // A phrase result carries the positions of its first occurrence; kicker and headline come first.
  for (const result of results) hits.set(result.id, { result, head: result.words.some((p) => p < q.headLimit), frequency: 1 });
  if (q.kind === 'phrase' && hits.size > 1) {
    // How often: a plain search of the same words (same index chunks, nothing more to download)
    // returns every position; runs of consecutive positions are occurrences. Ranking only.
    const loose = await shard.instance.search(q.words.join(' '));
    for (const result of loose.results) {
      const hit = hits.get(result.id);
      if (hit) hit.frequency = Math.max(1, countRuns(result.words.filter((p) => p >= TEXT_START), q.words.length));
    }
  }
  return hits;
}

function valueOf(byValue: Map<string, Set<string>>, id: string): string | undefined {
  for (const [value, ids] of byValue) if (ids.has(id)) return value;
  return undefined;
}

/** Every story containing every term of `query`; never in parallel (callers queue). */
export async function search(query: string, sort: 'relevance' | 'newest'): Promise<SearchOutcome> {
  const terms = parseQuery(query);
  if (terms.length === 0) return { terms, hits: [] };
  const shards = await load();
  const hits: Hit[] = [];
  for (const shard of shards) {
    const perTerm: Map<string, TermHit>[] = [];
    for (const term of terms) {
      const found = await searchTerm(shard, term);
      perTerm.push(found);
      if (found.size === 0) break;
    }
    if (perTerm.some((found) => found.size === 0)) continue;
    perTerm.sort((a, b) => a.size - b.size);
    const sections = await members(shard, 'section');
    const places = await members(shard, 'place');
    for (const [id, first] of perTerm[0]!) {
      const all = perTerm.map((found) => found.get(id));
      if (all.some((hit) => !hit)) continue;
      // Pagefind's score under sort {rank: desc} is the page's place in ascending rank: larger is newer.
      const recency = (shards.length - shard.index) * 1e7 + first.result.score;
      hits.push({
        key: `${shard.index}:${id}`,
        headHits: all.filter((hit) => hit!.head).length,
        frequency: all.reduce((sum, hit) => sum + hit!.frequency, 0),
        recency,
        section: valueOf(sections, id),
        place: valueOf(places, id),
        data: () => first.result.data(),
      });
    }
  }
  hits.sort(sort === 'newest' ? byNewest : byRelevance);
  return { terms, hits };
}
