// A stock Astro site of the same story files, for bench:scale's ratio (scripts/bench/stock.ts):
// Astro's own Markdown rendering, one bare page a story, no integrations.
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.STOCK_OUT_DIR,
  cacheDir: process.env.STOCK_CACHE_DIR,
  markdown: { syntaxHighlight: false },
  logLevel: 'warn',
});
