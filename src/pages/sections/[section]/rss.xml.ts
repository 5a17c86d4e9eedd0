import type { APIContext } from 'astro';
import { feedResponse } from '../../../data/feed.ts';
import { getStoriesInSection } from '../../../data/stories.ts';
import { NEWSPAPER_NAME } from '../../../lib/site.ts';
import { SECTIONS, SECTION_LABELS, type Section } from '../../../lib/taxonomy.ts';
import { sectionFeedPath } from '../../../lib/urls.ts';

export function getStaticPaths() {
  return SECTIONS.map((section) => ({ params: { section } }));
}

export async function GET(context: APIContext): Promise<Response> {
  const section = context.params.section as Section;
  return feedResponse({
    title: `栏目：${SECTION_LABELS[section]}`,
    description: `《${NEWSPAPER_NAME}》${SECTION_LABELS[section]}栏目稿件。`,
    path: sectionFeedPath(section),
    stories: await getStoriesInSection(section),
    site: context.site!,
  });
}
