/**
 * `npm run audit`: Lighthouse (all four categories, system Chromium) on the home page, the
 * heaviest story and the search page, plus every story page's weight as the gate measures it.
 * Performance is recorded here, not asserted: it depends on the machine. Writes reports/audit.{json,md}.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { launchBrowser } from '../tooling/browser.ts';
import { storyPages } from '../tooling/gates/pages.ts';
import { BUDGET, measureWeight, type PageWeight } from '../tooling/gates/weight.ts';
import { launchForLighthouse, runLighthouse, type LighthouseResult } from '../tooling/gates/lighthouse.ts';
import { startServer } from '../tooling/server/serve.ts';

const DIST = process.env.ARCHIVE_OUT_DIR ?? 'dist';
const OUT = 'reports';

const server = await startServer(DIST);
try {
  // Weights first, with Playwright's Chromium, the same measurement as tests/gates/weight.test.ts.
  const browser = await launchBrowser();
  const page = await (await browser.newContext()).newPage();
  const weights: PageWeight[] = [];
  for (const story of storyPages(DIST)) weights.push(await measureWeight(page, `${server.url}${story.path}`));
  await browser.close();
  if (weights.length === 0) throw new Error(`no story pages in ${DIST}: run npm run build`);
  const heaviest = weights.reduce((a, b) => (a.html + a.css >= b.html + b.css ? a : b));
  const heaviestPath = new URL(heaviest.url).pathname;

  const chrome = await launchForLighthouse();
  const lighthouse: Record<string, LighthouseResult> = {};
  try {
    for (const [name, path] of [
      ['home', '/'],
      ['story', heaviestPath],
      ['search', '/search/'],
    ] as const) {
      console.log(`Lighthouse: ${name} ${path}`);
      lighthouse[name] = await runLighthouse(`${server.url}${path}`, chrome.port, [
        'performance',
        'accessibility',
        'best-practices',
        'seo',
      ]);
    }
  } finally {
    chrome.close();
  }

  const report = {
    date: new Date().toISOString(),
    lighthouse: Object.fromEntries(
      Object.entries(lighthouse).map(([name, r]) => [
        name,
        { path: new URL(r.url).pathname, scores: r.scores, metrics: r.metrics, failing: r.failing },
      ]),
    ),
    largestStory: {
      path: heaviestPath,
      htmlGzip: heaviest.html,
      cssGzip: heaviest.css,
      htmlCssGzip: heaviest.html + heaviest.css,
      htmlCssRaw: heaviest.rawHtmlCss,
      jsGzip: heaviest.js,
      budget: BUDGET,
    },
    stories: weights.map((w) => ({
      path: new URL(w.url).pathname,
      htmlGzip: w.html,
      cssGzip: w.css,
      jsGzip: w.js,
      fonts: w.fonts.length,
    })),
  };

  const pct = (score: number | null | undefined) => (score == null ? '–' : String(Math.round(score * 100)));
  const ms = (value: number | undefined) => (value == null ? '–' : `${Math.round(value)} ms`);
  const md = [
    `# Audit ${report.date}`,
    '',
    '| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |',
    '|---|---|---|---|---|---|---|---|---|',
    ...Object.entries(lighthouse).map(
      ([name, r]) =>
        `| ${name} \`${new URL(r.url).pathname}\` | ${pct(r.scores.performance)} | ${pct(r.scores.accessibility)} | ${pct(r.scores['best-practices'])} | ${pct(r.scores.seo)} | ${ms(r.metrics['first-contentful-paint'])} | ${ms(r.metrics['largest-contentful-paint'])} | ${ms(r.metrics['total-blocking-time'])} | ${(r.metrics['cumulative-layout-shift'] ?? 0).toFixed(3)} |`,
    ),
    '',
    `Largest story page: \`${heaviestPath}\`: HTML ${heaviest.html} + CSS ${heaviest.css} = ${heaviest.html + heaviest.css} bytes gzip ` +
      `(${heaviest.rawHtmlCss} raw; budget ${BUDGET.htmlCss}), JavaScript ${heaviest.js} bytes gzip (budget ${BUDGET.js}).`,
    '',
  ].join('\n');
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}/audit.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${OUT}/audit.md`, md);
  console.log(`\n${md}\nWritten to ${OUT}/audit.json and ${OUT}/audit.md`);
} finally {
  await server.close();
}
