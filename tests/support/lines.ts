/** How text is laid out in lines in Chromium, measured character by character on the built site. */
import type { Page } from 'playwright-core';

interface Line {
  text: string;
  /** Left and right edge of each character, in order. */
  lefts: number[];
  rights: number[];
  top: number;
  bottom: number;
}

/** The lines each matched element's text is laid out in, measured character by character. */
export async function linesOf(
  page: Page,
  selector: string,
): Promise<{ fontSize: number; width: number; lines: Line[] }[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const lines: Line[] = [];
      const lineHeight = parseFloat(getComputedStyle(element).lineHeight) || 20;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (let i = 0; i < node.data.length; i++) {
          const ch = node.data[i]!;
          if (/[\uD800-\uDBFF]/.test(ch)) continue;
          if (/\s/.test(ch)) {
            // Kept as a space (no position), so characters either side are not taken as neighbours.
            const line = lines.at(-1);
            if (line && !line.text.endsWith(' ')) {
              line.text += ' ';
              line.lefts.push(NaN);
              line.rights.push(NaN);
            }
            continue;
          }
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          const rect = rects.at(-1);
          if (!rect) continue;
          const line = lines.at(-1);
          if (!line || rect.top > line.top + lineHeight / 2) {
            lines.push({ text: ch, lefts: [rect.left], rights: [rect.right], top: rect.top, bottom: rect.bottom });
          } else {
            line.text += ch;
            line.lefts.push(rect.left);
            line.rights.push(rect.right);
            line.bottom = Math.max(line.bottom, rect.bottom);
          }
        }
      }
      const style = getComputedStyle(element);
      const width = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { fontSize: parseFloat(style.fontSize), width, lines };
    }),
  );
}
