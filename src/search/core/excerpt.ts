/**
 * Where a search excerpt starts and ends. An excerpt is cut at clause boundaries — the start or
 * end of the text, or right after clause punctuation (，。；：！？、 and their half-width forms, a
 * line break), closing quotes and brackets staying with the clause they close — so a reader never
 * sees "…0月3日" for 10月3日 or "…导报讯" for 科学导报讯. Only where no clause boundary lies near
 * enough does it fall back to a weaker cut, and even then never inside a run of digits or Latin
 * letters (src/lib/clauses.ts). Works on code points (an array of characters), like the rest of the search code.
 */
import { isClauseBoundary, isWeakBoundary } from '../../lib/clauses.ts';

export interface ExcerptCut {
  /** The text given is a piece: the story goes on before it (its start is no boundary). */
  start?: boolean | undefined;
  /** The story goes on after it (its end is no boundary). */
  end?: boolean | undefined;
}

export interface ExcerptWindow {
  /** [start, end) in code points of the text. */
  start: number;
  end: number;
  /**
   * Whether more text after a piece (cut.end) could not change the window: the caller fetches
   * more of the story until it is (src/search/client/excerpt-text.ts). Always true for a whole text.
   */
  ready: boolean;
}

/** Characters of lead-in an excerpt aims for before its hit, and the most it takes. */
const leadIn = (width: number): number => Math.floor(width / 4);
export const maxLeadIn = (width: number): number => Math.floor(width / 2);
/** How far past `width` an excerpt may run to reach a clause boundary. */
export const overrun = (width: number): number => Math.floor(width / 2);
/** A whole text this much longer than `width` is still shown whole. */
export const nearlyFits = (width: number): number => Math.floor(width / 4);

/**
 * The window of an excerpt of about `width` characters around `hit` ([start, end) of the first
 * hit; undefined: the text's opening). It contains the hit whole; it starts at the text's start
 * or right after a clause, and ends at the text's end or at a clause's end; it never splits a run
 * of letters or digits. Its length is at most max(width, hit length + maxLeadIn) + overrun(width),
 * except where a run of letters and digits longer than that has to be kept whole.
 */
export function excerptWindow(
  chars: readonly string[],
  hit: readonly [number, number] | undefined,
  width: number,
  cut: ExcerptCut = {},
): ExcerptWindow {
  const n = chars.length;
  const [hitStart, hitEnd] = hit ?? [0, 0];
  const realStart = !cut.start;
  const realEnd = !cut.end;
  const clause = (j: number) => (j === 0 && realStart) || (j === n && realEnd) || isClauseBoundary(chars, j);
  const weak = (j: number) => (j === 0 && realStart) || (j === n && realEnd) || isWeakBoundary(chars, j);

  if (realStart && realEnd && n <= width + nearlyFits(width)) return { start: 0, end: n, ready: true };

  // Start: the earliest clause start within the lead-in, else the latest one further back.
  let start = -1;
  for (let j = Math.max(0, hitStart - leadIn(width)); j <= hitStart && start < 0; j++) if (clause(j)) start = j;
  for (let j = hitStart - leadIn(width) - 1; j >= Math.max(0, hitStart - maxLeadIn(width)) && start < 0; j--)
    if (clause(j)) start = j;
  if (start < 0) {
    const low = Math.max(0, hitStart - maxLeadIn(width));
    start = nearest(weak, hitStart - leadIn(width), low, hitStart) ?? nearest(weak, low - 1, 0, low - 1) ?? 0;
  }

  // End: the latest clause end within the width, else the first one a little past it.
  const target = Math.max(hitEnd, start + width);
  const limit = target + overrun(width);
  let end = -1;
  if (realEnd && n <= start + width + nearlyFits(width)) end = n;
  for (let j = Math.min(n, start + width); j >= hitEnd && end < 0; j--) if (clause(j)) end = j;
  for (let j = target + 1; j <= Math.min(n, limit) && end < 0; j++) if (clause(j)) end = j;
  const clauseEnd = end >= 0;
  if (!clauseEnd) end = nearest(weak, Math.min(n, start + width), Math.max(hitEnd, start + 1), n) ?? n;

  // Known to be final: every boundary it was chosen among is in the text.
  const ready = realEnd || (clauseEnd ? (end <= start + width ? n > start + width : end < n) : n > limit && end < n);

  // Near the real end, a short window reaches back to fill its width.
  if (realEnd && end === n) {
    for (let j = Math.max(0, end - width); j < start; j++) {
      if (clause(j)) {
        start = j;
        break;
      }
    }
  }
  return { start, end, ready };
}

/** The boundary nearest `from` in [low, high]: looking from `from` down to `low`, then up to `high`. */
function nearest(ok: (j: number) => boolean, from: number, low: number, high: number): number | undefined {
  for (let j = Math.min(from, high); j >= low; j--) if (ok(j)) return j;
  for (let j = Math.max(from + 1, low); j <= high; j++) if (ok(j)) return j;
  return undefined;
}
