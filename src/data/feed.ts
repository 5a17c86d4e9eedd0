/** RSS feeds of stories: the whole archive, or one section. */
import rss from '@astrojs/rss';
import type { Story } from './stories.ts';
import { storyTextOf } from './story-text.ts';
import { storyAuthors } from '../lib/credits.ts';
import { escapeHtml, feedHtml, feedIntroXml, feedItemLinkXml, XHTML_NAMESPACE } from '../lib/feed-markup.ts';
import { formatChineseDate } from '../lib/dates.ts';
import { ARCHIVE_NAME } from '../lib/site.ts';
import { SECTION_LABELS } from '../lib/taxonomy.ts';
import { DESCRIPTION_OPENING_CHARS, storyOpening } from '../lib/story-text-model.ts';
import { aboutPath, absoluteUrl, feedStylesheetPath, homePath, storyPath } from '../lib/urls.ts';

export interface FeedOptions {
  title: string;
  description: string;
  /** Where this feed is served, for its atom:link rel="self". */
  path: string;
  stories: readonly Story[];
  site: URL;
}

/** One feed item with the story's full text in content:encoded. */
async function feedItem(story: Story, site: URL) {
  const { data } = story;
  const { html, model } = await storyTextOf(story);
  const permalink = absoluteUrl(storyPath(story.id), site);
  const creators = storyAuthors(data).map((credit) => `<dc:creator>${escapeHtml(credit.name)}</dc:creator>`);
  return {
    title: data.headline,
    link: permalink,
    // RSS dates are full days (RFC 822) and pubDate is optional: a story dated only to its month
    // has none, rather than a day the page never printed (content/README.md). Its month is in the link's details.
    ...(data.datePrecision === 'day' && { pubDate: data.date }),
    description: storyOpening(model, DESCRIPTION_OPENING_CHARS),
    content: feedHtml({
      bodyHtml: html,
      figures: data.figures,
      notes: data.editorNotes,
      permalink,
    }),
    categories: [SECTION_LABELS[data.section], data.place.city, ...(data.place.county ? [data.place.county] : [])],
    customData:
      creators.join('') +
      feedItemLinkXml({
        path: storyPath(story.id),
        headline: data.headline,
        details: [
          formatChineseDate(data.date, data.datePrecision),
          SECTION_LABELS[data.section],
          data.place.county ?? data.place.city,
        ].join(' · '),
      }),
  };
}

/** Newest stories a feed carries: readers poll feeds for what is new, and full text of every story would grow without bound. */
export const FEED_ITEMS = 50;

/** The RSS response for the newest `FEED_ITEMS` of `stories` (already newest first). */
export async function feedResponse(options: FeedOptions): Promise<Response> {
  const title = options.title === ARCHIVE_NAME ? ARCHIVE_NAME : `${options.title} - ${ARCHIVE_NAME}`;
  const feedUrl = absoluteUrl(options.path, options.site);
  const stories = options.stories.slice(0, FEED_ITEMS);
  const intro = feedIntroXml({ title, feedUrl, count: stories.length, homePath: homePath(), aboutPath: aboutPath() });
  return rss({
    title,
    description: options.description,
    site: options.site,
    // Opened in a browser, the feed is shown by this stylesheet (public/rss.css); readers ignore it.
    stylesheet: feedStylesheetPath(),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/', h: XHTML_NAMESPACE },
    customData: `<language>zh-cn</language><atom:link href="${feedUrl}" rel="self" type="application/rss+xml"/>${intro}`,
    items: await Promise.all(stories.map((story) => feedItem(story, options.site))),
  });
}
