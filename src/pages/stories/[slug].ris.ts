/**
 * /stories/<slug>.ris in `npm run dev`: the story's citation as RIS for reference managers,
 * linked from 引用本文. A build writes these files from an integration instead
 * (src/integrations/story-references.ts, same src/data/story-references.ts), so this endpoint lists
 * no paths there.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStories, type Story } from '../../data/stories.ts';
import { storyReferenceFiles } from '../../data/story-references.ts';
import { absoluteUrl, storyPath } from '../../lib/urls.ts';

export const getStaticPaths = (async () =>
  import.meta.env.DEV
    ? (await getStories()).map((story) => ({ params: { slug: story.id }, props: { story } }))
    : []) satisfies GetStaticPaths;

export const GET: APIRoute<{ story: Story }> = ({ props: { story }, site }) =>
  new Response(storyReferenceFiles(story.id, story.data, absoluteUrl(storyPath(story.id), site!)).ris, {
    headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' },
  });
