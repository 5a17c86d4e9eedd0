/**
 * Each gate fails on a deliberately broken page (tests/fixtures/), through the same functions
 * the gates run on the real build: a gate that cannot fail would prove nothing.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { launchForLighthouse, runLighthouse } from '../../tooling/gates/lighthouse.ts';
import { startServer } from '../../tooling/server/serve.ts';
import { parseHeaders } from '../../tooling/headers/parse-headers.ts';
import { launchBrowser } from '../../tooling/browser.ts';
import { watchCsp } from '../support/csp-violations.ts';
import { axeViolations } from '../../tooling/gates/axe.ts';
import { headerProblems, netlifyProblems } from '../../tooling/gates/headers.ts';
import { htmlErrors } from '../../tooling/gates/html.ts';
import { formatLinkProblems, linkProblems } from '../../tooling/gates/links.ts';
import { nuErrors } from '../../tooling/gates/nu.ts';
import { budgetProblems, measureWeight } from '../../tooling/gates/weight.ts';

const FIXTURES = 'tests/fixtures';
const realRules = () => parseHeaders(readFileSync('public/_headers', 'utf8'));

const cleanup: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** Serves a folder with the site's own server and opens one shared browser. */
async function serve(dir: string) {
  const server = await startServer(dir);
  cleanup.push(() => server.close());
  return server;
}
let browserPromise: ReturnType<typeof launchBrowser> | undefined;
async function newPage() {
  if (!browserPromise) {
    browserPromise = launchBrowser();
    cleanup.push(async () => (await browserPromise!).close());
  }
  return (await (await browserPromise).newContext({ locale: 'zh-CN' })).newPage();
}

