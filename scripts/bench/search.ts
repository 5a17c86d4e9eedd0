/**
 * Bytes and milliseconds of a first and of a later search, in Chromium, through the search page
 * of the built site: `npm run bench:search [-- firstQuery laterQuery …]` (after `npm run build`;
 * ARCHIVE_OUT_DIR picks another build). Served by tooling/server/serve.ts, which sends the build's precompressed
 * .br/.gz files as a compressing host would (Pagefind's index files are gzipped already).
 * Prints one JSON line per search; `first` includes loading pagefind.js, its worker and wasm.
 * These searches cover what the search page covers first, the newest shard of the index; then
 * each query is searched again over the whole archive (?scope=all, a fresh page: what a reader
 * who widens the search to every story downloads at most), phase "whole archive".
 */
import type { Request } from 'playwright-core';
import { startServer } from '../../tooling/server/serve.ts';
import { launchBrowser } from '../../tests/support/browser.ts';

const dist = process.env.ARCHIVE_OUT_DIR ?? 'dist';
const queries = process.argv.slice(2).length ? process.argv.slice(2) : ['营商环境', '高新区', '区', '招商 项目'];

const server = await startServer(dist);
const browser = await launchBrowser();
const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
let log: Request[] = [];
page.context().on('requestfinished', (request) => log.push(request));
if (process.env.BENCH_VERBOSE) page.context().on('requestfinished', (r) => console.error(r.url()));

const kind = (path: string): string =>
  /pagefind\.js$/.test(path) ? 'js' : /worker/.test(path) ? 'worker' : /wasm/.test(path) ? 'wasm' : /pf_meta$/.test(path) ? 'meta'
  : /pf_index$/.test(path) ? 'index' : /pf_filter$/.test(path) ? 'filter' : /pf_fragment$/.test(path) ? 'fragment' : /pf_text$/.test(path) ? 'text' : /\.json$/.test(path) ? 'entry' : 'page';

async function bytes(requests: Request[]): Promise<Record<string, number>> {
  // total: bodies and response headers as HTTP/1.1 sends them; body: without the headers (HTTP/2
  // and HTTP/3, which every CDN speaks, compress repeated headers to a few bytes).
  const out: Record<string, number> = { total: 0, body: 0, headers: 0, requests: requests.length };
  for (const request of requests) {
    const { responseHeadersSize } = await request.sizes();
    // Bytes on the wire: the Content-Length the server sent (the compressed size when it sent
    // .br/.gz). Chromium's own body size is unreliable for the worker script.
    const response = await request.response();
    const length = Number((await response?.allHeaders())?.['content-length'] ?? Number.NaN);
    const body = Number.isFinite(length) ? length : ((await response?.body().catch(() => undefined))?.length ?? 0);
    const k = kind(new URL(request.url()).pathname);
    out[k] = (out[k] ?? 0) + body + responseHeadersSize;
    out.total! += body + responseHeadersSize;
    out.body! += body;
    out.headers! += responseHeadersSize;
  }
  return out;
}

await page.goto(`${server.url}/search/`);
await page.waitForLoadState('networkidle');
const pageLoad = await bytes(log);
console.log(JSON.stringify({ phase: 'search page', bytes: pageLoad }));

for (const [i, query] of queries.entries()) {
  log = [];
  const { ms, status } = await page.evaluate(async (q) => {
    const list = document.querySelector('[data-testid="search-results"]')!;
    const input = document.getElementById('search-q') as HTMLInputElement;
    const started = performance.now();
    const done = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (list.getAttribute('aria-busy') === 'false') {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(list, { attributes: true, attributeFilter: ['aria-busy'] });
    });
    input.value = q;
    (document.getElementById('search-form') as HTMLFormElement).requestSubmit();
    await done;
    return { ms: Math.round(performance.now() - started), status: document.getElementById('search-status')!.textContent };
  }, query);
  await page.waitForLoadState('networkidle');
  console.log(JSON.stringify({ phase: i === 0 ? 'first search' : 'later search', query, status, ms, bytes: await bytes(log) }));
}

for (const query of queries) {
  log = [];
  const started = Date.now();
  await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}&scope=all`);
  await page.locator('[data-testid="search-results"][aria-busy="false"]').waitFor({ state: 'attached', timeout: 600_000 });
  const ms = Date.now() - started;
  const status = await page.locator('#search-status').textContent();
  await page.waitForLoadState('networkidle');
  console.log(JSON.stringify({ phase: 'whole archive', query, status, ms, bytes: await bytes(log) }));
}
await browser.close();
await server.close();
