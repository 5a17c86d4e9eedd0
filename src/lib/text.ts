/** Plain-text helpers for story bodies, which are paragraphs of Chinese text. */

/** Paragraphs of a Markdown body of plain paragraphs, whitespace-trimmed, empty ones dropped. */
export function paragraphs(markdown: string): string[] {
  return markdown
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, '').trim())
    .filter((p) => p.length > 0);
}

/** The opening of a text, cut at `maxChars` code points with an ellipsis when cut. */
export function opening(text: string, maxChars: number): string {
  const chars = Array.from(text.trim());
  return chars.length <= maxChars ? chars.join('') : `${chars.slice(0, maxChars).join('')}…`;
}
