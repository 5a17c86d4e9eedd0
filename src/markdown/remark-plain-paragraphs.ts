import type { Nodes, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * Stops the build on Markdown a printed story does not have, listing each with its line and how
 * to keep it as text. A story body is paragraphs of text, each one line, with *emphasis* and
 * **bold** (a page's bold lead-ins): the page shows them as written and the search index holds
 * the same text, paragraph for paragraph (src/lib/story-text-model.ts reads the rendered paragraphs).
 * Headings, lists, quotations, code, rules, links, definitions and footnotes would be shown but
 * not indexed, or vanish, or link nowhere; most come from text that only looks like Markdown
 * (a line `2025.年初…` is a numbered list starting at 2025), so the message says how to escape it.
 * Raw HTML and images have their own plugins (remark-reject-unsafe, remark-reject-images).
 */

/** Node types a body may hold. */
const ALLOWED = new Set(['root', 'paragraph', 'text', 'emphasis', 'strong']);

/** A node's first line as written, short, for the message. */
function sourceOf(node: Nodes, file: VFile): string {
  const { start, end } = node.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) return '';
  // A line break is the spaces or backslash ending its line: show the line.
  const from = node.type === 'break' ? String(file.value).lastIndexOf('\n', start.offset) + 1 : start.offset;
  const text = String(file.value).slice(from, end.offset).split('\n')[0]!.trim();
  return Array.from(text).length > 30 ? `${Array.from(text).slice(0, 30).join('')}…` : text;
}

/** What a refused node is and how to keep the text, in plain words. */
function describe(node: Nodes, source: string): string {
  switch (node.type) {
    case 'heading':
      return source.startsWith('#')
        ? 'is a heading (a line starting with #); a printed story has none: write \\# to keep the # as text'
        : 'is a heading: a line of --- or === under a paragraph makes it one; delete that line';
    case 'thematicBreak':
      return 'is a horizontal rule (a line of ---, *** or ___); delete it';
    case 'list':
      return node.ordered
        ? `starts with a number and a dot (or bracket), which Markdown reads as a numbered list starting at ${node.start ?? 1}: write ${node.start ?? 1}\\. to keep it as text`
        : 'starts with -, + or * and a space, which Markdown reads as a bulleted list: write \\- (\\+, \\*) to keep it as text';
    case 'blockquote':
      return 'starts with >, which Markdown reads as a quotation: write \\> to keep it as text';
    case 'code':
      return /^(`{3,}|~{3,})/.test(source)
        ? 'starts a code block (``` or ~~~); delete the fence lines'
        : 'is indented by four spaces or a tab, which Markdown reads as code: delete the indent';
    case 'inlineCode':
      return 'is code (text between backquotes `); write \\` to keep a backquote';
    case 'link':
      return source.startsWith('<')
        ? 'is a link (an address between < >); a printed story has none: write the address without < >'
        : 'is a link ([text](address)); a printed story has none: keep the text, drop the address';
    case 'linkReference':
      return node.label?.startsWith('^')
        ? "is a footnote reference; the archive has no footnotes: an editor's remark is an editorNotes entry"
        : 'is a link to a definition; a printed story has none: write \\[ to keep the bracket';
    case 'definition':
      return node.label?.startsWith('^')
        ? "is a footnote ([^…]: …), which would vanish from the page; the archive has no footnotes: an editor's remark is an editorNotes entry"
        : 'is a link definition ([…]: …), which would vanish from the page: write \\[ to keep the bracket';
    case 'break':
      return 'ends in two spaces or a backslash, a line break inside a paragraph; delete them';
    default:
      return `is Markdown a story body does not have (${node.type})`;
  }
}

export default function remarkPlainParagraphs() {
  return (tree: Root, file: VFile) => {
    const found: { line: number; text: string }[] = [];
    visit(tree, (node: Nodes) => {
      if (node.type === 'text') {
        // A line break inside a paragraph: the page shows a space there and a phrase across it
        // is not found; a paragraph cut by a column break is joined (content/README.md).
        const start = node.position?.start.line;
        node.value
          .split('\n')
          .slice(1)
          .forEach((line, i) => {
            if (start !== undefined)
              found.push({
                line: start + i + 1,
                text: `line ${start + i + 1} "${line.trim().slice(0, 30)}" continues the paragraph above it: a paragraph is one line; join the lines, or leave an empty line between paragraphs`,
              });
          });
        return;
      }
      if (ALLOWED.has(node.type)) return;
      const source = sourceOf(node, file);
      const line = node.position?.start.line ?? 0;
      found.push({ line, text: `line ${line} "${source}" ${describe(node, source)}` });
      return SKIP;
    });
    if (found.length === 0) return;
    found.sort((a, b) => a.line - b.line);
    const first = found[0]!;
    file.fail(
      `the body holds Markdown a printed story does not have (field: body): ${found.map((f) => f.text).join('; ')}; a body is paragraphs of text, with emphasis and bold between * or ** marks (content/README.md)`,
      { line: first.line, column: 1 },
    );
  };
}
