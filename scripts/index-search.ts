/** Builds the Pagefind index of dist/ (replaced by the exact-match indexer of issue #3). */
import * as pagefind from 'pagefind';

const outDir = process.env.ARCHIVE_OUT_DIR ?? 'dist';
const { index } = await pagefind.createIndex({});
if (!index) throw new Error('Pagefind could not create an index');
const { errors, page_count } = await index.addDirectory({ path: outDir });
if (errors.length) throw new Error(errors.join('\n'));
await index.writeFiles({ outputPath: `${outDir}/pagefind` });
await pagefind.close();
console.log(`Pagefind indexed ${page_count} pages`);
