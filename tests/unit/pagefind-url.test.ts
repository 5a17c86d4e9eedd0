/** The search page's Trusted Types default policy passes only the archive's own Pagefind files. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPagefindUrl } from '../../src/search/client/pagefind.ts';

const page = 'https://archive.example/search/?q=1';

test('same-origin /pagefind/ URLs pass, relative or absolute', () => {
  assert.ok(isPagefindUrl('/pagefind/pagefind-worker.js', page));
  assert.ok(isPagefindUrl('https://archive.example/pagefind/pagefind.js', page));
  assert.ok(isPagefindUrl('../pagefind/pagefind-worker.js', page));
});

test('other origins, other folders, look-alikes and junk are refused', () => {
  assert.ok(!isPagefindUrl('https://evil.example/pagefind/pagefind-worker.js', page));
  assert.ok(!isPagefindUrl('//evil.example/pagefind/x.js', page));
  assert.ok(!isPagefindUrl('/pagefindx/x.js', page));
  assert.ok(!isPagefindUrl('/_astro/x.js', page));
  assert.ok(!isPagefindUrl('/pagefind/../_astro/x.js', page), 'dot segments resolve first');
  assert.ok(!isPagefindUrl('data:text/javascript,alert(1)', page));
  assert.ok(!isPagefindUrl('blob:https://archive.example/1234', page));
  assert.ok(!isPagefindUrl('javascript:alert(1)', page));
  assert.ok(!isPagefindUrl('http://[', page));
});
