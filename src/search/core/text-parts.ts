/**
 * A story's text for search excerpts, in parts. The index fragment of a story (what every result
 * downloads) holds only the opening (part 0, one excerpt long: shown when the terms are only in
 * the headline); the search page fetches the part its excerpt's hit is in, found from the hit's
 * index position, so a page of results costs 1–2 KB a result rather than the whole text of each
 * story. Written by src/search/build/shard.ts, read by src/search/client/excerpt-text.ts.
 */
import { excerptWindow, maxLeadIn } from './excerpt.ts';
import type { Fold } from './fold.ts';
import { matchRanges } from './marks.ts';

/** Characters (code points) of the opening, part 0. */
export const OPENING_CHARS = 100;
/** Characters (code points) of each further part. */
export const TEXT_PART_CHARS = 500;

/** Where part `part` starts in the text. */
export const partStart = (part: number): number => (part === 0 ? 0 : OPENING_CHARS + (part - 1) * TEXT_PART_CHARS);

/** The part holding character `offset` of the text. */
export const partOf = (offset: number): number =>
  offset < OPENING_CHARS ? 0 : 1 + Math.floor((offset - OPENING_CHARS) / TEXT_PART_CHARS);

/** `text` cut into the opening and parts of TEXT_PART_CHARS characters; always at least the opening. */
export function splitText(text: string): string[] {
  const chars = Array.from(text);
  const parts = [chars.slice(0, OPENING_CHARS).join('')];
  for (let at = OPENING_CHARS; at < chars.length; at += TEXT_PART_CHARS)
    parts.push(chars.slice(at, at + TEXT_PART_CHARS).join(''));
  return parts;
}

/**
 * Whether the first parts of a text, `text`, already hold the excerpt of `width` characters
 * around the first hit of any term (./marks.ts excerpt()): a hit, and enough text
 * after it that more could not move the excerpt's end (src/search/core/excerpt.ts). A hit cut at
 * the end of a part is found once the next part is added. `startCut`: the text starts after part 0.
 */
export function excerptReady(
  text: string,
  terms: readonly string[],
  fold: Fold,
  width: number,
  startCut = false,
): boolean {
  const first = matchRanges(text, terms, fold)[0];
  return first !== undefined && excerptWindow(Array.from(text), first, width, { start: startCut, end: true }).ready;
}

/**
 * The part an excerpt starts from. `starts`: index positions where the terms occur (ascending),
 * or undefined when they are unknown (a one-character term). `bodyPosition`: the story's, from
 * its SearchRecord (./record.ts). A hit's folded offset is at most its offset in the text, so the hit
 * is in this part or a later one; one part earlier when the hit is too close to the part's start
 * for the excerpt's lead-in (src/search/core/excerpt.ts maxLeadIn). null: no hit in the body (the terms are only in the head).
 */
export function startPart(
  starts: readonly number[] | undefined,
  bodyPosition: number,
  parts: number,
  width: number,
): number | null {
  if (!starts) return 0;
  const first = starts.find((p) => p >= bodyPosition);
  if (first === undefined) return null;
  const offset = first - bodyPosition;
  let part = partOf(offset);
  if (part > 0 && offset - partStart(part) < maxLeadIn(width)) part--;
  return Math.min(part, parts);
}
