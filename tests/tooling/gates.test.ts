/** The pure parts of the quality gates (tooling/gates), on small strings. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsp } from '../../tooling/headers/parse-csp.ts';
import {
  DENIED_FEATURES,
  cachePolicy,
  cspProblems,
  inlineCodeProblems,
  isolationProblems,
} from '../../tooling/gates/headers.ts';
import { formTargetsAndScriptUrls } from '../../tooling/gates/links.ts';
import { urlPathOf } from '../../tooling/gates/pages.ts';

test('built files map to the URLs hosts serve them at', () => {
  assert.equal(urlPathOf('index.html'), '/');
  assert.equal(urlPathOf('stories/a-b/index.html'), '/stories/a-b/');
  assert.equal(urlPathOf('404.html'), '/404.html');
  assert.equal(urlPathOf('_astro/x.css'), '/_astro/x.css');
});

test('links: form targets and script URLs, which linkinator does not read, are found', () => {
  const { formTargets, scriptUrls } = formTargetsAndScriptUrls(`<a href="/a/">a</a><a href=" JavaScript:alert(1)">x</a>
    <form action="/search/"><button formaction="/b/">b</button></form><iframe src="vbscript:x"></iframe><input formaction="/c/">`);
  assert.deepEqual(formTargets, ['/search/', '/b/', '/c/']);
  assert.deepEqual(scriptUrls, [' JavaScript:alert(1)', 'vbscript:x']);
});

test('caching: hashed names a year, fixed names revalidated', () => {
  assert.equal(cachePolicy('/_astro/BaseLayout.ByUlROsj.css'), 'immutable');
  assert.equal(cachePolicy('/lexicon-files/19747db2baf2b421/b/12.bin'), 'immutable');
  assert.equal(cachePolicy('/lexicon.json'), 'revalidate');
  assert.equal(cachePolicy('/lexicon-files/19747db2baf2b421/f/0.bin'), 'immutable');
  assert.equal(cachePolicy('/lexicon-files/19747db2baf2b421/dates.bin'), 'immutable');
  assert.equal(cachePolicy('/lexicon-files/19747db2baf2b421/fold.bin'), 'immutable');
  assert.equal(cachePolicy('/lexicon-files/19747db2baf2b421/b/fold.bin'), 'revalidate');
  assert.equal(cachePolicy('/lexicon-files/not-a-hash/b/12.bin'), 'revalidate');
  assert.equal(cachePolicy('/excerpts/lingshi-etdz-transformation-6abeca8bbf.3.txt.gz'), 'immutable');
  assert.equal(cachePolicy('/excerpts/lingshi-etdz-transformation.3.txt.gz'), 'revalidate', 'no hash: revalidate');
  assert.equal(cachePolicy('/pagefind/pagefind.zh-cn_16e91a83f235e.pf_meta'), 'either');
  assert.equal(cachePolicy('/pagefind/pagefind.js'), 'revalidate');
  assert.equal(cachePolicy('/stories/a/'), 'revalidate');
  assert.equal(cachePolicy('/pagefind/filter/qaa_af55cd1.pf_filter'), 'immutable');
});

test('isolation headers: CORP and COOP same-origin, Permissions-Policy denies unused features', () => {
  const good = new Map([
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Permissions-Policy', DENIED_FEATURES.map((f) => `${f}=()`).join(', ')],
  ]);
  assert.deepEqual(isolationProblems(good), []);
  const weak = isolationProblems(new Map([['Permissions-Policy', 'camera=(self), microphone=()']]));
  assert.ok(weak.includes('Cross-Origin-Resource-Policy is not same-origin'));
  assert.ok(weak.includes('Cross-Origin-Opener-Policy is not same-origin'));
  assert.ok(weak.includes('Permissions-Policy does not deny camera'));
  assert.ok(!weak.includes('Permissions-Policy does not deny microphone'));
});

test('CSP: inline code is found in elements and attributes; JSON-LD is data, not code', () => {
  const strict = parseCsp("default-src 'self'; script-src 'self'; style-src 'self'");
  const html = `<script type="application/ld+json">{"@type":"NewsArticle"}</script><script>x()</script>
    <script type="module">y()</script><style>p{}</style><p style="color:red" onclick="z()">t</p>`;
  assert.deepEqual(
    inlineCodeProblems(html, strict).map((p) => p.split(':')[0]),
    [
      'inline <script> blocked',
      'inline <script> blocked',
      'inline <style> blocked',
      'style attribute on <p> blocked',
      'onclick handler on <p> blocked',
    ],
  );
  assert.deepEqual(
    inlineCodeProblems('<script src="/a.js"></script><script type="application/json">{}</script>', strict),
    [],
  );
});

test('CSP: weak script sources are named', () => {
  assert.deepEqual(
    cspProblems(
      parseCsp(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types default",
      ),
      true,
    ),
    [],
  );
  const weak = cspProblems(parseCsp("script-src 'self' 'unsafe-eval' https:"), true);
  assert.ok(weak.includes("CSP script-src allows 'unsafe-eval'"));
  assert.ok(weak.includes('CSP script-src allows https:'));
  assert.ok(weak.includes("CSP script-src lacks 'wasm-unsafe-eval' (Pagefind)"));
  assert.ok(weak.includes('CSP has no default-src'));
  assert.ok(weak.includes("CSP does not require Trusted Types (require-trusted-types-for 'script')"));
  assert.ok(
    cspProblems(parseCsp('trusted-types *'), false).includes(
      'CSP trusted-types must name the allowed policies (no *, no duplicates)',
    ),
  );
});
