import type { ElementContent, Nodes, Root, Text } from 'hast';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { editorFlagId, editorNoteId, editorNoteNumber, splitOnAnchor } from '../lib/editor-notes.ts';

interface NoteFrontmatter {
  editorNotes?: { text: string; anchor?: string }[];
}

/**
 * Marks the story text each editor's note refers to with a link to the note.
 * The story's own characters are kept as they are; nothing is inserted between them: the note's
 * number (data-note) is drawn by CSS after the marked text. An anchor found only across an element
 * boundary (half in **bold**, half out) cannot be marked as one link, so it stops the build, naming
 * the note, rather than leave its 返回原文 link pointing nowhere.
 */
export default function rehypeEditorNotes() {
  return (tree: Root, file: VFile) => {
    const frontmatter = (file.data as { astro?: { frontmatter?: NoteFrontmatter } }).astro?.frontmatter;
    (frontmatter?.editorNotes ?? []).forEach((note, index) => {
      if (!note.anchor) return;
      const anchor = note.anchor;
      let done = false;
      visit(tree, 'text', (node: Text, position, parent) => {
        if (done || !parent || position === undefined) return;
        const split = splitOnAnchor(node.value, anchor);
        if (!split) return;
        done = true;
        const flag: ElementContent = {
          type: 'element',
          tagName: 'a',
          properties: {
            href: `#${editorNoteId(index)}`,
            id: editorFlagId(index),
            className: ['editor-flag'],
            dataNote: editorNoteNumber(index),
          },
          children: [{ type: 'text', value: split.match }],
        };
        const replacement: ElementContent[] = [
          ...(split.before ? [{ type: 'text', value: split.before } as const] : []),
          flag,
          ...(split.after ? [{ type: 'text', value: split.after } as const] : []),
        ];
        parent.children.splice(position, 1, ...replacement);
        return [SKIP, position + replacement.length];
      });
      if (!done && tree.children.some((block) => textOf(block).includes(anchor))) {
        file.fail(
          `field "editorNotes[${index}].anchor" ("${anchor}") runs across emphasis or bold (between * or ** marks) in the body, so it cannot be marked: choose an anchor wholly inside or wholly outside the emphasis`,
        );
      }
    });
  };
}

/** The text of a node and its descendants, run together. */
function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child)).join('') : '';
}
