/**
 * The search index's input: one JSON line per story (its text model, src/lib/story-text-model.ts, and
 * the fields a search filters on), written by the story loader (src/loaders/stories.ts) as it
 * checks each body, so the index can start while Astro still renders pages
 * (src/search/build/integration.ts). The file is replaced whole once every story file has passed
 * (never left half-written: src/data/lines-writer.ts), and lives in the build's cache folder, so it never ships.
 */
import { join } from 'node:path';
import type { DateBasis, YearBasis } from '../../lib/dates.ts';
import { bodyLines, bylineRanges, headLines, type StoryTextModel } from '../../lib/story-text-model.ts';

/** Where a build's stories are handed to the index. */
export const searchSourceFile = (cacheDir: string): string => join(cacheDir, 'search-source.jsonl');

/** One story as the index reads it: one line of the source file. */
export interface SearchSource {
  slug: string;
  /** YYYY-MM-DD (a story dated to the month alone: its first day). */
  date: string;
  precision: 'day' | 'month';
  /** Where its date's month and day and its year come from (src/lib/dates.ts DateDerivation). */
  dateBasis: DateBasis;
  yearBasis: YearBasis;
  /** The headline is taken from a caption (the listings say so). */
  headlineDerived: boolean;
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
  /** Where bylines and photo credits stand in `body`: [start, end) in code points (src/lib/story-text-model.ts bylineRanges). */
  bylines: [number, number][];
}

export function searchSource(
  story: Omit<SearchSource, 'head' | 'body' | 'bylines' | 'kicker' | 'headline' | 'subhead'>,
  model: StoryTextModel,
): SearchSource {
  return {
    ...story,
    kicker: model.kicker,
    headline: model.headline,
    subhead: model.subhead,
    head: headLines(model),
    body: bodyLines(model),
    bylines: bylineRanges(model),
  };
}
