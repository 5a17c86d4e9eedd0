/**
 * Bytes and milliseconds of searches in Chromium through the search page of the built site:
 * `npm run bench:search [-- [--later=term] query …]` (after `npm run build`; ARCHIVE_OUT_DIR picks
 * another build). Served by tooling/server/serve.ts, which sends the build's precompressed
 * .br/.gz files as a compressing host would (Pagefind's index files are gzipped already).
 *
 * Each query is searched on a fresh page (`/search/?q=…`, a new browser context: empty cache),
 * so its bytes include the page, pagefind.js, its worker and wasm. Two times, in ms since the
 * navigation started: until the first result shows (the first `#search-results li`; with no
 * results, until the search settles and the status line says so) and until the count is exact
 * (`#search-status[data-complete="true"]`; otherwise when `#search-results[aria-busy="false"]`
 * unless the status says data-complete="false": a page with progressive results must set that
 * while its count is partial; a count that is not exact fails `npm run bench:scale` anyway).
 * With --later=term, that term is then typed on the first query's page (phase "later"): the bytes
 * and ms of a search after a first one.
 *
 * Prints one JSON line per search: { phase, query, status, count, complete, firstMs, exactMs, bytes }.
 */
import type { BrowserContext, Page, Request } from 'playwright-core';
import { startServer } from '../../tooling/server/serve.ts';
import { launchBrowser } from '../../tooling/browser.ts';

const dist = process.env.ARCHIVE_OUT_DIR ?? 'dist';
const args = process.argv.slice(2);
const later = args.find((a) => a.startsWith('--later='))?.slice('--later='.length);
const given = args.filter((a) => !a.startsWith('--'));
const queries = given.length ? given : ['营商环境', '高新区', '区', '招商 项目'];

/** What a request fetched: Pagefind's files, the lexicon's (buckets, results, facets, fold table), or the page itself. */
const kind = (path: string): string =>
  /pagefind\.js$/.test(path)
    ? 'js'
    : /worker/.test(path)
      ? 'worker'
      : /wasm/.test(path)
        ? 'wasm'
        : /pf_meta$/.test(path)
          ? 'meta'
          : /pf_index$/.test(path)
            ? 'index'
            : /pf_filter$/.test(path)
              ? 'filter'
              : /^\/excerpts\//.test(path)
                ? 'text'
                : /\/[0-9a-f]{16}\/fold\.bin$/.test(path)
                  ? 'fold'
                  : /\/[0-9a-f]{16}\/b\/\d+\.bin$/.test(path)
                    ? 'bucket'
                    : /\/[0-9a-f]{16}\/s\/\d+\.bin$/.test(path)
                      ? 'result'
                      : /\/[0-9a-f]{16}\/f\/\d+\.bin$/.test(path)
                        ? 'facets'
                        : /\.json$/.test(path)
                          ? 'entry'
                          : 'page';

async function bytes(requests: Request[]): Promise<Record<string, number>> {
  // total: bodies and response headers as HTTP/1.1 sends them; body: without the headers (HTTP/2
  // and HTTP/3, which every CDN speaks, compress repeated headers to a few bytes).
  const out: Record<string, number> = { total: 0, body: 0, headers: 0, requests: requests.length };
  for (const request of requests) {
    const { responseHeadersSize, responseBodySize } = await request.sizes();
    // Bytes on the wire: the Content-Length the server sent (the compressed size when it sent
    // .br/.gz). Chromium's own body size is unreliable for the worker script. Without one (the
    // servers always send it), the answer came from the browser's cache: a second Pagefind worker
    // reads the worker script and wasm the first one fetched. Then Chromium's size (0) counts.
    const response = await request.response();
    const length = Number((await response?.allHeaders())?.['content-length'] ?? Number.NaN);
    const body = Number.isFinite(length) ? length : responseBodySize;
    const k = kind(new URL(request.url()).pathname);
    out[k] = (out[k] ?? 0) + body + responseHeadersSize;
    out.total! += body + responseHeadersSize;
    out.body! += body;
    out.headers! += responseHeadersSize;
  }
  return out;
}

