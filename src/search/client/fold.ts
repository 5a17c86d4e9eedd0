/**
 * The 繁體 = 简体 fold table on the search page: the build's table (src/search/core/fold-table.ts,
 * /lexicon-files/<id>/fold.bin, about 14 KB gzip), fetched only when a search needs it and
 * installed for every fold after (src/search/core/tokens.ts useFoldTable).
 *
 * Without it, folding leaves Traditional characters as they are, which is exact for any text
 * that holds none of the table's characters. The engine (./engine.ts) loads it before folding
 * anything that might:
 * - a query: its Traditional characters are never in the index (the indexer folded them
 *   away), so a query holding one finds a word in no lexicon bucket; on such an answer the
 *   engine loads the table and searches again when the query folds otherwise;
 * - a story's text (excerpts, marks, the hit passed to the story page, the check of a
 *   candidate's text): the indexer records `folds` in what a result shows when the story holds a
 *   character of the table, and a result's data arrives only once the table is in place.
 */
import { parseFoldTable } from '../core/fold-table.ts';
import type { SearchManifest } from '../core/lexicon.ts';
import { hasFoldTable, useFoldTable, type SearchResultMeta } from '../core/tokens.ts';
import { searchFoldTablePath } from '../../lib/urls.ts';
import { fetchGzip } from './index-files.ts';

let loading: Promise<void> | undefined;

/** Fetches and installs the build's fold table, once a page (a failure is forgotten, so a later search tries again). */
export function loadFoldTable(index: SearchManifest): Promise<void> {
  if (hasFoldTable()) return Promise.resolve();
  if (!loading) {
    loading = fetchGzip(searchFoldTablePath(index.id))
      .then((response) => response.text())
      .then((text) => useFoldTable(parseFoldTable(text)));
    loading.catch(() => (loading = undefined));
  }
  return loading;
}

/** Resolves once the texts of a result with this meta can be folded (at once for a story with no Traditional character). */
export const foldReadyFor = (index: SearchManifest, meta: Pick<SearchResultMeta, 'folds'>): Promise<void> =>
  meta.folds ? loadFoldTable(index) : Promise.resolve();
