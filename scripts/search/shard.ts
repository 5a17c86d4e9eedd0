/**
 * Builds the search index of one shard of stories, in its own process (memory is freed when it
 * exits, so a large archive never holds more than one shard per process).
 *
 *   node scripts/search/shard.ts <job.json> <outDir> <language>
 *
 * job.json: { files, first, sections, places, rareLimit } — story pages, newest first; the archive
 * number of the first; the filter values (src/search/core/lexicon.ts). Besides Pagefind's files it
 * writes lexicon.json (this shard's words, src/search/build/lexicon.ts) and stories/<n>.bin (what
 * a result shows, story number n). Prints one JSON line of figures.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { formatChineseDate, isoDate } from '../../src/lib/dates.ts';
import { findCity } from '../../src/lib/places.ts';
import { splitText } from '../../src/lib/search-text.ts';
import { searchRecord, versionWord, type SearchResultMeta } from '../../src/lib/search-tokens.ts';
import { SECTION_LABELS, SECTIONS, type Section } from '../../src/lib/taxonomy.ts';
import { searchTextPartPath, storyPath } from '../../src/lib/urls.ts';
import { extractStory } from './extract.ts';
import { gzip as gzipJson, ShardLexicon } from '../../src/search/build/lexicon.ts';
import { facetOf } from '../../src/search/core/lexicon.ts';
import { foldChars } from '../../src/lib/search-tokens.ts';

/** Pagefind's fragment file: gzip of this signature + JSON. Pinned: pagefind is an exact version. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';
const FRAGMENT_KEYS = ['url', 'content', 'word_count', 'filters', 'meta', 'anchors'];

const [jobFile, outDir, language] = process.argv.slice(2);
if (!jobFile || !outDir || !language) throw new Error('usage: shard.ts <job.json> <outDir> <language>');
const { files, first, sections, places, rareLimit } = JSON.parse(readFileSync(jobFile, 'utf8')) as {
  files: string[];
  first: number;
  sections: string[];
  places: string[];
  rareLimit: number;
};
const lexicon = new ShardLexicon(rareLimit);
/** A hash of what this shard's results show (part of the build's folder name). */
const storiesHash = createHash('sha256');
const storyDir = join(outDir, 'stories');
mkdirSync(storyDir, { recursive: true });

const started = performance.now();
const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
if (!index || errors.length) throw new Error(`Pagefind: ${errors.join('\n')}`);

/** url -> what the fragment should carry. */
const display = new Map<string, { content: string; meta: SearchResultMeta }>();
/** The text after each story's first part, in files of its own (src/lib/search-text.ts). */
const textDir = join(outDir, 'text');
mkdirSync(textDir, { recursive: true });
const gzip = (text: string) => gzipSync(Buffer.from(text), { level: 9 });
const pending = new Set<Promise<void>>();
const failures: string[] = [];
for (const [i, file] of files.entries()) {
  const story = extractStory(readFileSync(file, 'utf8'), file);
  if (!(SECTIONS as readonly string[]).includes(story.section)) throw new Error(`${file}: unknown section ${story.section}`);
  const city = findCity(story.city);
  if (!city) throw new Error(`${file}: unknown city ${story.city}`);
  const url = storyPath(story.slug);
  const head = [story.kicker, story.headline, story.subhead].filter(Boolean).join('\n');
  const record = searchRecord({ head, body: story.body });
  const section = sections.indexOf(story.section);
  const place = places.indexOf(city.slug);
  if (section < 0 || place < 0) throw new Error(`${file}: section or place not in the filter lists`);
  lexicon.add(first + i, facetOf(section, place, places.length), head, story.body);
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
    bodyStart: foldChars(`${head}\n${story.body}`).length - foldChars(story.body).length,
  };
  if (display.has(url)) throw new Error(`${file}: a second page for ${url}`);
  display.set(url, { content: opening!, meta });
  const shown = JSON.stringify(display.get(url));
  storiesHash.update(shown);
  writeFileSync(join(storyDir, `${first + i}.bin`), gzipJson(shown));
  // Pagefind names a fragment by a hash of what it indexed, which leaves out some of the fields
  // written into it below (a corrected date or place would keep the name, and hosts cache
  // fragments as immutable): a last word, a hash of what the fragment will carry, renames it.
  const version = versionWord(createHash('sha256').update(JSON.stringify(display.get(url))).digest('hex').slice(0, 12));
  const added: Promise<void> = index
    .addCustomRecord({
      url,
      language,
      content: `${record.content} ${version}`,
      filters: { section: [story.section], place: [city.slug] },
      // Newest first within the shard: a larger number is newer (Pagefind sorts numbers as f32,
      // exact below 2^24, so the number is a rank, never a date like 20251003).
      sort: { rank: String(files.length - i) },
    })
    .then((response) => {
      if (response.errors.length) failures.push(`${file}: ${response.errors.join('; ')}`);
      pending.delete(added);
    });
  pending.add(added);
  if (pending.size >= 64) await Promise.race(pending);
}
await Promise.all(pending);
if (failures.length) throw new Error(failures.join('\n'));
const indexed = performance.now();

const written = await index.writeFiles({ outputPath: outDir });
if (written.errors.length) throw new Error(written.errors.join('\n'));
await pagefind.close();

// Pagefind stores each page's indexed text and meta in its fragment; ours is a stream of bigram
// codes. Replace it with the first part of the readable text, which excerpts are cut from, and
// the display fields.
const fragmentDir = join(outDir, 'fragment');
let fragments = 0;
for (const name of readdirSync(fragmentDir)) {
  const raw = gunzipSync(readFileSync(join(fragmentDir, name)));
  if (raw.subarray(0, FRAGMENT_SIGNATURE.length).toString() !== FRAGMENT_SIGNATURE) {
    throw new Error(`${name}: Pagefind's fragment format changed (no ${FRAGMENT_SIGNATURE} signature); check scripts/search/shard.ts`);
  }
  const fragment = JSON.parse(raw.subarray(FRAGMENT_SIGNATURE.length).toString()) as Record<string, unknown>;
  const missing = FRAGMENT_KEYS.filter((key) => !(key in fragment));
  const entry = display.get(String(fragment.url));
  if (missing.length || !entry) throw new Error(`${name}: Pagefind's fragment format changed (missing ${missing.join(', ') || 'a known url'})`);
  fragment.content = entry.content;
  fragment.meta = entry.meta;
  writeFileSync(join(fragmentDir, name), gzip(FRAGMENT_SIGNATURE + JSON.stringify(fragment)));
  fragments++;
}
if (fragments !== files.length) throw new Error(`shard ${language}: ${files.length} stories but ${fragments} fragments`);
writeFileSync(join(outDir, 'lexicon.json'), JSON.stringify(lexicon));

console.log(
  JSON.stringify({
    language,
    stories: files.length,
    indexSeconds: (indexed - started) / 1000,
    totalSeconds: (performance.now() - started) / 1000,
    peakRssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
    storiesHash: storiesHash.digest('hex'),
  }),
);