interface Timings {
  start: number;
  /** When the first result item was added. */
  firstItem?: number;
  /** When #search-results last became aria-busy="false". */
  settled?: number;
  /** When #search-status got data-complete="true". */
  complete?: number;
}
declare global {
  interface Window {
    __bench: Timings;
    __benchReset: () => void;
  }
}

/** Runs in every document before its scripts: records when results show, settle and are complete. */
function instrument(): void {
  const bench: Timings = { start: 0 };
  window.__bench = bench;
  window.__benchReset = () => {
    for (const key of ['firstItem', 'settled', 'complete'] as const) delete bench[key];
    bench.start = performance.now();
  };
  new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records) {
      const target = record.target as Element;
      if (record.type === 'childList' && target.id === 'search-results' && bench.firstItem === undefined) {
        if ([...record.addedNodes].some((node) => node.nodeName === 'LI')) bench.firstItem = now;
      } else if (record.attributeName === 'aria-busy' && target.id === 'search-results') {
        if (target.getAttribute('aria-busy') === 'false') bench.settled = now;
      } else if (record.attributeName === 'data-complete' && target.id === 'search-status') {
        if (target.getAttribute('data-complete') === 'true') bench.complete ??= now;
      }
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['aria-busy', 'data-complete'],
  });
}

/** Waits until the count is exact, then reads the status line and the times. */
async function finish(page: Page, phase: string, query: string, log: Request[]): Promise<Record<string, unknown>> {
  await page.waitForFunction(
    () => {
      const bench = window.__bench;
      if (bench.complete !== undefined) return true;
      // Settled, and the page does not say its count is partial (data-complete="false"): a page
      // without data-complete, or one whose attribute stayed "true" through a later search.
      const complete = document.getElementById('search-status')?.getAttribute('data-complete');
      const busy = document.getElementById('search-results')?.getAttribute('aria-busy');
      return bench.settled !== undefined && busy === 'false' && complete !== 'false';
    },
    undefined,
    { timeout: 600_000, polling: 20 },
  );
  const { timings, status, complete } = await page.evaluate(() => ({
    timings: { ...window.__bench },
    status: document.getElementById('search-status')?.textContent ?? '',
    complete: document.getElementById('search-status')?.getAttribute('data-complete') === 'true',
  }));
  await page.waitForLoadState('networkidle');
  const exact = (timings.complete ?? timings.settled)! - timings.start;
  const first = timings.firstItem === undefined ? exact : timings.firstItem - timings.start;
  return {
    phase,
    query,
    status,
    count: statusCount(status),
    complete,
    firstMs: Math.round(first),
    exactMs: Math.round(exact),
    bytes: await bytes(log),
  };
}

/** The count a status line gives: "…找到1,234篇…" or "…没有稿件…" (0); NaN otherwise. */
function statusCount(status: string): number {
  const found = /找到\s*([\d,]+)\s*篇/.exec(status)?.[1];
  if (found) return Number(found.replace(/,/g, ''));
  return /没有稿件/.test(status) ? 0 : Number.NaN;
}

const server = await startServer(dist);
const browser = await launchBrowser();

/** A fresh context (no cache) whose requests are logged into the returned array. */
async function freshPage(): Promise<{ context: BrowserContext; page: Page; log: Request[] }> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(instrument);
  const log: Request[] = [];
  context.on('requestfinished', (request) => log.push(request));
  if (process.env.BENCH_VERBOSE) context.on('requestfinished', (r) => console.error(r.url()));
  return { context, page: await context.newPage(), log };
}

try {
  for (const [i, query] of queries.entries()) {
    const { context, page, log } = await freshPage();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
    console.log(JSON.stringify(await finish(page, 'fresh', query, log)));
    if (i === 0 && later) {
      log.length = 0;
      await page.evaluate(() => window.__benchReset());
      await page.locator('#search-q').fill(later);
      await page.locator('#search-q').press('Enter');
      console.log(JSON.stringify(await finish(page, 'later', later, log)));
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
