/**
 * Finding the terms again in a text as printed: the ranges to mark (every occurrence whole), the
 * excerpt around the first hit (cut at clause boundaries, ./excerpt.ts) and the hit a result link
 * asks the story page to highlight. Matching folds the text with the caller's fold, and maps
 * folded offsets back to the text's own.
 */
import { excerptWindow, type ExcerptCut } from './excerpt.ts';
import type { Fold } from './fold.ts';

/** A piece of an excerpt: plain text, or a matched term to mark. */
export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * Where the terms occur in `text`, as [start, end) code-point ranges of the ORIGINAL text,
 * merged when they overlap. Folding keeps at most one output character per input character,
 * so a map from folded to original offsets is kept.
 */
export function matchRanges(text: string, terms: readonly string[], fold: Fold): [number, number][] {
  const { chars: folded, origin } = fold.withOrigins(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    const t = Array.from(term);
    for (let i = 0; i + t.length <= folded.length; i++) {
      let k = 0;
      while (k < t.length && folded[i + k] === t[k]) k++;
      if (k === t.length) ranges.push([origin[i]!, origin[i + t.length - 1]! + 1]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Text split into plain and marked segments (every occurrence of every term marked whole). */
export function markTerms(text: string, terms: readonly string[], fold: Fold): Segment[] {
  return segmentsOf(Array.from(text), matchRanges(text, terms, fold), 0, Array.from(text).length);
}

function segmentsOf(chars: string[], ranges: [number, number][], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let at = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    const start = Math.max(s, from);
    const end = Math.min(e, to);
    if (start > at) out.push({ text: chars.slice(at, start).join(''), mark: false });
    out.push({ text: chars.slice(start, end).join(''), mark: true });
    at = end;
  }
  if (at < to) out.push({ text: chars.slice(at, to).join(''), mark: false });
  return out;
}

/**
 * An excerpt of about `width` characters around the first hit of any term, hits marked whole, cut
 * at clause boundaries (./excerpt.ts). Without a hit (the terms are only in the headline) the
 * text's opening. `cut`: `text` is a piece of the story's text, which goes on before it (start) or
 * after it (end). "…" marks where the story goes on.
 */
export function excerpt(
  text: string,
  terms: readonly string[],
  fold: Fold,
  width = 80,
  cut: ExcerptCut = {},
): Segment[] {
  const chars = Array.from(text);
  const ranges = matchRanges(text, terms, fold);
  const cutAt = excerptWindow(chars, ranges[0], width, cut);
  // Trimmed: a window may end with a paragraph's line break.
  let { start, end } = cutAt;
  while (start < end && /\s/u.test(chars[start]!)) start++;
  while (end > start && /\s/u.test(chars[end - 1]!)) end--;
  const segments = segmentsOf(chars, ranges, start, end);
  if (cutAt.start > 0 || cut.start) segments.unshift({ text: '…', mark: false });
  if (cutAt.end < chars.length || cut.end) segments.push({ text: '…', mark: false });
  return segments;
}

/** The text a result link asks the story page to highlight: the first term found in `text`. */
export function firstHit(text: string, terms: readonly string[], fold: Fold): string | undefined {
  const first = matchRanges(text, terms, fold)[0];
  return first ? Array.from(text).slice(first[0], first[1]).join('') : undefined;
}
