/** /stories/<slug>.ris: the story's citation as RIS for reference managers (src/lib/reference-formats.ts), linked from 引用本文. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStories, type Story } from '../../data/stories.ts';
import { risRecord } from '../../lib/reference-formats.ts';
import { storyReference } from '../../lib/story-reference.ts';
import { absoluteUrl, storyPath } from '../../lib/urls.ts';
import { cacheKeyOf } from '../../lib/cache-key.ts';

export const getStaticPaths = (async () =>
  (await getStories()).map((story) => ({
    params: { slug: story.id },
    props: { story },
    cacheKey: cacheKeyOf(story),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ story: Story }> = ({ props: { story }, site }) =>
  new Response(risRecord(storyReference(story.id, story.data, absoluteUrl(storyPath(story.id), site!))), {
    headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' },
  });
