import type { Element, Root } from 'hast';
import { paragraphId } from '../lib/urls.ts';

/**
 * Gives each paragraph of a story body an id (p1, p2 …) and an empty link to itself, so a
 * reader can point at one paragraph. The link's ¶ comes from CSS and its name from aria-label:
 * nothing is added to the paragraph's text, which must stay verbatim.
 */
export default function rehypeParagraphAnchors() {
  return (tree: Root) => {
    let n = 0;
    // Only top-level paragraphs: a story body is plain paragraphs, nothing nests them.
    for (const node of tree.children) {
      if (node.type !== 'element' || node.tagName !== 'p') continue;
      n += 1;
      const id = paragraphId(n);
      node.properties = { ...node.properties, id };
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: { href: `#${id}`, className: ['para-link'], ariaLabel: `链接到第${n}段` },
        children: [],
      };
      node.children.push(link);
    }
  };
}
