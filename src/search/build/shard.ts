/**
 * Builds one shard of the search index in its own process (memory is freed when it exits, so a
 * large archive never holds more than one shard per process):
 *
 *   node src/search/build/shard.ts <job.json> <outDir>
 *
 * job.json: { language, source, first, sections, places, rareLimit } — `source` is a JSON-lines
 * file of the shard's stories (src/search/build/collect.ts), newest first; `first` the archive
 * number of the first. Writes into outDir: Pagefind's files for the shard (its "language"), text
 * parts (text/), what each result shows (stories/<n>.bin), each story's filter values in order
 * (facets.bin) and the shard's words (lexicon.json).
 * Prints one JSON line of figures.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatChineseDate, isoDate } from '../../lib/dates.ts';
import { findCity } from '../../lib/places.ts';
import { splitText } from '../core/text-parts.ts';
import { searchRecord, useFoldTable, versionWord, type SearchResultMeta } from '../core/tokens.ts';
import { foldsAny, parseFoldTable } from '../core/fold-table.ts';
import { SECTION_LABELS, type Section } from '../../lib/taxonomy.ts';
import { searchTextPartPath, storyPath } from '../../lib/urls.ts';
import { facetOf } from '../core/lexicon.ts';
import type { SearchSource } from './collect.ts';
import { gzip, ShardLexicon } from './lexicon.ts';
import { createShardIndex } from './pagefind.ts';

export interface ShardJob {
  language: string;
  source: string;
  first: number;
  sections: string[];
  places: string[];
  rareLimit: number;
  /** The build's fold table, serialised (src/search/core/fold-table.ts): every shard folds with the same. */
  foldTable: string;
}

const [jobFile, outDir] = process.argv.slice(2);
if (!jobFile || !outDir) throw new Error('usage: shard.ts <job.json> <outDir>');
const job = JSON.parse(readFileSync(jobFile, 'utf8')) as ShardJob;
const stories = readFileSync(job.source, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as SearchSource);
const foldTable = parseFoldTable(job.foldTable);
useFoldTable(foldTable);

const started = performance.now();
const index = await createShardIndex(job.language);
const lexicon = new ShardLexicon(job.rareLimit);
/** A hash of what this shard's results show (part of the build's folder name). */
const storiesHash = createHash('sha256');
/** url -> what the fragment should carry. */
const display = new Map<string, { content: string; meta: SearchResultMeta }>();
const textDir = join(outDir, 'text');
const storyDir = join(outDir, 'stories');
mkdirSync(textDir, { recursive: true });
mkdirSync(storyDir, { recursive: true });
/** Each story's facet (section and place, src/search/core/lexicon.ts), in the shard's order. */
const facets: number[] = [];
const pending = new Set<Promise<void>>();
const failures: string[] = [];
for (const [i, story] of stories.entries()) {
  const number = job.first + i;
  const where = `story ${story.slug}`;
  // The filter lists are the archive's sections and cities (src/search/build/index.ts).
  const section = job.sections.indexOf(story.section);
  if (section < 0) throw new Error(`${where}: unknown section ${story.section}`);
  const city = findCity(story.city);
  const place = city ? job.places.indexOf(city.slug) : -1;
  if (!city || place < 0) throw new Error(`${where}: unknown city ${story.city}`);
  const url = storyPath(story.slug);
  const record = searchRecord({ head: story.head, body: story.body, bylines: story.bylines });
  const facet = facetOf(section, place, job.places.length);
  facets.push(facet);
  lexicon.add(number, facet, record);
  const date = new Date(`${story.date}T00:00:00Z`);
  const [opening, ...rest] = splitText(story.body);
  const textId = `${story.slug}-${createHash('sha256').update(story.body).digest('hex').slice(0, 10)}`;
  for (const [k, part] of rest.entries()) {
    // The path's last segment, in this shard's text/ folder (the indexer merges the folders).
    writeFileSync(join(textDir, searchTextPartPath(textId, k + 1).split('/').pop()!), gzip(part));
  }
  const meta: SearchResultMeta = {
    url,
    kicker: story.kicker ?? '',
    headline: story.headline,
    subhead: story.subhead ?? '',
    date: formatChineseDate(date, story.precision),
    datetime: isoDate(date, story.precision),
    section: SECTION_LABELS[story.section as Section],
    place: [story.city, story.county].filter(Boolean).join(' · '),
    textId,
    parts: rest.length,
    bodyPosition: record.bodyPosition,
    story: number,
    bodyStart: record.bodyStart,
    bylines: story.bylines,
    ...(foldsAny(`${story.head}\n${story.body}`, foldTable) && { folds: true }),
  };
  if (display.has(url)) throw new Error(`${where}: a second page for ${url}`);
  const shown = { content: opening!, meta };
  display.set(url, shown);
  const shownJson = JSON.stringify(shown);
  storiesHash.update(shownJson);
  writeFileSync(join(storyDir, `${number}.bin`), gzip(shownJson));
  // Pagefind names a fragment by a hash of what it indexed, which leaves out some of the fields
  // written into it (a corrected date or place would keep the name, and hosts cache fragments as
  // immutable): a last word, a hash of what the fragment will carry, renames it.
  const version = versionWord(createHash('sha256').update(shownJson).digest('hex').slice(0, 12));
  const added: Promise<void> = index
    .add({
      url,
      content: `${record.content} ${version}`,
      // Newest first within the shard: a larger number is newer (Pagefind sorts numbers as f32,
      // exact below 2^24, so the number is a rank, never a date like 20251003). The browser
      // adapter reads the story's place in the shard back from the sort (locate).
      rank: stories.length - i,
    })
    .catch((error: Error) => void failures.push(`${where}: ${error.message}`))
    .finally(() => pending.delete(added));
  pending.add(added);
  if (pending.size >= 64) await Promise.race(pending);
}
await Promise.all(pending);
if (failures.length) throw new Error(failures.join('\n'));
const indexed = performance.now();

const fragments = await index.write(outDir, (url) => display.get(url));
if (fragments !== stories.length) throw new Error(`shard ${job.language}: ${stories.length} stories but ${fragments} fragments`);
writeFileSync(join(outDir, 'lexicon.json'), JSON.stringify(lexicon));
const facetsJson = JSON.stringify(facets);
storiesHash.update(facetsJson);
writeFileSync(join(outDir, 'facets.bin'), gzip(facetsJson));

console.log(
  JSON.stringify({
    language: job.language,
    stories: stories.length,
    indexSeconds: (indexed - started) / 1000,
    totalSeconds: (performance.now() - started) / 1000,
    peakRssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
    storiesHash: storiesHash.digest('hex'),
  }),
);
