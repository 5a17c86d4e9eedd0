/**
 * Writes .br and .gz beside the built site's scripts, styles, WebAssembly and JSON (run by
 * `npm run build` after indexing), so tooling/server/serve.ts serves them compressed as a static host or
 * CDN would. Pagefind's index files and the search's own files are compressed already and are left alone; HTML
 * is left to the host (thousands of pages, and every host compresses HTML on the fly).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const outDir = process.env.ARCHIVE_OUT_DIR ?? 'dist';
const COMPRESSIBLE = /\.(js|mjs|css|wasm|json|svg)$/;

/** Files under `dir` (recursively) worth compressing. */
function assets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return assets(path);
    return COMPRESSIBLE.test(entry.name) && statSync(path).size > 512 ? [path] : [];
  });
}

const files = ['_astro', 'pagefind'].flatMap((dir) => assets(join(outDir, dir)));
for (const file of files) {
  const body = readFileSync(file);
  writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
}
console.log(`Precompressed ${files.length} assets (.br, .gz)`);
