/**
 * Renders the story pages before every other page of a build. Each story page renders its body
 * once and leaves the story's card opening behind (src/data/story-text.ts); the listings, which
 * Astro's route order would render first (archive, places and sections sort before stories), then
 * find every card's opening there instead of rendering each body a second time. Only the order
 * changes: Astro's own prerenderer still renders every page.
 */
import type { AstroIntegration } from 'astro';
import { storySlugOfPath } from '../lib/urls.ts';

export function storiesFirst(): AstroIntegration {
  return {
    name: 'archive-stories-first',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        // Astro's own prerenderer, with its paths reordered (its methods close over itself).
        setPrerenderer((astro) => ({
          ...astro,
          name: 'archive-stories-first',
          async getStaticPaths() {
            const paths = await astro.getStaticPaths();
            const isStory = (path: { pathname: string }) => storySlugOfPath(path.pathname) !== undefined;
            return [...paths.filter(isStory), ...paths.filter((path) => !isStory(path))];
          },
        }));
      },
    },
  };
}
