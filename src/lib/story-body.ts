/**
 * Checks of a story's body, as written and as rendered, shared by the loader (which reports every
 * bad file at once) and the story page's render (src/data/render.ts). Each problem is a sentence
 * naming the field and, where it can, the line; the caller puts the file's name in front.
 */
import { forbiddenCharacter, textProblem } from './text-rules.ts';

/** Lines of the body (the file's own line numbers) holding characters no text may hold. */
export function bodyCharacterProblems(body: string): string[] {
  return body.split('\n').flatMap((line, i) => {
    const bad = forbiddenCharacter(line);
    return bad
      ? [
          `line ${i + 1}: field "body" holds ${bad.description} (character ${Array.from(line.slice(0, bad.index)).length + 1}); delete it`,
        ]
      : [];
  });
}

export interface RenderedBodyInput {
  format: string;
  figures: readonly { caption: string }[];
  editorNotes: readonly { anchor?: string | undefined }[];
}

/**
 * Problems of a rendered body: an article without text, a paragraph with nothing visible or with
 * a character written as a reference (`&#x202E;`), an editor's note anchored to text the story
 * does not have.
 */
export function renderedBodyProblems(data: RenderedBodyInput, paragraphs: readonly string[]): string[] {
  const problems: string[] = [];
  const body = paragraphs.join('\n');
  if (data.format === 'article' && body === '') problems.push('field "body" is empty; an article needs its text.');
  paragraphs.forEach((paragraph, i) => {
    const problem = textProblem(paragraph);
    if (problem) problems.push(`field "body": paragraph ${i + 1} (#p${i + 1}) ${problem}`);
  });
  const captions = data.figures.map((figure) => figure.caption).join('\n');
  data.editorNotes.forEach((note, i) => {
    if (note.anchor && !body.includes(note.anchor) && !captions.includes(note.anchor)) {
      problems.push(
        `field "editorNotes[${i}].anchor" ("${note.anchor}") is not in the story's text (allowed: exact text of the story's body or captions).`,
      );
    }
  });
  return problems;
}
