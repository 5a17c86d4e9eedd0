/**
 * Build time and page weight of the real archive: `npm run bench:site`.
 * Times `npm run build` (Astro + search index), then weighs every story page in Chromium with the
 * weight gate's own measurement (tooling/gates/weight.ts), so the figures are the budget's.
 */
import { spawnSync } from 'node:child_process';
import { launchBrowser } from '../../tooling/browser.ts';
import { storyPages } from '../../tooling/gates/pages.ts';
import { BUDGET, measureWeight } from '../../tooling/gates/weight.ts';
import { startServer } from '../../tooling/server/serve.ts';

const DIST = process.env.ARCHIVE_OUT_DIR ?? 'dist';

const started = performance.now();
if (spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'ignore' }).status !== 0)
  throw new Error('npm run build failed');
console.log(`build + index: ${((performance.now() - started) / 1000).toFixed(1)} s`);

const server = await startServer(DIST);
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext()).newPage();
  const rows = [];
  for (const story of storyPages(DIST)) {
    const w = await measureWeight(page, `${server.url}${story.path}`);
    rows.push({ path: story.path, raw: w.rawHtmlCss, htmlCssGzip: w.html + w.css, jsGzip: w.js });
  }
  rows.sort((a, b) => b.htmlCssGzip - a.htmlCssGzip);
  console.log('story page HTML + CSS and JavaScript (bytes; gzip level 6, as the weight gate measures):');
  console.table(rows);
  const largest = rows[0]!;
  console.log(
    `largest: ${largest.path} ${largest.htmlCssGzip} B HTML + CSS gzip (budget ${BUDGET.htmlCss}), ${largest.jsGzip} B JS (budget ${BUDGET.js})`,
  );
} finally {
  await browser.close();
  await server.close();
}
