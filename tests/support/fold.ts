/** The build's fold (繁體 = 简体 table from OpenCC), as the indexer and the search page make it. */
import { openccFoldTable } from '../../src/search/build/opencc.ts';
import { createFold } from '../../src/search/core/fold.ts';

export const FOLD = createFold(openccFoldTable().table);
