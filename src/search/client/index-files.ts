/**
 * The archive's own index files, fetched as a search needs them and kept for the page's life (the
 * search page makes one IndexFiles): the manifest (/lexicon.json), lexicon buckets, what each
 * result shows, text parts, filter values, dates and the 繁體 = 简体 fold table. All but the
 * manifest are gzip (JSON or text), like Pagefind's files, so any static host serves them as
 * they are, without Content-Encoding.
 */
import {
  lexiconBucketPath,
  searchDatesPath,
  searchFacetsPath,
  searchFoldTablePath,
  searchManifestPath,
  searchStoryPath,
  searchTextPartPath,
} from '../../lib/urls.ts';
import type { DateRuns } from '../core/date-range.ts';
import { createFold, needsFoldTable, parseFoldableList, PLAIN_FOLD, type Fold } from '../core/fold.ts';
import { parseFoldTable } from '../core/fold-table.ts';
import { bucketOf, type Bucket, type SearchManifest } from '../core/lexicon.ts';
import type { SearchResultMeta, StoryView } from '../core/result.ts';

/** A gzip file of the index, inflated here. */
async function fetchGzip(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status}`);
  return new Response(response.body.pipeThrough(new DecompressionStream('gzip')));
}

const gzipJson = async <T>(url: string): Promise<T> => (await (await fetchGzip(url)).json()) as T;
const gzipText = async (url: string): Promise<string> => (await fetchGzip(url)).text();

export interface IndexFiles {
  /** The manifest, fetched once a page (a new deploy is seen on the next page load). */
  manifest(): Promise<SearchManifest>;
  /** The fold for `text`: with the build's table when `text` holds a character it folds (the table is fetched then), plain otherwise. */
  foldFor(index: SearchManifest, text: string): Promise<Fold>;
  /** The fold for a result's texts (the indexer marks a story holding a character the table folds). */
  foldForStory(index: SearchManifest, meta: Pick<SearchResultMeta, 'folds'>): Promise<Fold>;
  /** The buckets holding `words`, fetched at once; then a word → bucket lookup. */
  buckets(index: SearchManifest, words: readonly string[]): Promise<(word: string) => Bucket>;
  /** What a result shows for story number `story`. */
  story(index: SearchManifest, story: number): Promise<StoryView>;
  /** Part `part` (1, 2, …) of a story's text (src/search/core/text-parts.ts). */
  textPart(textId: string, part: number): Promise<string>;
  /** The facets of shard `shard`'s stories, in the shard's order. */
  facets(index: SearchManifest, shard: number): Promise<number[]>;
  /** Every story's date (runs of story numbers), for a search limited to a date range. */
  dates(index: SearchManifest): Promise<DateRuns>;
}

export function createIndexFiles(): IndexFiles {
  /** What each URL gave, fetched once a page; a failure is forgotten, so a later search tries again. */
  const fetched = new Map<string, Promise<unknown>>();
  const once = <T>(url: string, load: (url: string) => Promise<T>): Promise<T> => {
    let found = fetched.get(url) as Promise<T> | undefined;
    if (!found) {
      fetched.set(url, (found = load(url)));
      found.catch(() => fetched.delete(url));
    }
    return found;
  };
  /** The manifest's list of foldable characters, parsed once a manifest. */
  const foldables = new WeakMap<SearchManifest, Set<string>>();
  const tableFold = (index: SearchManifest): Promise<Fold> =>
    once(searchFoldTablePath(index.id), async (url) => createFold(parseFoldTable(await gzipText(url))));
  return {
    manifest: () =>
      once(searchManifestPath(), async (url) => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        return (await response.json()) as SearchManifest;
      }),
    async foldFor(index, text) {
      let foldable = foldables.get(index);
      if (!foldable) foldables.set(index, (foldable = parseFoldableList(index.foldable)));
      return needsFoldTable(text, foldable) ? tableFold(index) : PLAIN_FOLD;
    },
    foldForStory: (index, meta) => (meta.folds ? tableFold(index) : Promise.resolve(PLAIN_FOLD)),
    async buckets(index, words) {
      const byWord = new Map<string, Bucket>();
      await Promise.all(
        words.map(async (word) =>
          byWord.set(word, await once(lexiconBucketPath(index.id, bucketOf(word, index.buckets)), gzipJson<Bucket>)),
        ),
      );
      return (word) => byWord.get(word)!;
    },
    story: (index, story) => once(searchStoryPath(index.id, story), gzipJson<StoryView>),
    textPart: (textId, part) => once(searchTextPartPath(textId, part), gzipText),
    facets: (index, shard) => once(searchFacetsPath(index.id, shard), gzipJson<number[]>),
    dates: (index) => once(searchDatesPath(index.id), gzipJson<DateRuns>),
  };
}
