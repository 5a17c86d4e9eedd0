/**
 * Lighthouse against the system Chromium (never a downloaded browser), shared by the quality
 * gate test and `npm run audit`.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_PATH } from '../browser.ts';

export type Category = 'performance' | 'accessibility' | 'best-practices' | 'seo';

export interface LighthouseResult {
  url: string;
  /** Category scores 0–1 (null when Lighthouse could not score). */
  scores: Partial<Record<Category, number | null>>;
  /** Audits that lost points, "category: audit id — title", for messages. */
  failing: string[];
  /** Key performance figures in milliseconds (only when performance ran). */
  metrics: Record<string, number>;
}

/** Starts headless Chromium once for several Lighthouse runs; `close` kills it. */
export async function launchForLighthouse(): Promise<{ port: number; close(): void }> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-component-update'],
    logLevel: 'error',
  });
  return { port: chrome.port, close: () => chrome.kill() };
}

/** Runs Lighthouse on `url` with the Chromium listening on `port`. */
export async function runLighthouse(url: string, port: number, categories: Category[]): Promise<LighthouseResult> {
  const result = await lighthouse(url, { port, onlyCategories: categories, logLevel: 'error', output: 'json' });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores: LighthouseResult['scores'] = {};
  const failing: string[] = [];
  for (const id of categories) {
    const category = lhr.categories[id];
    scores[id] = category?.score ?? null;
    for (const ref of category?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
        failing.push(`${id}: ${ref.id} — ${audit.title}`);
      }
    }
  }
  const metrics: Record<string, number> = {};
  for (const id of [
    'first-contentful-paint',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
    'speed-index',
  ]) {
    const value = lhr.audits[id]?.numericValue;
    if (typeof value === 'number') metrics[id] = value;
  }
  return { url, scores, failing, metrics };
}
