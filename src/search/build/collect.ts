/**
 * The build's hand-over to the search index: each story page, as Astro renders it, records its
 * text model and what a result shows (src/lib/story-text.ts) in a file the search integration
 * (src/search/build/integration.ts) names for the build. The index is then built from the text
 * the build already holds, not parsed back out of the HTML. Outside `astro build` (dev server,
 * tests rendering a page) nothing is recorded.
 */
import { appendFileSync } from 'node:fs';
import { bodyLines, bylineRanges, headLines, type StoryTextModel } from '../../lib/story-text.ts';

/** Set by the integration for the length of a build: the JSON-lines file to append to. */
export const SOURCE_ENV = 'ARCHIVE_SEARCH_SOURCE';

/** One story as the index reads it: one line of the source file. */
export interface SearchSource {
  slug: string;
  /** YYYY-MM-DD (a story dated to the month alone: its first day). */
  date: string;
  precision: 'day' | 'month';
  section: string;
  city: string;
  county?: string | undefined;
  kicker?: string | undefined;
  headline: string;
  subhead?: string | undefined;
  /** Kicker, headline, subhead, one a line. */
  head: string;
  /** Captions, paragraphs and bylines, one a line. */
  body: string;
  /** Where bylines and photo credits stand in `body`: [start, end) in code points (src/lib/story-text.ts bylineRanges). */
  bylines: [number, number][];
}

export function searchSource(
  story: Omit<SearchSource, 'head' | 'body' | 'bylines' | 'kicker' | 'headline' | 'subhead'>,
  model: StoryTextModel,
): SearchSource {
  return { ...story, kicker: model.kicker, headline: model.headline, subhead: model.subhead, head: headLines(model), body: bodyLines(model), bylines: bylineRanges(model) };
}

/** Records a story for the index (a no-op outside a build). */
export function collectForSearch(source: SearchSource): void {
  const file = process.env[SOURCE_ENV];
  if (file) appendFileSync(file, `${JSON.stringify(source)}\n`);
}
