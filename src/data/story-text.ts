/**
 * A story's text for the whole build: its body rendered once (src/data/render.ts) into HTML and
 * the text model (src/lib/story-text-model.ts) that the story page, its feed items and the search index
 * read. Bodies are not kept; only each story's card opening is, a few hundred bytes, for the
 * listings. Story pages render before every other page (src/integrations/stories-first.ts), so a
 * listing finds its cards' openings here and renders no body again.
 */
import { renderStory, type RenderedStory } from './render.ts';
import { CARD_OPENING_CHARS, storyOpening } from '../lib/story-text-model.ts';
import type { Story } from './stories.ts';

/** Card openings left by each render, by story id and the file's digest (an edited file, in dev, renders again). */
const cardOpenings = new Map<string, Promise<string>>();
const key = (story: Story): string => `${story.id} ${story.digest}`;

/** The story's body as HTML, checked, and its text model; remembers its card opening. */
export async function storyTextOf(story: Story): Promise<RenderedStory> {
  const rendered = await renderStory(story);
  cardOpenings.set(key(story), Promise.resolve(storyOpening(rendered.model, CARD_OPENING_CHARS)));
  return rendered;
}

/** The opening a listing's card shows: remembered from the story's render, or rendered now (e.g. by the dev server). */
export function cardOpening(story: Story): Promise<string> {
  let known = cardOpenings.get(key(story));
  if (!known) {
    known = storyTextOf(story).then(({ model }) => storyOpening(model, CARD_OPENING_CHARS));
    cardOpenings.set(key(story), known);
  }
  return known;
}
