/**
 * What characters a story's text may hold. A printed page holds visible text: a field or
 * paragraph of only invisible characters publishes a blank headline or paragraph, characters XML
 * forbids make rss.xml unreadable to feed readers, and direction overrides (U+202E) make the
 * published text read differently from the characters stored and searched. Each problem is named
 * by its code point, as the editor cannot see it.
 */

/** `U+202E`: a code point as editors look it up. */
const codePoint = (char: string): string =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Characters no story text may hold, with what they are:
 * - controls other than tab, line feed and carriage return (XML 1.0 forbids C0 ones; C1 ones and
 *   DEL are controls too, never printed text);
 * - U+FFFE, U+FFFF and lone surrogates, which XML forbids and no encoder writes;
 * - direction controls (embeddings, overrides, isolates, marks), which reorder what a reader sees.
 */
const FORBIDDEN: [RegExp, string][] = [
  // eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
  [/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u, 'a control character'],
  [/[\ufffe\uffff]|\p{Cs}/u, 'not a character'],
  [/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u, 'a text-direction control that reorders what readers see'],
];

/** The first character `text` may not hold, described (`U+202E, a text-direction control …`), or undefined. */
export function forbiddenCharacter(text: string): { index: number; description: string } | undefined {
  let found: { index: number; description: string } | undefined;
  for (const [pattern, what] of FORBIDDEN) {
    const match = pattern.exec(text);
    if (match && (!found || match.index < found.index))
      found = { index: match.index, description: `${codePoint(match[0])}, ${what}` };
  }
  return found;
}

/**
 * Characters that print nothing: white space, format characters (zero-width space and joiners,
 * word joiner, soft hyphen, BOM) and the fillers that render as blanks (Hangul fillers, the
 * braille blank).
 */
const INVISIBLE = /^[\p{White_Space}\p{Cf}\p{Cc}\u115f\u1160\u3164\uffa0\u2800]*$/u;

/** Whether `text` prints anything a reader can see. */
export const hasVisibleText = (text: string): boolean => !INVISIBLE.test(text);

/** The first invisible character of a text that has no visible one, for the message. */
function firstInvisible(text: string): string | undefined {
  const char = Array.from(text).find((c) => !/[ \t\r\n]/.test(c));
  return char === undefined ? undefined : codePoint(char);
}

/**
 * Why a text field cannot be published, in plain words, or undefined when it can: a forbidden
 * character, or nothing visible.
 */
export function textProblem(text: string): string | undefined {
  const bad = forbiddenCharacter(text);
  if (bad) return `holds ${bad.description} (character ${Array.from(text.slice(0, bad.index)).length + 1}); delete it`;
  if (!hasVisibleText(text)) {
    const invisible = firstInvisible(text);
    return `has no visible text${invisible ? ` (only invisible characters such as ${invisible})` : ''}`;
  }
  return undefined;
}
