/**
 * A query as the reader typed it, into terms: separated by spaces (ASCII or full-width); text in
 * "…" or “…” is one term, spaces and all. Duplicates dropped. Quote marks themselves are never
 * part of a term, and a term of invisible characters alone is no term.
 */
import { PLAIN_FOLD, type Fold } from './fold.ts';

/**
 * The longest query searched, in characters as folded (invisible ones not counted, a run of
 * spaces as one). The longest query of the acceptance lists has 9; a pasted paragraph is not a
 * search, and cutting it off keeps a paste of 100,000 characters from holding up the page.
 */
export const MAX_QUERY_CHARS = 200;

/** How many characters a query has as searched (folding is one character for one, so any fold counts alike). */
export const queryLength = (query: string): number => PLAIN_FOLD.chars(query).length;

/** Whether a query is longer than the search takes. */
export const queryTooLong = (query: string): boolean => queryLength(query) > MAX_QUERY_CHARS;

/** The query's terms, folded with `fold`. */
export function parseQuery(query: string, fold: Fold = PLAIN_FOLD): string[] {
  const terms = new Set<string>();
  // U+FEFF is in \s: left out of the separators, it is dropped inside its term by folding.
  const re = /"([^"]*)"?|“([^”]*)”?|[^\s\u3000"“”]+/gu;
  for (const m of query.replaceAll('\ufeff', '').matchAll(re)) {
    const term = fold.text(m[1] ?? m[2] ?? m[0]);
    if (term) terms.add(term);
  }
  return [...terms];
}
