/**
 * Each story's files for reference managers (/stories/<slug>.ris, .bib and .csl.json:
 * src/lib/reference-formats.ts). The story loader (src/loaders/stories.ts) makes them with the rest
 * of what it derives from a story file, keeps them with it (src/data/kept-stories.ts) and lists
 * them, a story a line, in a records file in the build's cache folder; the references integration
 * (src/integrations/story-references.ts) writes them into the site once the pages are built. As
 * Astro endpoints the three files cost about 2 ms each on the one render thread: a third of a
 * 10,000-story build's page time.
 */
import { join } from 'node:path';
import { bibtexRecord, cslJson, risRecord } from '../lib/reference-formats.ts';
import { storyReference, type StoryReferenceData } from '../lib/story-reference.ts';
import { storyBibtexPath, storyCslJsonPath, storyRisPath } from '../lib/urls.ts';

/** A story's three reference files' texts. */
export interface StoryReferenceFiles {
  ris: string;
  bib: string;
  csl: string;
}

/** One line a story, its slug, a tab and `{ ris, bib, csl }` as JSON, in file order. */
export const referenceRecordsFile = (cacheDir: string): string => join(cacheDir, 'reference-records.jsonl');

export function storyReferenceFiles(slug: string, data: StoryReferenceData, url: string): StoryReferenceFiles {
  const reference = storyReference(slug, data, url);
  return { ris: risRecord(reference), bib: bibtexRecord(reference), csl: cslJson(reference) };
}

/** Where each of a story's reference files goes in the site, with its text. */
export const referenceFilesOf = (slug: string, files: StoryReferenceFiles): [path: string, text: string][] => [
  [storyRisPath(slug), files.ris],
  [storyBibtexPath(slug), files.bib],
  [storyCslJsonPath(slug), files.csl],
];