/** A scratch folder removed after the tests. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gate-fixture-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const ruleIds = (lines: string[]) => lines.map((l) => /^(?:\[[^\]]+\] )?([a-z-]+) \(/.exec(l)?.[1]);

test('axe fails a page with low-contrast text', async () => {
  const server = await serve(FIXTURES);
  const page = await newPage();
  await page.goto(`${server.url}/low-contrast/`);
  assert.ok(ruleIds(await axeViolations(page)).includes('color-contrast'));
});

test('axe fails a page whose contrast breaks only in dark mode, and only there', async () => {
  const server = await serve(FIXTURES);
  const page = await newPage();
  await page.goto(`${server.url}/dark-contrast/`);
  await page.emulateMedia({ colorScheme: 'light' });
  assert.deepEqual(await axeViolations(page), []);
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.ok(ruleIds(await axeViolations(page)).includes('color-contrast'));
});

test('html-validate fails a page with a misplaced block and a deprecated element', async () => {
  const errors = await htmlErrors([join(FIXTURES, 'invalid-html/index.html')]);
  const rules = errors.map((e) => / ([a-z-]+): /.exec(e)?.[1]);
  assert.ok(rules.includes('deprecated'), errors.join('\n'));
  assert.ok(
    rules.some((r) => r === 'no-implicit-close' || r === 'close-order' || r === 'element-permitted-content'),
    errors.join('\n'),
  );
  assert.deepEqual(await htmlErrors([join(FIXTURES, 'low-contrast/index.html')]), [], 'a valid fixture passes');
});

test('the Nu HTML Checker fails a script after </html>, which html-validate lets through', () => {
  const file = join(FIXTURES, 'stray-script/index.html');
  const errors = nuErrors([file, join(FIXTURES, 'low-contrast/index.html')]);
  assert.ok(
    errors.some((e) => e.startsWith(file) && /Stray start tag .?script/.test(e)),
    errors.join('\n'),
  );
  assert.ok(!errors.some((e) => e.includes('low-contrast')), 'a valid fixture passes');
});

test('the link checker fails dead hrefs, src, srcset, stylesheets, form actions, fragments and script URLs', async () => {
  // The fixture is a site published at its own address: a dead absolute link to it is the build's own.
  const problems = await linkProblems(join(FIXTURES, 'dead-link'), 'https://archive.kexuedaobao.example');
  const urls = problems.map((p) => p.url);
  // /gone/ is linked only by its absolute address (https://archive.kexuedaobao.example/gone/).
  for (const url of [
    '/no-such.css',
    '/no-such-page/',
    '/#no-such-id',
    '/gone/',
    '/missing.png',
    '/missing-2x.png',
    '/no-such-action/',
    'javascript:void(0)',
  ]) {
    assert.ok(urls.includes(url), `${url} reported:\n${urls.join('\n')}`);
  }
  assert.ok(!urls.some((url) => url.includes('example.org')), 'other sites are not checked');
  assert.match(problems.find((p) => p.url === '/#no-such-id')?.reason ?? '', /no element with that id/);
  assert.match(problems.find((p) => p.url === '/section')?.reason ?? '', /trailing slash/);
  assert.equal(problems.length, 9, formatLinkProblems(problems));
});

test('the weight budget fails an oversized page, heavy JavaScript and a web font', async () => {
  const dir = scratch();
  // Pseudo-random text compresses badly, like a long story would not: ~40 KB gzip.
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const text = Array.from({ length: 20_000 }, () => String.fromCodePoint(0x4e00 + Math.floor(random() * 20_000))).join(
    '',
  );
  const script = Array.from({ length: 400 }, (_, i) => `window.v${i} = ${Math.floor(random() * 1e9)};`).join('\n');
  writeFileSync(join(dir, 'big.js'), script);
  writeFileSync(join(dir, 'font.woff2'), 'not really a font');
  writeFileSync(
    join(dir, 'index.html'),
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>超重</title>
<style>@font-face { font-family: Body; src: url(/font.woff2) format("woff2"); } body { font-family: Body, serif; }</style>
<script src="/big.js"></script></head><body><main><p>${text}</p></main></body></html>`,
  );
  const server = await serve(dir);
  const weight = await measureWeight(await newPage(), `${server.url}/`);
  const problems = budgetProblems(weight).join('\n');
  assert.match(problems, /HTML \+ CSS is \d+ bytes gzip/);
  assert.match(problems, /JavaScript is \d+ bytes gzip/);
  assert.match(problems, /downloads web font .*font\.woff2/);
});

test('the header gate fails a _headers file without a CSP', () => {
  const problems = headerProblems(join(FIXTURES, 'no-csp'));
  assert.ok(problems.includes('/: no Content-Security-Policy'), problems.join('\n'));
});

test('the header gate fails weak policies and wrong caching', () => {
  const rules = parseHeaders(`/*
  Content-Security-Policy: default-src 'self'; script-src 'self' 'unsafe-inline'
  X-Content-Type-Options: nosniff
  Cache-Control: public, max-age=31536000, immutable
`);
  const problems = headerProblems(join(FIXTURES, 'no-csp'), rules).join('\n');
  assert.match(problems, /script-src allows 'unsafe-inline'/);
  assert.match(problems, /object-src is not 'none'/);
  assert.match(problems, /no Referrer-Policy/);
  assert.match(problems, /keeps its name across builds: Cache-Control should be "no-cache"/);
});

test('the header gate fails blocks that overlap only as Netlify matches them (a trailing slash is optional there)', async () => {
  const dir = scratch();
  cpSync(join(FIXTURES, 'no-csp'), dir, { recursive: true });
  mkdirSync(join(dir, '_astro'));
  writeFileSync(join(dir, '_astro', 'x.css'), 'p{}');
  writeFileSync(
    join(dir, '_headers'),
    '/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n/:a/:b/\n  Cache-Control: no-cache\n',
  );
  assert.ok(!headerProblems(dir).some((p) => p.includes('Cache-Control set by')), 'exact matching sees no overlap');
  const problems = await netlifyProblems(dir);
  assert.ok(
    problems.some((p) => p.startsWith('/_astro/x.css: Cache-Control set by 2 blocks')),
    problems.join('\n'),
  );
});

test("an inline script is refused by the site's CSP: statically and in the browser", async () => {
  const dir = scratch();
  cpSync(join(FIXTURES, 'inline-script'), dir, { recursive: true });
  cpSync('public/_headers', join(dir, '_headers'));
  assert.ok(headerProblems(dir, realRules()).some((p) => p.includes('inline <script> blocked')));
  const server = await serve(dir);
  const page = await newPage();
  const violations = await watchCsp(page);
  await page.goto(`${server.url}/`);
  assert.equal(await page.locator('#out').innerText(), '内联脚本会被 CSP 拦下。', 'the script did not run');
  assert.ok(
    (await violations()).some((v) => /script-src/.test(v)),
    'the browser reported the violation',
  );
});

test('Lighthouse scores a low-contrast page below 1 for accessibility', async () => {
  const server = await serve(FIXTURES);
  const chrome = await launchForLighthouse();
  cleanup.push(() => chrome.close());
  const { scores, failing } = await runLighthouse(`${server.url}/low-contrast/`, chrome.port, ['accessibility']);
  assert.ok((scores.accessibility ?? 1) < 1, `accessibility ${scores.accessibility}`);
  assert.ok(
    failing.some((f) => f.includes('color-contrast')),
    failing.join('\n'),
  );
});
