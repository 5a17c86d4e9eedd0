/**
 * A story's text for the pages: its body as HTML, checked, with the text model
 * (src/lib/story-text.ts) that the story page and its feed items read (src/data/render.ts), and
 * the opening a listing's card shows. Both come from what the loader kept of the story's file
 * (src/data/kept-stories.ts), so no page renders a body the loader rendered; a story the loader
 * kept nothing of (the dev server, mid-edit) is rendered here.
 */
import { renderStory, type RenderedStory } from './render.ts';
import { keptSummary } from './kept-stories.ts';
import { CARD_OPENING_CHARS, storyOpening } from '../lib/story-text-model.ts';
import type { Story } from './stories.ts';

/** The story's body as HTML, checked, and its text model. */
export const storyTextOf = (story: Story): Promise<RenderedStory> => renderStory(story);

/** The opening a listing's card shows. */
export async function cardOpening(story: Story): Promise<string> {
  const kept = keptSummary(story.digest === undefined ? undefined : String(story.digest));
  return kept ? kept.opening : storyOpening((await renderStory(story)).model, CARD_OPENING_CHARS);
}
