/** The HTML a feed carries for one story: its photos' captions, its body and the editors' notes. */
import { formatCaption, type Credit } from './credits.ts';
import { editorNoteId } from './editor-notes.ts';

/** Text made safe to place inside HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * In-page links (#p3, #editor-note-1) made absolute: a feed reader shows the story away from
 * its page, where a bare fragment would point nowhere.
 */
export function absoluteFragments(html: string, permalink: string): string {
  return html.replace(/href="#/g, `href="${permalink}#`);
}

export interface FeedStory {
  /** The story body as the site renders it (may be empty for photo news). */
  bodyHtml: string;
  figures: readonly { caption: string; credit?: Credit | undefined }[];
  notes: readonly { text: string; anchor?: string | undefined }[];
  permalink: string;
}

/** The body without its empty ¶ self-links (src/markdown/rehype-paragraph-anchors.ts): in a feed reader they point nowhere useful and show as nothing. */
export function withoutParagraphLinks(html: string): string {
  return html.replace(/<a\b[^>]*\bclass="para-link"[^>]*><\/a>/g, '');
}

/** The full text of a story for content:encoded. Photo news carries its caption, credited as printed. */
export function feedHtml(story: FeedStory): string {
  const figures = story.figures.map(
    (figure) => `<figure><figcaption>${escapeHtml(formatCaption(figure.caption, figure.credit))}</figcaption></figure>`,
  );
  const notes =
    story.notes.length === 0
      ? []
      : [
          '<aside><p>编者注（本档案编者所加，不属原文）：</p><ol>',
          ...story.notes.map(
            (note, i) =>
              `<li id="${editorNoteId(i)}">${note.anchor ? `“${escapeHtml(note.anchor)}”：` : ''}${escapeHtml(note.text)}</li>`,
          ),
          '</ol></aside>',
        ];
  return absoluteFragments([...figures, withoutParagraphLinks(story.bodyHtml).trim(), ...notes].filter(Boolean).join('\n'), story.permalink);
}
