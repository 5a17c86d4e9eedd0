/**
 * Builds one shard of the search index in its own process (memory is freed when it exits, so a
 * large archive never holds more than one shard per process):
 *
 *   node src/search/build/shard.ts <job.json> <outDir>
 *
 * job.json: ShardJob — `source` is a JSON-lines file of the shard's stories
 * (src/search/build/source.ts), in the archive's order. Nothing written depends on where the shard
 * stands in the archive: stories are numbered from 0 in the shard (the indexer adds the shard's
 * start when it merges), so an unchanged shard is reused as it is by the next build.
 * Writes into outDir: Pagefind's index of the shard (through ./pagefind.ts), and the
 * archive's own files: text parts (text/), what each result shows (stories/<n>.bin, n its place
 * in the shard), each story's filter values in order (facets.bin) and the shard's words (lexicon.json).
 * Prints one JSON line of figures.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatChineseDate, isoDate } from '../../lib/dates.ts';
import { findCity } from '../../lib/places.ts';
import { splitText } from '../core/text-parts.ts';
import { searchRecord } from '../core/record.ts';
import type { SearchResultMeta } from '../core/result.ts';
import { createFold } from '../core/fold.ts';
import { foldsAny, parseFoldTable } from '../core/fold-table.ts';
import { SECTION_LABELS, type Section } from '../../lib/taxonomy.ts';
import { searchTextPartPath, storyPath } from '../../lib/urls.ts';
import { facetOf } from '../core/lexicon.ts';
import { derivedCode } from '../core/derived.ts';
import type { SearchSource } from './source.ts';
import { gzip, ShardLexicon } from './lexicon.ts';
import { createShardIndex } from './pagefind.ts';

export interface ShardJob {
  /** The shard's name (Pagefind's index is written under it). */
  name: string;
  source: string;
  sections: string[];
  places: string[];
  rareLimit: number;
  /** The build's fold table, serialised (src/search/core/fold-table.ts): every shard folds with the same. */
  foldTable: string;
}

/** Indexes the shard of `jobFile` into `outDir` and prints its figures. */
async function buildShard(jobFile: string, outDir: string): Promise<void> {
  const job = JSON.parse(readFileSync(jobFile, 'utf8')) as ShardJob;
  const stories = readFileSync(job.source, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SearchSource);
  const foldTable = parseFoldTable(job.foldTable);
  const fold = createFold(foldTable);

  const started = performance.now();
  const index = await createShardIndex(job.name);
  const lexicon = new ShardLexicon(job.rareLimit);
  /** A hash of what this shard's results show (part of the build's folder name). */
  const storiesHash = createHash('sha256');
  const textDir = join(outDir, 'text');
  const storyDir = join(outDir, 'stories');
  mkdirSync(textDir, { recursive: true });
  mkdirSync(storyDir, { recursive: true });
  /** Each story's facet (section and place, src/search/core/lexicon.ts), in the shard's order. */
  const facets: number[] = [];
  const urls = new Set<string>();
  const pending = new Set<Promise<void>>();
  const failures: string[] = [];
  for (const [i, story] of stories.entries()) {
    const where = `story ${story.slug}`;
    // The filter lists are the archive's sections and cities (src/search/build/index.ts).
    const section = job.sections.indexOf(story.section);
    if (section < 0) throw new Error(`${where}: unknown section ${story.section}`);
    const city = findCity(story.city);
    const place = city ? job.places.indexOf(city.slug) : -1;
    if (!city || place < 0) throw new Error(`${where}: unknown city ${story.city}`);
    const url = storyPath(story.slug);
    if (urls.has(url)) throw new Error(`${where}: a second page for ${url}`);
    urls.add(url);
    const record = searchRecord({ head: story.head, body: story.body, bylines: story.bylines }, fold);
    const facet = facetOf(section, place, job.places.length);
    facets.push(facet);
    lexicon.add(i, facet, record);
    const date = new Date(`${story.date}T00:00:00Z`);
    const [opening, ...rest] = splitText(story.body);
    const textId = `${story.slug}-${createHash('sha256').update(story.body).digest('hex').slice(0, 10)}`;
    for (const [k, part] of rest.entries()) {
      // The path's last segment, in this shard's text/ folder (the indexer merges the folders).
      writeFileSync(
        join(
          textDir,
          searchTextPartPath(textId, k + 1)
            .split('/')
            .pop()!,
        ),
        gzip(part),
      );
    }
    const derived = derivedCode(story);
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
      bodyStart: record.bodyStart,
      bylines: story.bylines,
      // A few letters, not the marks' sentences: every result file carries them (docs/search.md).
      ...(derived && { derived }),
      ...(foldsAny(`${story.head}\n${story.body}`, foldTable) && { folds: true }),
    };
    // What a result shows, written once: the search page reads it whoever found the story.
    const shownJson = JSON.stringify({ content: opening!, meta });
    storiesHash.update(shownJson);
    writeFileSync(join(storyDir, `${i}.bin`), gzip(shownJson));
    const added: Promise<void> = index
      .add({ url, words: record.words, place: i })
      .catch((error: Error) => void failures.push(`${where}: ${error.message}`))
      .finally(() => pending.delete(added));
    pending.add(added);
    if (pending.size >= 64) await Promise.race(pending);
  }
  await Promise.all(pending);
  if (failures.length) throw new Error(failures.join('\n'));
  const indexed = performance.now();

  const pages = await index.write(outDir, stories.length);
  if (pages !== stories.length)
    throw new Error(`shard ${job.name}: ${stories.length} stories but Pagefind indexed ${pages}`);
  writeFileSync(join(outDir, 'lexicon.json'), JSON.stringify(lexicon));
  const facetsJson = JSON.stringify(facets);
  storiesHash.update(facetsJson);
  writeFileSync(join(outDir, 'facets.bin'), gzip(facetsJson));

  console.log(
    JSON.stringify({
      name: job.name,
      stories: stories.length,
      indexSeconds: (indexed - started) / 1000,
      totalSeconds: (performance.now() - started) / 1000,
      peakRssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
      storiesHash: storiesHash.digest('hex'),
    }),
  );
}

const [jobFile, outDir] = process.argv.slice(2);
if (!jobFile || !outDir) throw new Error('usage: shard.ts <job.json> <outDir>');
await buildShard(jobFile, outDir);
