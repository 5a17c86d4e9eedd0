/** Plain-text helpers for story bodies, which are paragraphs of Chinese text. */
import { isClauseBoundary, isWeakBoundary } from './clauses.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };

/**
 * Text of each paragraph of a rendered story body, empty ones dropped. Story bodies render to
 * plain <p> paragraphs whose only elements are the archive's own links (editor's-note marks,
 * ¶ self-links), so dropping tags and decoding the character references the renderer writes (named
 * ones, and numeric ones such as `&#x26;` for the & of R&D) gives the text.
 */
export function htmlParagraphs(html: string): string[] {
  return [...html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)]
    .map((m) => decodeReferences(m[1]!.replace(/<[^>]*>/g, '')).trim())
    .filter((p) => p.length > 0);
}

/** Text with its HTML character references decoded. */
function decodeReferences(html: string): string {
  return html.replace(
    /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi,
    (whole, hex?: string, decimal?: string, name?: string) => {
      if (name) return ENTITIES[name.toLowerCase()]!;
      const code = hex ? parseInt(hex, 16) : Number(decimal);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
}

/** Clause punctuation an opening drops before its ellipsis (“…，…” reads as a stutter). */
const TRAILING_PAUSE = /[，、；：,;:]$/;

/**
 * The opening of a text, at most `maxChars` code points, with an ellipsis when cut. It ends at a
 * clause (after ，。 …) when one ends in its second half, and never inside a run of digits or Latin
 * letters, so a card never reads “…0月” or “100M…” (the excerpt rule of src/search/core/excerpt.ts).
 */
export function opening(text: string, maxChars: number): string {
  const chars = Array.from(text.trim());
  if (chars.length <= maxChars) return chars.join('');
  let end = 0;
  for (let j = maxChars; j > maxChars / 2 && end === 0; j--) if (isClauseBoundary(chars, j)) end = j;
  for (let j = maxChars; j > 0 && end === 0; j--) if (isWeakBoundary(chars, j)) end = j;
  return `${chars
    .slice(0, end || maxChars)
    .join('')
    .replace(TRAILING_PAUSE, '')}…`;
}
