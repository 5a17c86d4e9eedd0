/**
 * Story bodies rendered to HTML from their files, with the archive's one Markdown pipeline
 * (src/markdown/pipeline.ts), with the story's text model (src/lib/story-text.ts) made from the
 * result. The content store holds no bodies (src/loaders/stories.ts), so the build renders here,
 * through src/data/story-text.ts; a body that is empty, breaks the pipeline's rules or lacks an
 * editor's note's anchor stops the build, naming the file, the field and the line.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { storyMarkdownOptions } from '../markdown/pipeline.ts';
import { decodeStoryText, splitStoryFile } from '../lib/story-file.ts';
import { storyTextModel, type StoryTextModel } from '../lib/story-text.ts';
import type { Story } from './stories.ts';

let renderer: Promise<MarkdownRenderer> | undefined;

/** A plugin's refusal (a VFileMessage): its reason and where in the file it stands. */
interface PluginMessage {
  reason: string;
  line?: number;
}

function isPluginMessage(error: unknown): error is PluginMessage {
  return error instanceof Error && typeof (error as Partial<PluginMessage>).reason === 'string';
}

/** A story's body as HTML and its text model. */
export interface RenderedStory {
  html: string;
  model: StoryTextModel;
}

/** The story's body as HTML, checked, and its text model. */
export async function renderStory(story: Story): Promise<RenderedStory> {
  const where = story.filePath ?? story.id;
  const path = resolve(where);
  // The loader has read this file already: same decoding, and the body keeps the file's line numbers.
  const { body: markdown } = splitStoryFile(decodeStoryText(await readFile(path)));
  renderer ??= createMarkdownProcessor({ ...storyMarkdownOptions, syntaxHighlight: false });
  let html: string;
  try {
    ({ code: html } = await (await renderer).render(markdown, { fileURL: pathToFileURL(path), frontmatter: story.data }));
  } catch (error) {
    if (!isPluginMessage(error)) throw error;
    const line = error.line && !error.reason.includes(`line ${error.line}`) ? `, line ${error.line}` : '';
    throw new Error(`${where}${line}: ${error.reason}`);
  }
  const model = storyTextModel(story.data, html);
  const body = model.paragraphs.join('\n');
  if (story.data.format === 'article' && body === '') {
    throw new Error(`${where}: field "body" is empty; an article needs its text.`);
  }
  const captions = model.bareCaptions.join('\n');
  story.data.editorNotes.forEach((note, i) => {
    if (note.anchor && !body.includes(note.anchor) && !captions.includes(note.anchor)) {
      throw new Error(`${where}: field "editorNotes[${i}].anchor" ("${note.anchor}") is not in the story's text (allowed: exact text of the story's body or captions).`);
    }
  });
  return { html, model };
}
