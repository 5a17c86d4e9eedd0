/**
 * How text is folded for matching, the same on both sides: the indexer folds every story with the
 * build's 繁體 = 简体 table (./fold-table.ts), the search page folds a query and a result's text
 * with the same table when they hold one of its characters, and with PLAIN_FOLD otherwise (exact
 * for a text holding none of them). A fold is a value made from its table: no module state.
 *
 * One character folds to at most one: a Traditional character of the table to its Simplified form
 * (開 → 开), control and format characters (Unicode Cc, Cf: NUL, U+FEFF, U+200B, bidi controls) to
 * nothing, full-width ASCII (Ａ１＋) to ASCII, any whitespace (full-width space included) to ' ',
 * then lower case when that stays one character; runs of spaces become one, and the text is trimmed.
 */

/** Control (Cc) and format (Cf) characters: invisible, never part of a match. */
const INVISIBLE = /^[\p{Cc}\p{Cf}]$/u;

export interface Fold {
  /** One character folded ('' for an invisible one). */
  char(ch: string): string;
  /** Text folded, as code points. */
  chars(text: string): string[];
  /** Text folded, as a string. */
  text(text: string): string;
  /** Text folded as `chars` folds it (without the final trim), with each folded character's code-point offset in `text`. */
  withOrigins(text: string): { chars: string[]; origin: number[] };
}

/** The fold with table `table` (Traditional → Simplified, one code point each). */
export function createFold(table: ReadonlyMap<string, string>): Fold {
  const foldChar = (ch: string): string => {
    const cp = ch.codePointAt(0)!;
    // Fast path for the bulk of the text: CJK ideographs and kana fold to themselves or, Traditional
    // ones, to their Simplified form: one lookup. (U+3000, the full-width space, is below this range.)
    if (cp >= 0x3040 && cp < 0xa000) return table.get(ch) ?? ch;
    // Traditional characters outside that range (CJK extensions beyond the BMP).
    const simplified = table.get(ch);
    if (simplified !== undefined) return simplified;
    // Before the whitespace test: JavaScript's \s counts U+FEFF (a format character) as a space.
    if (cp === 0xfeff) return '';
    if (/^\s$/u.test(ch) || cp === 0x3000) return ' ';
    if (INVISIBLE.test(ch)) return '';
    const ascii = cp >= 0xff01 && cp <= 0xff5e ? String.fromCodePoint(cp - 0xfee0) : ch;
    const lower = ascii.toLowerCase();
    return Array.from(lower).length === 1 ? lower : ascii;
  };
  // Each character folded once, then read back: the indexer folds millions of characters that are
  // a few thousand distinct ones. BMP code units by index (allocated on first use), the rest by name.
  let bmp: (string | undefined)[] | undefined;
  const astral = new Map<string, string>();
  const unit = (code: number): string => {
    const folds = (bmp ??= new Array<string | undefined>(0x10000));
    return folds[code] ?? (folds[code] = foldChar(String.fromCharCode(code)));
  };
  const pair = (ch: string): string => {
    let f = astral.get(ch);
    if (f === undefined) astral.set(ch, (f = foldChar(ch)));
    return f;
  };
  const char = (ch: string): string =>
    ch.length === 1 ? unit(ch.charCodeAt(0)) : ch.length === 2 ? pair(ch) : foldChar(ch);
  /**
   * Folds `text` code point by code point (a lone surrogate is one), calling `keep` with each
   * folded character that joins the folded text: not invisible, and not a second space in a row
   * nor a leading one. Returns the folded characters (untrimmed).
   */
  const fold = (text: string, keep?: (index: number) => void): string[] => {
    const out: string[] = [];
    let last = ' ';
    let index = 0;
    for (let i = 0; i < text.length; i++, index++) {
      const code = text.charCodeAt(i);
      let f: string;
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          f = pair(text.slice(i, i + 2));
          i++;
        } else f = unit(code);
      } else f = unit(code);
      if (f === '' || (f === ' ' && last === ' ')) continue;
      out.push((last = f));
      if (keep) keep(index);
    }
    return out;
  };
  const chars = (text: string): string[] => {
    const out = fold(text);
    if (out[out.length - 1] === ' ') out.pop();
    return out;
  };
  return {
    char,
    chars,
    text: (text) => chars(text).join(''),
    withOrigins(text) {
      const origin: number[] = [];
      return { chars: fold(text, (index) => origin.push(index)), origin };
    },
  };
}

/** The fold without the 繁體 table: exact for any text that holds none of the table's characters. */
export const PLAIN_FOLD: Fold = createFold(new Map());

/**
 * The characters a fold table folds, as they travel in the manifest: each code point as the
 * distance from the previous one, base 36, separated by commas. With it the search page knows
 * from a query's characters alone whether the query needs the table (about 2 KB gzip for the
 * table's 3,170 characters, against 14 KB for the table).
 */
export function foldableList(table: ReadonlyMap<string, string>): string {
  const codes = [...table.keys()].map((ch) => ch.codePointAt(0)!).sort((a, b) => a - b);
  return codes.map((code, i) => (code - (i ? codes[i - 1]! : 0)).toString(36)).join(',');
}

/** The set of characters `foldableList` wrote. */
export function parseFoldableList(list: string): Set<string> {
  const chars = new Set<string>();
  let code = 0;
  for (const step of list ? list.split(',') : []) chars.add(String.fromCodePoint((code += parseInt(step, 36))));
  return chars;
}

/** Whether `text` holds a character of `foldable`: only then does folding it need the table. */
export function needsFoldTable(text: string, foldable: ReadonlySet<string>): boolean {
  for (const ch of text) if (foldable.has(ch)) return true;
  return false;
}
