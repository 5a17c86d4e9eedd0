/** A kept source page (content/source/*.txt) as lines, and those lines grouped by the stories they hold. */

/** One line of a source page, numbered from 1 as `source.lines` counts. */
export interface SourceLine {
  n: number;
  text: string;
}

/**
 * The lines of a source page's text: a leading byte-order mark is dropped, CRLF and LF both end
 * a line, and a final line break does not add an empty last line (editors' tools differ there).
 */
export function sourceLines(text: string): SourceLine[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines.map((line, i) => ({ n: i + 1, text: line }));
}

/**
 * A run of consecutive lines: those of one or more stories (more only where their ranges overlap,
 * e.g. a story and a fixture copy of it), or lines no story holds (blank lines between items).
 */
export interface SourceSegment<T> {
  items: T[];
  lines: SourceLine[];
}

/**
 * The page's lines in order, cut into one segment per item (by its `[first, last]`, inclusive) and
 * segments of lines between items. Items are taken in page order; items whose ranges overlap share
 * one segment, so every line appears once. A range outside the page throws, naming the item by `describe`.
 */
export function segmentSource<T>(
  lines: readonly SourceLine[],
  items: readonly T[],
  range: (item: T) => readonly [number, number],
  describe: (item: T) => string,
): SourceSegment<T>[] {
  const ordered = [...items].sort((a, b) => range(a)[0] - range(b)[0]);
  const segments: SourceSegment<T>[] = [];
  let next = 1;
  let open: { items: T[]; first: number; last: number } | undefined;
  const close = () => {
    if (open) segments.push({ items: open.items, lines: lines.slice(open.first - 1, open.last) });
    open = undefined;
  };
  for (const item of ordered) {
    const [first, last] = range(item);
    if (!(Number.isInteger(first) && Number.isInteger(last) && first >= 1 && first <= last && last <= lines.length)) {
      throw new Error(`${describe(item)}: lines [${first}, ${last}] are not within the page's ${lines.length} lines`);
    }
    if (open && first <= open.last) {
      open.items.push(item);
      open.last = Math.max(open.last, last);
      next = open.last + 1;
      continue;
    }
    close();
    if (first > next) segments.push({ items: [], lines: lines.slice(next - 1, first - 1) });
    open = { items: [item], first, last };
    next = last + 1;
  }
  close();
  if (next <= lines.length) segments.push({ items: [], lines: lines.slice(next - 1) });
  return segments;
}

/** Lines `[first, last]` as a reader names them: 第61行, 第25–39行. */
export const lineRangeLabel = ([first, last]: readonly [number, number]): string =>
  first === last ? `第${first}行` : `第${first}–${last}行`;
