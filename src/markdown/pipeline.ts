/** The one Markdown pipeline of story bodies: used by astro.config.mjs and by src/data/render.ts. */
import rehypeEditorNotes from './rehype-editor-notes.ts';
import rehypeParagraphAnchors from './rehype-paragraph-anchors.ts';
import remarkPlainParagraphs from './remark-plain-paragraphs.ts';
import remarkRejectImages from './remark-reject-images.ts';
import remarkRejectUnsafe from './remark-reject-unsafe.ts';

export const storyMarkdownOptions = {
  // Verbatim text: no curly-quote or dash rewriting.
  smartypants: false,
  // No GFM: its single-tilde strikethrough would eat the page's "2022年~2024年" ranges.
  gfm: false,
  // Unsafe and image refusals first (their messages), then anything else beyond plain paragraphs.
  remarkPlugins: [remarkRejectUnsafe, remarkRejectImages, remarkPlainParagraphs],
  rehypePlugins: [rehypeEditorNotes, rehypeParagraphAnchors],
};
