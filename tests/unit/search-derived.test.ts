/** What a result file says the archive derived (src/search/core/derived.ts): a few letters that give back the listing's marks. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { derivedCode, readDerived, type Derived } from '../../src/search/core/derived.ts';
import { inferredDateMark } from '../../src/lib/dates.ts';

const every: Derived[] = (['dateline', 'page'] as const).flatMap((dateBasis) =>
  (['printed', 'text', 'page'] as const).flatMap((yearBasis) =>
    [false, true].map((headlineDerived) => ({ dateBasis, yearBasis, headlineDerived })),
  ),
);

test('every combination reads back as written, in at most three letters', () => {
  const codes = new Set<string | undefined>();
  for (const derived of every) {
    const code = derivedCode(derived);
    codes.add(code);
    assert.ok(code === undefined || /^[a-z]{1,3}$/.test(code), String(code));
    assert.deepEqual(readDerived(code), derived, JSON.stringify(derived));
  }
  assert.equal(codes.size, every.length, 'no two combinations share a code');
});

test('nothing derived: no code, so the field is left out of the result file', () => {
  assert.equal(derivedCode({ dateBasis: 'dateline', yearBasis: 'printed', headlineDerived: false }), undefined);
  assert.deepEqual(readDerived(undefined), { dateBasis: 'dateline', yearBasis: 'printed', headlineDerived: false });
});

test("a result's date mark is the listing's mark of the same story", () => {
  for (const derived of every)
    assert.equal(
      inferredDateMark(readDerived(derivedCode(derived))),
      inferredDateMark(derived),
      JSON.stringify(derived),
    );
  assert.equal(
    inferredDateMark(readDerived(derivedCode({ dateBasis: 'page', yearBasis: 'text', headlineDerived: false }))),
    '月份据同版稿件推定，年份据本篇正文',
  );
});
