/** The nginx configuration generated from _headers: same matching, and the shipped file is current. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { matchesPattern, parseHeaders } from '../../tooling/headers/parse-headers.ts';
import { headerMaps, patternRegex } from '../../tooling/nginx/config.ts';
import { SHIPPED_CONFIG, shippedConfig } from '../../tooling/nginx/write-config.ts';

test('deploy/nginx/archive.conf is what the generator makes from public/_headers (run npm run nginx:config)', () => {
  assert.equal(readFileSync(SHIPPED_CONFIG, 'utf8'), shippedConfig());
});

test('a _headers pattern as an nginx regex matches the same paths, with or without a query', () => {
  const paths = [
    '/',
    '/a',
    '/a/',
    '/a/b/',
    '/_astro/x.css',
    '/_astrox/y',
    '/stories/a-b/',
    '/stories/a/b/',
    '/pagefind/pagefind.js',
    '/pagefind/index/x',
    '/a.css',
    '/abcss',
    '/sections/x/rss.xml',
  ];
  for (const pattern of [
    '/*',
    '/',
    '/_astro/*',
    '/:a/',
    '/:a/:b/',
    '/:file',
    '/pagefind/:file',
    '/a.css',
    '/sections/:s/rss.xml',
  ]) {
    const regex = new RegExp(patternRegex(pattern));
    for (const path of paths) {
      assert.equal(regex.test(path), matchesPattern(pattern, path), `${pattern} on ${path}`);
      assert.equal(regex.test(`${path}?q=1`), matchesPattern(pattern, path), `${pattern} on ${path}?q=1`);
    }
  }
});

test('Cache-Control only on success (no "always"), every other header also on errors', () => {
  const { addHeaders } = headerMaps(parseHeaders('/*\n  X-A: b\n/_astro/*\n  Cache-Control: max-age=1\n'));
  assert.match(addHeaders, /add_header X-A \$archive_x_a always;/);
  assert.match(addHeaders, /add_header Cache-Control \$archive_cache_control_unranged;/);
});
