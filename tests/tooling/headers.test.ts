/** The _headers parser the local server uses, and the CSP reader the hosting gate uses. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allowsInline, cspHash, effectiveSources, parseCsp } from '../../tooling/headers/parse-csp.ts';
import { getHeader, headersFor, matchesPattern, parseHeaders } from '../../tooling/headers/parse-headers.ts';

const FILE = `# comment
/*
  X-Content-Type-Options: nosniff
  Content-Security-Policy: default-src 'self'; script-src 'self'

/_astro/*
  Cache-Control: public, max-age=31536000, immutable
/stories/:slug/
  X-Robots-Tag: noarchive
  Link: </a.css>; rel=preload
`;

test('_headers parses into rules with their headers, values kept whole (colons and semicolons too)', () => {
  const rules = parseHeaders(FILE);
  assert.deepEqual(
    rules.map((r) => [r.pattern, r.line, r.headers.length]),
    [
      ['/*', 2, 2],
      ['/_astro/*', 6, 1],
      ['/stories/:slug/', 8, 2],
    ],
  );
  assert.deepEqual(rules[0]!.headers[1], ['Content-Security-Policy', "default-src 'self'; script-src 'self'"]);
  assert.deepEqual(rules[2]!.headers[1], ['Link', '</a.css>; rel=preload']);
});

test('_headers mistakes throw naming the line', () => {
  assert.throws(() => parseHeaders('  X-A: b\n'), /line 1: header before any path/);
  assert.throws(() => parseHeaders('/*\n  no colon here\n'), /line 2: expected "Name: value"/);
  assert.throws(() => parseHeaders('/*\n  X-Empty:\n'), /line 2/);
  assert.throws(() => parseHeaders('stories/*\n'), /line 1: a path pattern must start with "\/"/);
});

test('patterns: * matches anything, :name one segment, the rest literally', () => {
  assert.ok(matchesPattern('/*', '/'));
  assert.ok(matchesPattern('/*', '/stories/a/'));
  assert.ok(matchesPattern('/_astro/*', '/_astro/x.1a2b.css'));
  assert.ok(!matchesPattern('/_astro/*', '/_astrox/y'));
  assert.ok(matchesPattern('/stories/:slug/', '/stories/a-b/'));
  assert.ok(!matchesPattern('/stories/:slug/', '/stories/a/b/'));
  assert.ok(!matchesPattern('/a.css', '/abcss'), 'dots are literal');
  assert.ok(!matchesPattern('/search/', '/search/x'), 'anchored at the end');
});

test('every matching rule applies; a header set twice is joined with ", "', () => {
  const rules = parseHeaders(FILE);
  const astro = headersFor(rules, '/_astro/x.css');
  assert.equal(getHeader(astro, 'cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(getHeader(astro, 'X-CONTENT-TYPE-OPTIONS'), 'nosniff');
  assert.equal(getHeader(headersFor(rules, '/'), 'Cache-Control'), undefined);
  const twice = parseHeaders('/*\n  Cache-Control: no-cache\n/a/*\n  Cache-Control: max-age=1\n');
  assert.equal(getHeader(headersFor(twice, '/a/b'), 'Cache-Control'), 'no-cache, max-age=1');
});

test('CSP: directives parse, first occurrence wins, fallbacks follow CSP 3', () => {
  const csp = parseCsp(
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval';; script-src *; style-src-attr 'none'",
  );
  assert.deepEqual(csp.get('script-src'), ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(effectiveSources(csp, 'script'), ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(effectiveSources(csp, 'style'), ["'self'"], 'falls back to default-src');
  assert.deepEqual(effectiveSources(csp, 'style-attr'), ["'none'"]);
  assert.equal(effectiveSources(parseCsp("img-src 'self'"), 'script'), undefined);
});

test('CSP: inline code runs only by unsafe-inline (without hashes) or its own hash', () => {
  const code = 'alert(1)';
  assert.equal(cspHash(code), "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  assert.ok(!allowsInline(parseCsp("script-src 'self'"), 'script', code));
  assert.ok(allowsInline(parseCsp("script-src 'unsafe-inline'"), 'script', code));
  assert.ok(allowsInline(parseCsp(`script-src ${cspHash(code)}`), 'script', code));
  assert.ok(
    !allowsInline(parseCsp(`script-src 'unsafe-inline' ${cspHash('other')}`), 'script', code),
    'a hash disables unsafe-inline',
  );
  assert.ok(
    !allowsInline(parseCsp(`script-src ${cspHash(code)}`), 'script-attr', code),
    'attributes need unsafe-hashes',
  );
  assert.ok(allowsInline(parseCsp(`script-src 'unsafe-hashes' ${cspHash(code)}`), 'script-attr', code));
  assert.ok(allowsInline(parseCsp("img-src 'self'"), 'style', 'p{}'), 'no directive, no restriction');
});
