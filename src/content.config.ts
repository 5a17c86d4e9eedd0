import { defineCollection } from 'astro:content';
import { storySchema } from './lib/story-schema.ts';
import { storiesLoader } from './loaders/stories.ts';

/**
 * The story collection. The schema, the contract for story files, is in src/lib/story-schema.ts;
 * the loader checks every file against it and reports all bad files at once, in plain words.
 */

/** Where the stories live; tests point this at fixture folders. */
const STORIES_DIR = process.env.ARCHIVE_STORIES_DIR ?? './content/stories';

const stories = defineCollection({
  // Frontmatter and the opening of the text only: story pages render their own bodies.
  loader: storiesLoader(STORIES_DIR, storySchema),
  schema: storySchema,
});

export const collections = { stories };
export { storySchema, type StoryData } from './lib/story-schema.ts';
