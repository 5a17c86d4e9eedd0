/**
 * Hosting gate: dist/_headers gives every file the right headers, the pages' inline code runs
 * under its CSP, and the site served with those headers reports no CSP violation in Chromium.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headerProblems, netlifyProblems, readRules } from '../../tooling/gates/headers.ts';
import { builtFiles, htmlPages } from '../../tooling/gates/pages.ts';
import { headersFor } from '../../tooling/headers/parse-headers.ts';
import { watchCsp } from '../support/csp-violations.ts';
import { KNOWN_QUERY, searchFor, skipWithoutSearch } from '../support/search.ts';
import { DIST, SERVER, useSite } from '../support/site.ts';

const site = useSite();

test('_headers: CSP, nosniff, Referrer-Policy on pages; a year immutable only for hashed files', () => {
  const problems = headerProblems(DIST);
  assert.deepEqual(problems, [], problems.join('\n'));
});

test("_headers read by Netlify's own parser and matcher gives the same headers, Cache-Control from one block", async () => {
  const problems = await netlifyProblems(DIST);
  assert.deepEqual(problems, [], problems.slice(0, 20).join('\n'));
});

test(`the server (${SERVER}) sends for every file of the build exactly what _headers asks for`, async () => {
  const rules = readRules(DIST);
  const wrong: string[] = [];
  for (const file of builtFiles(DIST)) {
    if (file.rel === '_headers' || /\.(br|gz)$/.test(file.rel)) continue;
    const response = await fetch(site.url(file.path), { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
    if (response.status !== 200) wrong.push(`${file.path}: status ${response.status}`);
    for (const [name, value] of headersFor(rules, file.path)) {
      const sent = response.headers.get(name);
      if (sent !== value)
        wrong.push(`${file.path}: ${name} is ${JSON.stringify(sent)}, _headers says ${JSON.stringify(value)}`);
    }
  }
  assert.deepEqual(wrong, [], wrong.slice(0, 20).join('\n'));
});

test('the server sends what _headers asks for', async () => {
  const page = htmlPages(DIST).find((p) => p.path.startsWith('/stories/'))!;
  const html = await fetch(site.url(page.path));
  assert.match(html.headers.get('content-security-policy') ?? '', /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(html.headers.get('x-content-type-options'), 'nosniff');
  assert.ok(html.headers.get('referrer-policy'));
  const css = /href="(\/_astro\/[^"]+\.css)"/.exec(await html.text())?.[1];
  assert.ok(css, 'the page links its stylesheet from /_astro/');
  assert.match((await fetch(site.url(css))).headers.get('cache-control') ?? '', /immutable/);
  assert.equal((await fetch(site.url('/_headers'))).status, 404, '_headers itself is not served');
});

test('every page loads under the CSP with no violation reported', async () => {
  const page = await (await site.context()).newPage();
  const violations = await watchCsp(page);
  const found: string[] = [];
  for (const { path } of htmlPages(DIST)) {
    await page.goto(site.url(path), { waitUntil: 'networkidle' });
    found.push(...(await violations()).map((v) => `${path}: ${v}`));
  }
  assert.deepEqual(found, [], found.join('\n'));
});

test(
  'search works under the CSP with no violation reported',
  { skip: skipWithoutSearch(DIST, 'headers: search under CSP') },
  async () => {
    const page = await (await site.context()).newPage();
    const violations = await watchCsp(page);
    const results = await searchFor(page, site.url('/'), KNOWN_QUERY);
    assert.ok(results.length > 0, `"${KNOWN_QUERY}" finds stories under the CSP`);
    assert.deepEqual(await violations(), []);
  },
);
