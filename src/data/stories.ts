/** The only module that reads the story collection. Pages get sorted, grouped stories from here. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { groupByMonth, type ArchiveYear } from '../lib/archive.ts';
import { compareArchiveOrder, type OrderedDate } from '../lib/dates.ts';
import { findCity, findCounty, type City, type County } from '../lib/places.ts';
import { olderAndNewer, relatedForAll, type LinkableStory } from '../lib/story-links.ts';
import { SECTIONS, type Section } from '../lib/taxonomy.ts';

export type Story = CollectionEntry<'stories'>;

/** A story's place resolved against the registry (the schema has already checked it exists). */
export function storyPlace(story: Story): { city: City; county?: County } {
  const city = findCity(story.data.place.city)!;
  const county = story.data.place.county ? findCounty(city, story.data.place.county) : undefined;
  return county ? { city, county } : { city };
}

let cache: Promise<Story[]> | undefined;

/** What the archive's order (src/lib/dates.ts) compares of a story. */
export function orderedDate(story: Story): OrderedDate {
  return { date: story.data.date, precision: story.data.datePrecision, key: story.id };
}

/** Every story in the archive's order, newest first (bodies are checked as their pages render: src/data/render.ts). */
export function getStories(): Promise<Story[]> {
  cache ??= getCollection('stories').then((stories) =>
    stories.sort((a, b) => compareArchiveOrder(orderedDate(a), orderedDate(b))),
  );
  return cache;
}

/** Stories of one section, newest first. */
export async function getStoriesInSection(section: Section): Promise<Story[]> {
  return (await getStories()).filter((story) => story.data.section === section);
}

/** Sections with their stories, in navigation order. */
export async function getSections(): Promise<{ section: Section; stories: Story[] }[]> {
  const stories = await getStories();
  return SECTIONS.map((section) => ({ section, stories: stories.filter((s) => s.data.section === section) }));
}

/** Every city and county that has stories, with those stories (a city's list includes its counties'). */
export async function getPlaces(): Promise<{ city: City; county?: County; stories: Story[] }[]> {
  const stories = await getStories();
  const groups = new Map<string, { city: City; county?: County; stories: Story[] }>();
  for (const story of stories) {
    const { city, county } = storyPlace(story);
    const cityGroup = groups.get(city.slug) ?? { city, stories: [] };
    cityGroup.stories.push(story);
    groups.set(city.slug, cityGroup);
    if (county) {
      const key = `${city.slug}/${county.slug}`;
      const countyGroup = groups.get(key) ?? { city, county, stories: [] };
      countyGroup.stories.push(story);
      groups.set(key, countyGroup);
    }
  }
  return [...groups.values()];
}

/** Years and months with their stories, newest first, for the date archive. */
export async function getArchive(): Promise<ArchiveYear<Story>[]> {
  return groupByMonth(await getStories(), (story) => story.data.date);
}

/** What prev/next and related links compare; the story rides along. */
function linkable(story: Story): LinkableStory & { story: Story } {
  return {
    key: story.id,
    section: story.data.section,
    city: story.data.place.city,
    county: story.data.place.county,
    page: story.data.source.file,
    story,
  };
}

let links: Promise<Map<string, { older?: Story; newer?: Story; related: Story[] }>> | undefined;

/** Older/newer and related links of every story, computed once for the whole build. */
function allStoryLinks() {
  links ??= getStories().then((stories) => {
    const all = stories.map(linkable);
    const related = relatedForAll(all);
    return new Map(
      stories.map((story, i) => [
        story.id,
        { ...olderAndNewer(stories, i), related: related.get(story.id)!.map((r) => r.story) },
      ]),
    );
  });
  return links;
}

/** The stories just older and newer than this one, and up to three sharing its place or section. */
export async function getStoryLinks(story: Story): Promise<{ older?: Story; newer?: Story; related: Story[] }> {
  return (await allStoryLinks()).get(story.id) ?? { related: [] };
}
