import type { APIContext } from 'astro';
import { feedResponse } from '../../../data/feed.ts';
import { getStoriesInSection } from '../../../data/stories.ts';
import { cacheKeyOf } from '../../../lib/cache-key.ts';
import { NEWSPAPER_NAME } from '../../../lib/site.ts';
import { SECTIONS, SECTION_LABELS, type Section } from '../../../lib/taxonomy.ts';
import { sectionFeedPath } from '../../../lib/urls.ts';

export async function getStaticPaths() {
  return Promise.all(
    SECTIONS.map(async (section) => {
      const stories = await getStoriesInSection(section);
      // A section's feed changes only with its stories: on other days it is copied, not rendered.
      return { params: { section }, props: { stories }, cacheKey: cacheKeyOf(section, stories) };
    }),
  );
}

export async function GET(context: APIContext): Promise<Response> {
  const section = context.params.section as Section;
  return feedResponse({
    title: `栏目：${SECTION_LABELS[section]}`,
    description: `《${NEWSPAPER_NAME}》${SECTION_LABELS[section]}栏目稿件。`,
    path: sectionFeedPath(section),
    stories: context.props.stories as Awaited<ReturnType<typeof getStoriesInSection>>,
    site: context.site!,
  });
}
