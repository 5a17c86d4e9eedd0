/**
 * What a result shows, written once a story by the indexer (src/search/build/shard.ts, into
 * the archive's own files: /lexicon-files/<id>/s/<n>.bin) and read by the search page whoever
 * found the story, the lexicon or Pagefind.
 */

export interface SearchResultMeta {
  /** storyPath(slug) */
  url: string;
  kicker: string;
  headline: string;
  subhead: string;
  /** 2025年10月3日 or 2025年10月 */
  date: string;
  /** 2025-10-03 or 2025-10, for <time datetime> */
  datetime: string;
  /** Section label, e.g. 开发区 */
  section: string;
  /** 晋中市 · 灵石县 */
  place: string;
  /** The story's text after its opening: `parts` more parts named by `textId` (./text-parts.ts). */
  textId: string;
  parts: number;
  /** The story's SearchRecord.bodyPosition (./record.ts): tells which part a hit's index position falls in. */
  bodyPosition: number;
  /** Where the body starts in the lexicon's positions (./lexicon.ts): a lexicon position p is index position p − bodyStart + bodyPosition. */
  bodyStart: number;
  /** Where bylines and photo credits stand in the text (opening + parts): [start, end) in code points. */
  bylines: [number, number][];
  /** What the archive derived of its date and headline, in letters (./derived.ts): the result is marked as its listing is. Absent when nothing is. */
  derived?: string;
  /** The story's text holds a Traditional character of the fold table: the page folds it with the table. Absent otherwise. */
  folds?: true;
}

/** A result's file: the opening of its text (part 0) and what it shows. */
export interface StoryView {
  content: string;
  meta: SearchResultMeta;
}

/** The head text of a result (matched and marked like the body). */
export const headText = (meta: Pick<SearchResultMeta, 'kicker' | 'headline' | 'subhead'>): string =>
  [meta.kicker, meta.headline, meta.subhead].filter(Boolean).join('\n');
