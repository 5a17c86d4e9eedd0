/** Valid HTML gate: the W3C Nu HTML Checker reports no error on any page of the build. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nuErrors } from '../../tooling/gates/nu.ts';
import { htmlPages } from '../../tooling/gates/pages.ts';
import { DIST } from '../support/site.ts';

test('Nu HTML Checker: every page of the build', () => {
  const pages = htmlPages(DIST);
  assert.ok(pages.length > 0, `no HTML in ${DIST}`);
  const errors = nuErrors(pages.map((p) => p.file));
  assert.deepEqual(errors, [], errors.join('\n'));
});
