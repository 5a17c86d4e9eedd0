/**
 * The archive as data (/data/), from the loader's one render of each story: the loader
 * (src/loaders/stories.ts) writes each story's record to a records file and the archive's order
 * to an order file, both in the build's cache folder; the data integration
 * (src/integrations/archive-data.ts) writes /data/ from them once the pages are built, and /data/'s
 * page gives the files' sizes from the records the loader kept (src/data/kept-stories.ts).
 */
import { join } from 'node:path';
import { keptSummary } from './kept-stories.ts';
import type { Story } from './stories.ts';

/** Each accepted story's record, a line each: YYYY-MM, slug, the record (one line of JSON), tab-separated, in file order. */
export const dataRecordsFile = (cacheDir: string): string => join(cacheDir, 'data-records.tsv');

/** Every accepted story's slug, a line each, in the archive's order (src/lib/dates.ts compareArchiveOrder). */
export const dataOrderFile = (cacheDir: string): string => join(cacheDir, 'data-order.txt');

/** Bytes of the story's line in its month's file (and of its own JSON file). */
export function dataLineBytes(story: Story): number {
  const kept = keptSummary(String(story.digest));
  if (!kept)
    throw new Error(
      `${story.filePath ?? story.id}: the story loader kept no data record of this file (src/data/kept-stories.ts)`,
    );
  return kept.dataLineBytes;
}
