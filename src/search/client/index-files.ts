/**
 * The archive's own index files, fetched as a search needs them and kept for the page's life:
 * the manifest (/lexicon.json), lexicon buckets, and what each result shows. Buckets and
 * stories are gzip JSON, like Pagefind's files, so any static host serves them as they are.
 */
import type { SearchResultMeta } from '../core/tokens.ts';
import { lexiconBucketPath, searchDatesPath, searchFacetsPath, searchManifestPath, searchStoryPath } from '../../lib/urls.ts';
import type { DateRuns } from '../core/date-range.ts';
import { bucketOf, type Bucket, type SearchManifest } from '../core/lexicon.ts';

/**
 * A gzip file of the index, inflated here: hosts serve the files as they are, without
 * Content-Encoding, like Pagefind's. Text parts for excerpts are read the same way (./excerpt-text.ts).
 */
export async function fetchGzip(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status}`);
  return new Response(response.body.pipeThrough(new DecompressionStream('gzip')));
}

const gzipJson = async <T>(url: string): Promise<T> => (await (await fetchGzip(url)).json()) as T;

/** What each URL gave, fetched once a page; a failure is forgotten, so a later search tries again. */
const fetched = new Map<string, Promise<unknown>>();

function once<T>(url: string, load: (url: string) => Promise<T>): Promise<T> {
  let found = fetched.get(url) as Promise<T> | undefined;
  if (!found) {
    fetched.set(url, (found = load(url)));
    found.catch(() => fetched.delete(url));
  }
  return found;
}

/** The manifest, fetched once a page (a new deploy is seen on the next page load). */
export const loadManifest = (): Promise<SearchManifest> =>
  once(searchManifestPath(), async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return (await response.json()) as SearchManifest;
  });

/** The buckets holding `words`, fetched at once; then a word → bucket lookup. */
export async function loadBuckets(index: SearchManifest, words: readonly string[]): Promise<(word: string) => Bucket> {
  const byWord = new Map<string, Bucket>();
  await Promise.all(
    words.map(async (word) => byWord.set(word, await once(lexiconBucketPath(index.id, bucketOf(word, index.buckets)), gzipJson<Bucket>))),
  );
  return (word) => byWord.get(word)!;
}

export interface StoryView {
  /** The opening of the text (part 0, src/search/core/text-parts.ts). */
  content: string;
  meta: SearchResultMeta;
}

/** The facets of shard `shard`'s stories, in the shard's order (newest first). */
export const loadFacets = (index: SearchManifest, shard: number): Promise<number[]> => once(searchFacetsPath(index.id, shard), gzipJson<number[]>);

/** What a result shows for story number `story`. */
export const loadStory = (index: SearchManifest, story: number): Promise<StoryView> => once(searchStoryPath(index.id, story), gzipJson<StoryView>);

/** Every story's date (runs of story numbers), for a search limited to a date range. */
export const loadDates = (index: SearchManifest): Promise<DateRuns> => once(searchDatesPath(index.id), gzipJson<DateRuns>);
