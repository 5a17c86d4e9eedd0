import type { Image, ImageReference, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * Stops the build on images in a story's Markdown (`![x](./photo.jpg)`, `![x][ref]`, external
 * ones alike), listing each with its line. The archive holds no photos: a photo the page printed
 * is a figure in the frontmatter, its caption and credit as printed. (Raw `<img>` is refused as
 * raw HTML by remark-reject-unsafe.)
 */
export default function remarkRejectImages() {
  return (tree: Root, file: VFile) => {
    const images: (Image | ImageReference)[] = [];
    visit(tree, (node) => {
      if (node.type === 'image' || node.type === 'imageReference') images.push(node);
    });
    if (images.length === 0) return;
    const list = images.map((image) => {
      const { start, end } = image.position ?? {};
      const source =
        start?.offset !== undefined && end?.offset !== undefined
          ? String(file.value).slice(start.offset, end.offset)
          : `![${image.alt ?? ''}]`;
      return `${source.slice(0, 80)}${start ? ` (line ${start.line})` : ''}`;
    });
    file.fail(
      `images are not allowed in a story body (field: body): ${list.join(', ')}; the archive holds no photos: a photo the page printed is a figure in the frontmatter (figures: caption, credit)`,
      images[0],
    );
  };
}
