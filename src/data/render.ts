/**
 * Story bodies rendered to HTML from their files, with the archive's one Markdown pipeline
 * (src/markdown/pipeline.ts), with the story's text model (src/lib/story-text-model.ts) made from the
 * result. The content store holds no bodies (src/loaders/stories.ts): the page takes the body the
 * loader rendered and kept (src/data/kept-stories.ts), or renders it here,
 * through src/data/story-text.ts; a body that is empty, breaks the pipeline's rules or lacks an
 * editor's note's anchor stops the build, naming the file, the field and the line.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { storyMarkdownOptions } from '../markdown/pipeline.ts';
import { renderedBodyProblems } from '../lib/story-body.ts';
import { decodeStoryText, readStoryFile, splitStoryFile } from '../lib/story-file.ts';
import { isBodyRefusal, refusalText } from '../markdown/render-body.ts';
import { storyTextModel, type StoryTextModel } from '../lib/story-text-model.ts';
import type { Story } from './stories.ts';
import { keptPageText } from './kept-stories.ts';

let renderer: Promise<MarkdownRenderer> | undefined;

/** A story's body as HTML and its text model. */
export interface RenderedStory {
  html: string;
  model: StoryTextModel;
}

/** The story's body as HTML, checked, and its text model. */
export async function renderStory(story: Story): Promise<RenderedStory> {
  const where = story.filePath ?? story.id;
  const kept = keptPageText(story.digest === undefined ? undefined : String(story.digest))?.html;
  const html = kept ?? (await renderBody(story, where));
  const model = storyTextModel(story.data, html);
  // A kept body passed these checks in the loader (src/loaders/stories.ts); one rendered here has not.
  if (kept === undefined) {
    const [problem] = renderedBodyProblems(story.data, model.paragraphs);
    if (problem) throw new Error(`${where}: ${problem}`);
  }
  return { html, model };
}

/** Renders a body the loader did not keep (src/data/kept-stories.ts). */
async function renderBody(story: Story, where: string): Promise<string> {
  const path = resolve(where);
  // The loader has read this file already: same decoding, and the body keeps the file's line numbers.
  const { body: markdown } = splitStoryFile(decodeStoryText(await readStoryFile(path)));
  renderer ??= createMarkdownProcessor({ ...storyMarkdownOptions, syntaxHighlight: false });
  let html: string;
  try {
    ({ code: html } = await (
      await renderer
    ).render(markdown, { fileURL: pathToFileURL(path), frontmatter: story.data }));
  } catch (error) {
    if (!isBodyRefusal(error)) throw error;
    // eslint-disable-next-line preserve-caught-error -- the refusal is the archive's own plain words; the editor reads those, not a stack
    throw new Error(`${where}${refusalText(error)}`);
  }
  return html;
}
