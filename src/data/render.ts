/**
 * Story bodies rendered to HTML from their files, with the archive's one Markdown pipeline
 * (src/markdown/pipeline.ts). The content store holds no bodies (src/loaders/stories.ts), so
 * story pages and feeds render here; a body that is empty, breaks the pipeline's rules or lacks an
 * editor's note's anchor stops the build, naming the file and the field.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor, parseFrontmatter, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { storyMarkdownOptions } from '../markdown/pipeline.ts';
import { htmlParagraphs } from '../lib/text.ts';
import type { Story } from './stories.ts';

let renderer: Promise<MarkdownRenderer> | undefined;

/** The story's body as HTML, checked. */
export async function renderStoryBody(story: Story): Promise<string> {
  const where = story.filePath ?? story.id;
  const path = resolve(where);
  const { content } = parseFrontmatter(await readFile(path, 'utf8'), { frontmatter: 'empty-with-lines' });
  renderer ??= createMarkdownProcessor({ ...storyMarkdownOptions, syntaxHighlight: false });
  const { code: html } = await (await renderer).render(content, { fileURL: pathToFileURL(path), frontmatter: story.data });
  const body = htmlParagraphs(html).join('\n');
  if (story.data.format === 'article' && body === '') {
    throw new Error(`${where}: field "body" is empty; an article needs its text.`);
  }
  const captions = story.data.figures.map((f) => f.caption).join('\n');
  story.data.editorNotes.forEach((note, i) => {
    if (note.anchor && !body.includes(note.anchor) && !captions.includes(note.anchor)) {
      throw new Error(`${where}: field "editorNotes[${i}].anchor" ("${note.anchor}") is not in the story's text.`);
    }
  });
  return html;
}
