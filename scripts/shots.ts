/**
 * Screenshots of the built archive for review without a server: home, a story, search with
 * results, a section, the source page and the 404 page, at 1280 and 375 px, light and dark.
 * Builds nothing: run `npm run build` first. Writes PNGs to reports/shots/ (git-ignored).
 * `node scripts/shots.ts` (`npm run shots`).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer } from '../tooling/server/serve.ts';
import { launchBrowser } from '../tooling/browser.ts';
import { searchPath, sectionPath, sourcePath, storyPath } from '../src/lib/urls.ts';

const OUT = 'reports/shots';
const PAGES: { name: string; path: string; ready?: string }[] = [
  { name: 'home', path: '/' },
  { name: 'story', path: storyPath('lingshi-etdz-transformation') },
  { name: 'story-photo', path: storyPath('taiyuan-energy-storage-station-photo') },
  { name: 'search', path: searchPath('储能'), ready: '[data-testid="search-results"] li' },
  { name: 'section', path: sectionPath('project') },
  { name: 'source', path: sourcePath('000_d8543457e77b1294.txt') },
  { name: '404', path: '/no-such-page/' },
];
const WIDTHS = [1280, 375];
const SCHEMES = ['light', 'dark'] as const;

const server = await startServer(process.env.ARCHIVE_OUT_DIR ?? 'dist');
const browser = await launchBrowser();
await mkdir(OUT, { recursive: true });
let written = 0;
const skipped = new Set<string>();
try {
  for (const width of WIDTHS) {
    for (const colorScheme of SCHEMES) {
      const context = await browser.newContext({
        locale: 'zh-CN',
        viewport: { width, height: width > 600 ? 900 : 812 },
        colorScheme,
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      for (const { name, path, ready } of PAGES) {
        const response = await page.goto(new URL(path, server.url).href);
        // The 404 page is expected to answer 404; any other page that does is not built (yet).
        if (response?.status() === 404 && name !== '404') {
          if (!skipped.has(name)) console.warn(`skipped ${name}: ${path} answers 404`);
          skipped.add(name);
          continue;
        }
        if (ready)
          await page
            .waitForSelector(ready, { timeout: 10_000 })
            .catch(() => console.warn(`${name}: ${ready} not shown`));
        const file = join(OUT, `${name}-${width}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        written += 1;
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${written} screenshots in ${OUT}/`);
