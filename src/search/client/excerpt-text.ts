/**
 * The text a search result's excerpt is cut from: the part of the story's text its first hit is
 * in (src/search/core/text-parts.ts), then the next parts only while the excerpt is not whole. Part 0 is
 * in the result's own file; the others are files of their own.
 */
import type { Fold } from '../core/fold.ts';
import type { SearchResultMeta } from '../core/result.ts';
import { excerptReady, startPart } from '../core/text-parts.ts';

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
  meta: Pick<SearchResultMeta, 'parts' | 'bodyPosition'>,
  opening: string,
  terms: readonly string[],
  fold: Fold,
  textPart: (part: number) => Promise<string>,
  width: number,
  starts: readonly number[] | undefined,
): Promise<ExcerptSource> {
  const openingOnly: ExcerptSource = { text: opening, cut: { start: false, end: meta.parts > 0 } };
  const first = startPart(starts, meta.bodyPosition, meta.parts, width);
  if (first === null) return openingOnly;
  try {
    let text = first === 0 ? opening : await textPart(first);
    let last = first;
    while (last < meta.parts && !excerptReady(text, terms, fold, width, first > 0)) text += await textPart(++last);
    return { text, cut: { start: first > 0, end: last < meta.parts } };
  } catch (error) {
    console.warn('search excerpt: text part unavailable', error);
    return openingOnly;
  }
}
