/** Link gate (linkinator): every internal URL on every page resolves to a page or file (and #fragment) of the build. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SITE_URL } from '../../src/lib/site.ts';
import { formatLinkProblems, linkProblems } from '../../tooling/gates/links.ts';
import { DIST } from '../support/site.ts';

test('links: every href, src, srcset, action and link rel resolves inside the build', async () => {
  const problems = await linkProblems(DIST, process.env.SITE_URL ?? DEFAULT_SITE_URL);
  assert.deepEqual(problems, [], formatLinkProblems(problems));
});
