import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

// No schema: the stock site shows what it finds.
const stories = defineCollection({ loader: glob({ pattern: '**/*.md', base: process.env.STOCK_STORIES_DIR! }) });

export const collections = { stories };
