/**
 * The text a search result's excerpt is cut from: the part of the story's text its first hit is
 * in (src/search/core/text-parts.ts), then the next parts only while the excerpt is not whole. Part 0 is
 * in the result's fragment; the others are files of their own.
 */
import { excerptReady, startPart } from '../core/text-parts.ts';
import type { SearchResultMeta } from '../core/tokens.ts';
import { searchTextPartPath } from '../../lib/urls.ts';
import { fetchGzip } from './index-files.ts';

/** A part file is gzip, like Pagefind's own files, so any static host serves it as it is. */
export const fetchPart = async (textId: string, part: number): Promise<string> => (await fetchGzip(searchTextPartPath(textId, part))).text();

export interface ExcerptSource {
  text: string;
  /** The story's text goes on before / after `text`. */
  cut: { start: boolean; end: boolean };
}

/**
 * As much of the story's text as the excerpt needs; `starts` as for startPart(). A part that
 * cannot be fetched (offline, or a deploy half done) leaves the excerpt at the opening: the
 * result itself stands, found by the index.
 */
export async function excerptSource(
  meta: Pick<SearchResultMeta, 'textId' | 'parts' | 'bodyPosition'>,
  opening: string,
  terms: readonly string[],
  width: number,
  starts: readonly number[] | undefined,
): Promise<ExcerptSource> {
  const openingOnly: ExcerptSource = { text: opening, cut: { start: false, end: meta.parts > 0 } };
  const first = startPart(starts, meta.bodyPosition, meta.parts, width);
  if (first === null) return openingOnly;
  try {
    let text = first === 0 ? opening : await fetchPart(meta.textId, first);
    let last = first;
    while (last < meta.parts && !excerptReady(text, terms, width, first > 0)) text += await fetchPart(meta.textId, ++last);
    return { text, cut: { start: first > 0, end: last < meta.parts } };
  } catch (error) {
    console.warn('search excerpt: text part unavailable', error);
    return openingOnly;
  }
}
