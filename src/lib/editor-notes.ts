/** Locating the story text an editor's note refers to. */

export interface AnchorSplit {
  before: string;
  match: string;
  after: string;
}

/** Splits `text` around the first occurrence of `anchor`, or returns null when it is absent. */
export function splitOnAnchor(text: string, anchor: string): AnchorSplit | null {
  const at = text.indexOf(anchor);
  if (at < 0) return null;
  return { before: text.slice(0, at), match: anchor, after: text.slice(at + anchor.length) };
}

/** The number a reader sees on the note and on its mark in the text (1-based). */
export const editorNoteNumber = (index: number): string => String(index + 1);

/** Id of the note at `index` (0-based) and of the place in the text that points to it. */
export const editorNoteId = (index: number): string => `editor-note-${index + 1}`;
export const editorFlagId = (index: number): string => `editor-flag-${index + 1}`;
