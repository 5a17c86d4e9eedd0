/**
 * Synthetic stories for scale benchmarks: text recombined from the real stories' sentences,
 * every section and place used, dates spread over ten years, and rare vocabulary (people,
 * villages, organisations, numbers: scripts/bench/vocabulary.ts) in added sentences and some
 * headlines, so that rare, medium and common terms exist at every size. Deterministic for a given
 * seed. Generated stories are written to a temporary folder and never enter the repo.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CITIES } from '../../src/lib/places.ts';
import { SECTIONS } from '../../src/lib/taxonomy.ts';
import { random } from '../../tooling/random.ts';
import { headlineItem, vocabularySentence } from './vocabulary.ts';

/** Sentences (ending in 。！？) of the real stories' bodies. */
export function realSentences(dir = 'content/stories'): string[] {
  const sentences: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
    const body = readFileSync(join(dir, name), 'utf8').split(/\n---\n/)[1] ?? '';
    for (const paragraph of body.split(/\n\s*\n/)) {
      sentences.push(...(paragraph.trim().match(/[^。！？]+[。！？]?/g) ?? []).map((s) => s.trim()).filter(Boolean));
    }
  }
  return sentences;
}

interface SyntheticStory {
  slug: string;
  kicker: string;
  headline: string;
  /** Paragraphs of the body. */
  paragraphs: string[];
  /** The vocabulary items the story holds (each once). */
  items: string[];
  markdown: string;
}

/** What writeSyntheticArchive keeps of a story: little, so 100,000 stories cost little memory. */
export interface WrittenStory {
  slug: string;
  /** The vocabulary items the story holds (each once). */
  items: string[];
}

/** Share of paragraphs that end with a sentence of rare vocabulary (at least one a story). */
const VOCABULARY_PARAGRAPHS = 0.5;
/** Share of headlines that open with a vocabulary item. */
const VOCABULARY_HEADLINES = 0.15;

const KICKERS = ['经济技术开发区', '高新区', '综合利用项目', '回收拆解项目', '储能电站项目', '产业园区'];
const PLACES: { city: string; county?: string }[] = CITIES.flatMap((city) => [
  { city: city.name },
  ...city.counties.map((c) => ({ city: city.name, county: c.name })),
]);

/** Synthetic stories share source pages, this many each; story i is line i % STORIES_PER_SOURCE + 1 of its page. */
const STORIES_PER_SOURCE = 20;

/** The source page (a file in the `source` folder beside the stories) of story number `i`. */
const syntheticSourceFile = (i: number): string =>
  `synthetic-${String(Math.floor(i / STORIES_PER_SOURCE)).padStart(5, '0')}.txt`;

/**
 * Story number `i` of a synthetic archive. `rand` picks the recombined text and the date (the
 * same stream as before vocabulary was added, so the common terms' counts stay comparable);
 * `vocabularyRand` picks the added vocabulary.
 */
