/**
 * 繁體 = 简体: the table that folds a Traditional character to its Simplified form, built from
 * OpenCC's data (read by src/search/build/opencc.ts), written by the indexer beside the lexicon
 * and made into the fold of both sides (./fold.ts createFold), so the
 * index and the search page fold alike.
 *
 * Only folds that cannot depend on the word: a Traditional character T is folded to OpenCC's
 * usual Simplified form S when
 * - S differs from T and T is not itself one of its Simplified forms (乾 → 干 or 乾, 於 → 于 or
 *   於: the Simplified text keeps 乾隆, so 乾 is left alone);
 * - T has no second Simplified form in ordinary use (餘 → 余 or 馀, 畫 → 画 or 划: left out).
 *   A second form outside the Basic Multilingual Plane (開 → 开 or 𫔭, 戰 → 战 or 𢧐) is one of
 *   the rare forms the Table of General Standard Chinese Characters keeps for special uses, which
 *   OpenCC never produces from T; it does not count, or 開發區 could not find 开发区;
 * - no phrase of OpenCC's Traditional→Simplified phrase table turns T into another of its
 *   Simplified forms (二噁英 → 二𫫇英, not 恶: 噁 is left out). A phrase that keeps T where the
 *   character table lists no such form (不可貲計 → 不可赀計, 八濛山) contradicts the character
 *   table rather than picking among its forms, and does not count (計 → 计 is folded);
 * - S is not folded itself (the table is idempotent: 薴 → 苧 is left out, as 苧 → 苎 is folded).
 * Many-to-one is fine (發 and 髮 both fold to 发): folding is a function, not a conversion back.
 */

/** Each Traditional character with its Simplified forms, the usual one first (OpenCC's TSCharacters). */
export type CharacterForms = ReadonlyMap<string, readonly string[]>;
/** Each Traditional phrase with its Simplified spellings (OpenCC's TSPhrases). */
export type PhraseForms = ReadonlyMap<string, readonly string[]>;

/** Why a Traditional character with a Simplified form of its own is not folded. */
type LeftOutReason =
  /** T is also one of its own Simplified forms (乾 → 干 or 乾). */
  | 'stays-itself'
  /** T has a second Simplified form in ordinary use (餘 → 余 or 馀). */
  | 'several-forms'
  /** A phrase of OpenCC turns T into another of its forms (二噁英 → 二𫫇英). */
  | 'word-dependent'
  /** T's Simplified form is itself folded (薴 → 苧 → 苎). */
  | 'target-folds';

interface LeftOut {
  char: string;
  forms: readonly string[];
  reason: LeftOutReason;
}

export interface FoldTableBuild {
  /** Traditional character → Simplified character, one code point each. */
  table: Map<string, string>;
  /** The Traditional characters whose usual Simplified form differs but which are not folded, in code point order. */
  leftOut: LeftOut[];
}

const isOneChar = (s: string): boolean => Array.from(s).length === 1;
const inBmp = (ch: string): boolean => ch.codePointAt(0)! <= 0xffff;

/** The fold table from OpenCC's character and phrase tables (the rules above). */
export function buildFoldTable(characters: CharacterForms, phrases: PhraseForms): FoldTableBuild {
  const table = new Map<string, string>();
  const leftOut = new Map<string, LeftOut>();
  const leave = (char: string, forms: readonly string[], reason: LeftOutReason) => {
    table.delete(char);
    if (!leftOut.has(char)) leftOut.set(char, { char, forms, reason });
  };
  for (const [char, forms] of characters) {
    const usual = forms[0];
    if (usual === undefined || usual === char) continue; // no Simplified form of its own
    if (!isOneChar(char) || !forms.every(isOneChar))
      throw new Error(`fold table: ${char} → ${forms.join(' ')} is not one character to one`);
    if (forms.includes(char)) leave(char, forms, 'stays-itself');
    else if (forms.slice(1).some(inBmp)) leave(char, forms, 'several-forms');
    else table.set(char, usual);
  }
  for (const [phrase, spellings] of phrases) {
    const from = Array.from(phrase);
    for (const spelling of spellings) {
      const to = Array.from(spelling);
      from.forEach((ch, i) => {
        const folded = table.get(ch);
        if (folded === undefined) return;
        const forms = characters.get(ch)!;
        // A phrase that does not spell its characters one for one cannot say which form it picks: left out.
        if (to.length !== from.length || (to[i] !== folded && forms.includes(to[i]!)))
          leave(ch, forms, 'word-dependent');
      });
    }
  }
  // Idempotent: a target that is folded itself would make fold(fold(x)) ≠ fold(x).
  for (let changed = true; changed;) {
    changed = false;
    for (const [char, simplified] of table) {
      if (table.has(simplified)) {
        leave(char, characters.get(char)!, 'target-folds');
        changed = true;
      }
    }
  }
  const byCodePoint = (a: string, b: string) => a.codePointAt(0)! - b.codePointAt(0)!;
  return {
    table: new Map([...table].sort(([a], [b]) => byCodePoint(a, b))),
    leftOut: [...leftOut.values()].sort((a, b) => byCodePoint(a.char, b.char)),
  };
}

/**
 * The table as it travels: each Traditional character followed by its Simplified one, in code
 * point order (about 3,000 pairs; compresses well, the keys being in order).
 */
export function serializeFoldTable(table: ReadonlyMap<string, string>): string {
  let out = '';
  for (const [from, to] of table) out += from + to;
  return out;
}

/** The table from its serialised form; throws on anything that is not pairs of characters. */
export function parseFoldTable(text: string): Map<string, string> {
  const chars = Array.from(text);
  if (chars.length % 2 !== 0) throw new Error('fold table: an odd number of characters');
  const table = new Map<string, string>();
  for (let i = 0; i < chars.length; i += 2) table.set(chars[i]!, chars[i + 1]!);
  return table;
}

/** Whether the table folds any character of `text` (a story that needs the table to be marked). */
export function foldsAny(text: string, table: ReadonlyMap<string, string>): boolean {
  for (const ch of text) if (table.has(ch)) return true;
  return false;
}
