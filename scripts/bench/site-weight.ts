/**
 * Build time and page weight of the real archive: `npm run bench:site`.
 * Times `npm run build` (Astro + search index) and reports, per story page, the bytes of its HTML
 * plus the CSS it links, raw, gzip and brotli (what one network round trip has to carry).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const DIST = 'dist';

function timeBuild(): number {
  const started = performance.now();
  const result = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'ignore' });
  if (result.status !== 0) throw new Error('npm run build failed');
  return (performance.now() - started) / 1000;
}

/** HTML of a page plus every stylesheet it links, concatenated as they travel. */
function pageWithCss(htmlPath: string): Buffer {
  const html = readFileSync(htmlPath, 'utf8');
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) =>
    readFileSync(join(DIST, m[1]!)),
  );
  return Buffer.concat([Buffer.from(html), ...css]);
}

const seconds = timeBuild();
const rows = readdirSync(join(DIST, 'stories')).map((slug) => {
  const bytes = pageWithCss(join(DIST, 'stories', slug, 'index.html'));
  return { slug, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
});
rows.sort((a, b) => b.brotli - a.brotli);
console.log(`build + index: ${seconds.toFixed(1)} s`);
console.log('story page HTML + CSS (bytes):');
console.table(rows);
const largest = rows[0]!;
console.log(`largest: ${largest.slug} ${largest.gzip} B gzip, ${largest.brotli} B brotli (budget 14,600)`);
