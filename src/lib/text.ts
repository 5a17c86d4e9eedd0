/** Plain-text helpers for story bodies, which are paragraphs of Chinese text. */

/** Paragraphs of a Markdown body of plain paragraphs, whitespace-trimmed, empty ones dropped. */
export function markdownParagraphs(markdown: string): string[] {
  return markdown
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, '').trim())
    .filter((p) => p.length > 0);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };

/**
 * Text of each paragraph of a rendered story body, empty ones dropped. Story bodies render to
 * plain <p> paragraphs whose only elements are the archive's own links (editor's-note marks,
 * ¶ self-links), so dropping tags and decoding the entities the renderer writes gives the text.
 */
export function htmlParagraphs(html: string): string[] {
  return [...html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)]
    .map((m) => m[1]!.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, name: string) => ENTITIES[name]!).trim())
    .filter((p) => p.length > 0);
}

/** The opening of a text, cut at `maxChars` code points with an ellipsis when cut. */
export function opening(text: string, maxChars: number): string {
  const chars = Array.from(text.trim());
  return chars.length <= maxChars ? chars.join('') : `${chars.slice(0, maxChars).join('')}…`;
}