export function syntheticStory(
  i: number,
  sentences: readonly string[],
  rand: () => number,
  vocabularyRand: () => number,
): SyntheticStory {
  const pick = () => sentences[Math.floor(rand() * sentences.length)]!;
  const place = PLACES[i % PLACES.length]!;
  const section = SECTIONS[i % SECTIONS.length]!;
  // Lengths from a few hundred to several thousand characters, skewed short like a real paper.
  const target = 300 + Math.floor(rand() ** 2 * 4700);
  const paragraphs: string[] = [];
  let length = 0;
  while (length < target) {
    const paragraph = Array.from({ length: 2 + Math.floor(rand() * 4) }, pick).join('');
    paragraphs.push(paragraph);
    length += paragraph.length;
  }
  const day = new Date(Date.UTC(2016, 0, 1) + Math.floor(rand() * 3652) * 86_400_000);
  let headline =
    Array.from(pick().replace(/[,，。！？“”、]/g, ''))
      .slice(0, 16)
      .join('') || '稿件';
  const year = day.getUTCFullYear();
  const items = new Set<string>();
  const added = paragraphs.map(() => vocabularyRand() < VOCABULARY_PARAGRAPHS);
  if (!added.includes(true)) added[added.length - 1] = true;
  for (const [p, add] of added.entries()) {
    if (!add) continue;
    const sentence = vocabularySentence(year, vocabularyRand);
    paragraphs[p] += sentence.text;
    for (const item of sentence.items) items.add(item);
  }
  if (vocabularyRand() < VOCABULARY_HEADLINES) {
    const item = headlineItem(year, vocabularyRand);
    headline = item + Array.from(headline).slice(0, 12).join('');
    items.add(item);
  }
  const kicker = `${(place.county ?? place.city).replace(/[市县区]$/, '')}${KICKERS[i % KICKERS.length]}`;
  const slug = `synthetic-${String(i).padStart(6, '0')}`;
  const frontmatter = [
    `slug: ${slug}`,
    `kicker: ${kicker}`,
    `headline: ${headline}`,
    `date: ${day.toISOString().slice(0, 10)}`,
    'datePrecision: day',
    'dateBasis: dateline',
    'yearBasis: page',
    `section: ${section}`,
    'format: article',
    'place:',
    `  city: ${place.city}`,
    ...(place.county ? [`  county: ${place.county}`] : []),
    'bylines:',
    '  - name: 合成稿件',
    '    role: reporter',
    'source:',
    `  file: ${syntheticSourceFile(i)}`,
    `  lines: [${(i % STORIES_PER_SOURCE) + 1}, ${(i % STORIES_PER_SOURCE) + 1}]`,
  ].join('\n');
  return {
    slug,
    kicker,
    headline,
    paragraphs,
    items: [...items],
    markdown: `---\n${frontmatter}\n---\n\n${paragraphs.join('\n\n')}\n`,
  };
}

/**
 * Writes `count` synthetic stories into `dir`, and their source pages (one headline a line) into
 * the `source` folder beside it; returns each story's slug and vocabulary items (the text stays on
 * disk: scripts/bench/queries.ts scans it for ground truth).
 */
export function writeSyntheticArchive(dir: string, count: number, seed = 42): WrittenStory[] {
  return writeSyntheticStories(dir, 0, count, seed);
}

/**
 * Adds `count` stories after the `existing` ones, all dated `date` (YYYY-MM-DD): a day's issue
 * added to an archive, as an editor does (the incremental build's bench and tests). Their source
 * pages get their lines; the text comes from a stream of its own, so earlier stories stay as they were.
 */
export function addSyntheticStories(
  dir: string,
  existing: number,
  count: number,
  date: string,
  seed = 42,
): WrittenStory[] {
  return writeSyntheticStories(dir, existing, count, seed ^ existing, date);
}

function writeSyntheticStories(dir: string, first: number, count: number, seed: number, date?: string): WrittenStory[] {
  mkdirSync(dir, { recursive: true });
  const sourceDir = join(dir, '..', 'source');
  mkdirSync(sourceDir, { recursive: true });
  const pages = new Map<string, string[]>();
  const sentences = realSentences();
  const rand = random(seed);
  const vocabularyRand = random(seed ^ 0x5eed);
  const stories: WrittenStory[] = [];
  for (let i = first; i < first + count; i++) {
    const story = syntheticStory(i, sentences, rand, vocabularyRand);
    const markdown = date ? story.markdown.replace(/^date: .*$/m, `date: ${date}`) : story.markdown;
    writeFileSync(join(dir, `${story.slug}.md`), markdown);
    stories.push({ slug: story.slug, items: story.items });
    const page = syntheticSourceFile(i);
    const path = join(sourceDir, page);
    const lines = pages.get(page) ?? (existsSync(path) ? readFileSync(path, 'utf8').split('\n') : []);
    lines[i % STORIES_PER_SOURCE] = story.headline;
    pages.set(page, lines);
  }
  for (const [file, lines] of pages) {
    writeFileSync(join(sourceDir, file), lines.join('\n'));
    // What is known of the page, as an editor records it beside each extract (content/README.md, "Source pages").
    writeFileSync(
      join(sourceDir, file.replace(/\.txt$/, '.yaml')),
      'newspaper: 科学导报\ndate: "2025"\ndateDerived: true\ndateNote: 合成的测试版面，日期不详。\n',
    );
  }
  return stories;
}
