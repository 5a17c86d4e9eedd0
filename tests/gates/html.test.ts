/** Valid HTML gate: html-validate (.htmlvalidate.json) reports no error on any page. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlErrors } from '../../tooling/gates/html.ts';
import { htmlPages } from '../../tooling/gates/pages.ts';
import { DIST } from '../support/site.ts';

test('html-validate: every page of the build', async () => {
  const pages = htmlPages(DIST);
  assert.ok(pages.length > 0, `no HTML in ${DIST}`);
  const errors = await htmlErrors(pages.map((p) => p.file));
  assert.deepEqual(errors, [], errors.join('\n'));
});
