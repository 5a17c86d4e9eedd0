/**
 * The archive's own index files, fetched as a search needs them and kept for the page's life:
 * the manifest (/lexicon.json), lexicon buckets, and what each result shows. Buckets and
 * stories are gzip JSON, like Pagefind's files, so any static host serves them as they are.
 */
import type { SearchResultMeta } from '../core/tokens.ts';
import { lexiconBucketPath, searchFacetsPath, searchManifestPath, searchStoryPath } from '../../lib/urls.ts';
import { bucketOf, type Bucket, type SearchManifest } from '../core/lexicon.ts';

async function gzipJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status}`);
  return (await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).json()) as T;
}

let manifest: Promise<SearchManifest> | undefined;

/** The manifest, fetched once a page (a new deploy is seen on the next page load). */
export function loadManifest(): Promise<SearchManifest> {
  manifest ??= fetch(searchManifestPath()).then(async (response) => {
    if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
    return (await response.json()) as SearchManifest;
  });
  manifest.catch(() => (manifest = undefined));
  return manifest;
}

const buckets = new Map<string, Promise<Bucket>>();

/** The buckets holding `words`, fetched at once; then a word → bucket lookup. */
export async function loadBuckets(index: SearchManifest, words: readonly string[]): Promise<(word: string) => Bucket> {
  const byWord = new Map<string, Bucket>();
  await Promise.all(
    words.map(async (word) => {
      const n = bucketOf(word, index.buckets);
      const key = `${index.id}/${n}`;
      let bucket = buckets.get(key);
      if (!bucket) {
        buckets.set(key, (bucket = gzipJson<Bucket>(lexiconBucketPath(index.id, n))));
        bucket.catch(() => buckets.delete(key));
      }
      byWord.set(word, await bucket);
    }),
  );
  return (word) => byWord.get(word)!;
}

export interface StoryView {
  /** The opening of the text (part 0, src/search/core/text-parts.ts). */
  content: string;
  meta: SearchResultMeta;
}

const facets = new Map<string, Promise<number[]>>();

/** The facets of shard `shard`'s stories, in the shard's order (newest first). */
export function loadFacets(index: SearchManifest, shard: number): Promise<number[]> {
  const key = `${index.id}/${shard}`;
  let list = facets.get(key);
  if (!list) {
    facets.set(key, (list = gzipJson<number[]>(searchFacetsPath(index.id, shard))));
    list.catch(() => facets.delete(key));
  }
  return list;
}

const stories = new Map<string, Promise<StoryView>>();

/** What a result shows for story number `story`. */
export function loadStory(index: SearchManifest, story: number): Promise<StoryView> {
  const key = `${index.id}/${story}`;
  let view = stories.get(key);
  if (!view) {
    stories.set(key, (view = gzipJson<StoryView>(searchStoryPath(index.id, story))));
    view.catch(() => stories.delete(key));
  }
  return view;
}
