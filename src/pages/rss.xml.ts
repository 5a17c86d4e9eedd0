import type { APIContext } from 'astro';
import { feedResponse } from '../data/feed.ts';
import { getStories } from '../data/stories.ts';
import { ARCHIVE_DESCRIPTION, ARCHIVE_NAME } from '../lib/site.ts';
import { feedPath } from '../lib/urls.ts';

export async function GET(context: APIContext): Promise<Response> {
  return feedResponse({
    title: ARCHIVE_NAME,
    description: ARCHIVE_DESCRIPTION,
    path: feedPath(),
    stories: await getStories(),
    site: context.site!,
  });
}
