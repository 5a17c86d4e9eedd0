import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * Stops the build on raw HTML or script URLs in a story's Markdown.
 * Stories are transcribed text: markup there is a mistake or an attack, never content.
 */
const SCRIPT_URL = /^\s*(?:javascript|vbscript|data):/i;

export default function remarkRejectUnsafe() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (node.type === 'html') {
        file.fail(`raw HTML is not allowed in a story body (field: body): ${node.value.slice(0, 60)}`, node);
      }
      if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && SCRIPT_URL.test(node.url)) {
        file.fail(`script URL is not allowed in a story body (field: body): ${node.url.slice(0, 60)}`, node);
      }
    });
  };
}
