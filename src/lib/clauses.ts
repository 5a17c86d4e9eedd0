/**
 * Where Chinese text may be cut: after a clause (，。；：！？、 and their half-width forms, a line
 * break, closing quotes and brackets staying with their clause), or, weaker, anywhere but inside a
 * run of digits or Latin letters. Card openings (src/lib/text.ts) and search excerpts
 * (src/search/core/excerpt.ts) cut by these rules. Works on code points.
 */

/** Characters after which a clause ends. ASCII ones only when not between letters or digits (1,000 · 10:30). */
const CLAUSE_END = new Set([...'，。；：！？、,;:!?\n']);
/** Closing marks that stay with the clause before them (…。” ends after ”). */
const CLOSING = new Set([...'”’）》」』】〕〉)]}']);
/** Letters and digits, half- and full-width: a run of them is never cut. */
const ALNUM = /^[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]$/;
/** Characters that belong to the one before them: never cut in front of them. */
// eslint-disable-next-line no-misleading-character-class -- tested one code point at a time: U+200D is a member, not a joiner
const JOINING = /^[\p{M}\u200d\ufe00-\ufe0f]$/u;

const isAlnum = (ch: string | undefined): boolean => ch !== undefined && ALNUM.test(ch);
const isAsciiPunct = (ch: string): boolean => ch.charCodeAt(0) < 0x80 && ch !== '\n';

/** Whether a clause ends right before position `j` (0 < j < chars.length). */
export function isClauseBoundary(chars: readonly string[], j: number): boolean {
  if (j <= 0 || j >= chars.length) return false;
  const next = chars[j]!;
  if (CLAUSE_END.has(next) || CLOSING.has(next)) return false; // the boundary is after the whole run of marks
  let k = j - 1;
  while (k >= 0 && CLOSING.has(chars[k]!)) k--;
  if (k < 0 || !CLAUSE_END.has(chars[k]!)) return false;
  // 1,000 and 10:30: a half-width mark between letters or digits is part of them.
  return !(k === j - 1 && isAsciiPunct(chars[k]!) && isAlnum(chars[k - 1]) && isAlnum(next));
}

/** Whether cutting before position `j` keeps runs of letters and digits and joined characters whole. */
export function isWeakBoundary(chars: readonly string[], j: number): boolean {
  if (j <= 0 || j >= chars.length) return false;
  const prev = chars[j - 1]!;
  const next = chars[j]!;
  return !(isAlnum(prev) && isAlnum(next)) && !JOINING.test(next) && prev !== '\u200d';
}
