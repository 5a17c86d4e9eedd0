/**
 * The archive as data, from the build's one render of each story: a story page hands its record
 * (src/lib/story-data.ts) to a file the data integration (src/integrations/archive-data.ts) names
 * for the build, which then writes /data/. The page remembers each record's size, so /data/
 * (rendered after the story pages, src/integrations/stories-first.ts) gives the files' sizes
 * without rendering any body again; a story not rendered yet (the dev server) is rendered here.
 */
import { appendFileSync } from 'node:fs';
import type { StoryTextModel } from '../lib/story-text-model.ts';
import { DATA_RECORDS_ENV, dataLine, storyDataRecord } from '../lib/story-data.ts';
import { monthSegment } from '../lib/urls.ts';
import { yearMonth } from '../lib/dates.ts';
import { getStories, type Story } from './stories.ts';
import { storyTextOf } from './story-text.ts';


/** Bytes of each story's line (with its line break), by story id and file digest. */
const lineBytes = new Map<string, number>();
const key = (story: Story): string => `${story.id} ${story.digest}`;

let order: Promise<Map<string, number>> | undefined;
/** Each story's place in the archive's order, looked up once for the build. */
const archiveOrder = () => (order ??= getStories().then((stories) => new Map(stories.map((s, i) => [s.id, i]))));

function lineOf(story: Story, model: StoryTextModel, url: string): string {
  const { data } = story;
  return dataLine(
    storyDataRecord({
      ...data,
      slug: story.id,
      url,
      paragraphs: model.paragraphs,
    }),
  );
}

/**
 * Records a story's data line for the build (a no-op outside one) and remembers its size.
 * Each line of the records file: archive order, YYYY-MM, slug, the record, tab-separated.
 */
export async function recordStoryData(story: Story, model: StoryTextModel, url: string): Promise<void> {
  const line = lineOf(story, model, url);
  lineBytes.set(key(story), Buffer.byteLength(line) + 1);
  const file = process.env[DATA_RECORDS_ENV];
  if (!file) return;
  const { year, month } = yearMonth(story.data.date);
  const at = (await archiveOrder()).get(story.id);
  appendFileSync(file, `${at}\t${year}-${monthSegment(month)}\t${story.id}\t${line}\n`);
}

/** Bytes of the story's line in its month's file (and of its own JSON file). */
export async function dataLineBytes(story: Story, url: string): Promise<number> {
  const known = lineBytes.get(key(story));
  if (known !== undefined) return known;
  const bytes = Buffer.byteLength(lineOf(story, (await storyTextOf(story)).model, url)) + 1;
  lineBytes.set(key(story), bytes);
  return bytes;
}
