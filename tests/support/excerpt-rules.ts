/**
 * The excerpt rules of issue #10 written out independently of src/search/core/excerpt.ts, so the
 * unit and browser tests check the product against a second reading of the rule, not against itself.
 */
const CLAUSE_PUNCT = /[，。；：！？、,;:!?\n]/;
const CLOSING = /[”’）》」』】〕〉)\]}]/;
const ALNUM = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/;

/** Position j of `chars` is right after clause punctuation or a line break (closing marks may follow). */
export function afterClause(chars: string[], j: number): boolean {
  let k = j - 1;
  while (k >= 0 && CLOSING.test(chars[k]!)) k--;
  return k >= 0 && CLAUSE_PUNCT.test(chars[k]!);
}

/** Cutting before position j would split a run of digits or Latin letters. */
export const splitsRun = (chars: string[], j: number): boolean =>
  j > 0 && j < chars.length && ALNUM.test(chars[j - 1]!) && ALNUM.test(chars[j]!);
