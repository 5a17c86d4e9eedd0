/**
 * The search fields: what each one indexes and which occurrences it matches. Adding a field is one
 * entry here (and its tests); the indexer (src/search/build/), the lexicon's lookup
 * (./lexicon.ts) and the search page (src/search/client/) read only this table.
 */

export interface FieldRule {
  /** The control's label on the search page (范围). */
  label: string;
  /** How the status line names it: 没有稿件{status}包含… ('' for the whole text). */
  status: string;
  /**
   * The spelling of the field's index words: this prefix + the word. A field with a prefix is
   * indexed a second time under it (its text's words, in Pagefind and the lexicon), so a search
   * limited to it is a search of other words and costs the same. No word of the text starts with
   * these letters (base-36 digits of a code point start with 0 … n).
   */
  prefix: '' | 'y';
  /** Which text it looks in: all of it, only kicker + headline + subhead, or each byline and photo credit. */
  within: 'text' | 'head' | 'bylines';
}

export const FIELDS = {
  all: { label: '全文', status: '', prefix: '', within: 'text' },
  title: { label: '标题', status: '的标题', prefix: '', within: 'head' },
  byline: { label: '作者署名', status: '的署名', prefix: 'y', within: 'bylines' },
} as const satisfies Record<string, FieldRule>;

/** What a search looks in (the address's `in=`). */
export type SearchField = keyof typeof FIELDS;
export const SEARCH_FIELDS = Object.keys(FIELDS) as SearchField[];
export const DEFAULT_FIELD: SearchField = 'all';

/** An index word as field `field` spells it. */
export const fieldWord = (field: SearchField, word: string): string => FIELDS[field].prefix + word;

/** The fields indexed under their own words (the indexer writes these a second time). */
export const PREFIXED_FIELDS = SEARCH_FIELDS.filter((field) => FIELDS[field].prefix !== '');

/**
 * Whether a field is searched with the text's own words (which carry windows and number keys in
 * the lexicon), rather than words of its own spelling.
 */
export const usesTextWords = (field: SearchField): boolean => FIELDS[field].prefix === '';
