/**
 * `npm run bench:index-cpu -- [N] [--runs=R]`: the search indexer's own Node CPU for one shard of N
 * synthetic stories (default 2,000, a shard's size; scripts/bench/synthetic.ts), without Pagefind:
 * for each story, in the shard's order, its SearchRecord (src/search/core/record.ts) and
 * ShardLexicon.add (src/search/build/lexicon.ts), then JSON.stringify of the shard's lexicon, as
 * src/search/build/shard.ts does them. Stories become the index's input the way the build makes it
 * (src/lib/story-text-model.ts: head, body lines, byline and credit ranges; one story in four has a
 * captioned, credited photo, and one in eight is written in Traditional characters, so the fold
 * table is exercised).
 *
 * Reports CPU milliseconds (user + sys, process.cpuUsage) per story of each step, the median of R
 * runs in one process (default 7; the machine is shared, so single runs vary), and a SHA-256 of
 * everything the steps produce (every record's fields and the lexicon's JSON): an optimisation
 * must leave the hash unchanged.
 */
import { createHash } from 'node:crypto';
import { ShardLexicon, DEFAULT_RARE_LIMIT } from '../../src/search/build/lexicon.ts';
import { openccFoldTable } from '../../src/search/build/opencc.ts';
import { createFold } from '../../src/search/core/fold.ts';
import { parseFoldTable, serializeFoldTable } from '../../src/search/core/fold-table.ts';
import { searchRecord, type SearchableStory } from '../../src/search/core/record.ts';
import { bodyLines, bylineRanges, headLines, storyTextModel } from '../../src/lib/story-text-model.ts';
import { random } from '../../tooling/random.ts';
import { realSentences, syntheticStory } from './synthetic.ts';

const count = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 2000);
const runs = Number(/^--runs=(\d+)$/.exec(process.argv.find((arg) => arg.startsWith('--runs=')) ?? '')?.[1] ?? 7);

// The fold as a shard makes it: from the table as it travels in the job file.
const { table } = openccFoldTable();
const foldTable = parseFoldTable(serializeFoldTable(table));
const fold = createFold(foldTable);
/** Simplified → one of its Traditional characters, to write some stories in Traditional. */
const traditional = new Map<string, string>();
for (const [t, s] of foldTable) if (!traditional.has(s)) traditional.set(s, t);
const toTraditional = (text: string): string => Array.from(text, (ch) => traditional.get(ch) ?? ch).join('');

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The N stories as the index reads them (SearchSource's head, body and bylines). */
function stories(): SearchableStory[] {
  const sentences = realSentences();
  const rand = random(42);
  const vocabularyRand = random(42 ^ 0x5eed);
  return Array.from({ length: count }, (_, i) => {
    const story = syntheticStory(i, sentences, rand, vocabularyRand);
    const paragraphs = i % 8 === 7 ? story.paragraphs.map(toTraditional) : story.paragraphs;
    const figures =
      i % 4 === 1
        ? [
            {
              caption: Array.from(paragraphs[0]!).slice(0, 30).join(''),
              credit: { name: '王瑞瑞', role: 'photographer' as const },
            },
          ]
        : [];
    const bylines = [
      { name: '合成稿件', role: 'reporter' as const },
      ...(i % 3 === 0 ? [{ name: '张小菊', role: 'reporter' as const }] : []),
    ];
    const html = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
    const model = storyTextModel({ kicker: story.kicker, headline: story.headline, figures, bylines }, html);
    return { head: headLines(model), body: bodyLines(model), bylines: bylineRanges(model) };
  });
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};

const input = stories();
const facetOfStory = (i: number): number => i % 37;

// One pass untimed: the hash of everything produced.
{
  const hash = createHash('sha256');
  const lexicon = new ShardLexicon(DEFAULT_RARE_LIMIT);
  input.forEach((story, i) => {
    const record = searchRecord(story, fold);
    hash.update(JSON.stringify(record));
    lexicon.add(i, facetOfStory(i), record);
  });
  hash.update(JSON.stringify(lexicon));
  console.error(`${count} stories, output sha256 ${hash.digest('hex')}`);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const steps = {
  searchRecord: [] as number[],
  lexiconAdd: [] as number[],
  lexiconJson: [] as number[],
  total: [] as number[],
};
for (let run = 0; run < runs; run++) {
  const lexicon = new ShardLexicon(DEFAULT_RARE_LIMIT);
  let recordMs = 0;
  let addMs = 0;
  const started = process.cpuUsage();
  for (let i = 0; i < input.length; i++) {
    const a = process.cpuUsage();
    const record = searchRecord(input[i]!, fold);
    recordMs += cpuMs(a);
    const b = process.cpuUsage();
    lexicon.add(i, facetOfStory(i), record);
    addMs += cpuMs(b);
  }
  const c = process.cpuUsage();
  const json = JSON.stringify(lexicon);
  const jsonMs = cpuMs(c);
  const totalMs = cpuMs(started);
  if (json.length === 0) throw new Error('empty lexicon');
  steps.searchRecord.push(recordMs / count);
  steps.lexiconAdd.push(addMs / count);
  steps.lexiconJson.push(jsonMs / count);
  steps.total.push(totalMs / count);
  console.error(`run ${run + 1}: ${(totalMs / count).toFixed(3)} CPU ms/story`);
}

console.log(
  JSON.stringify(
    {
      stories: count,
      runs,
      // Median CPU ms per story of each step, and of the whole loop (with the timing calls).
      cpuMsPerStory: Object.fromEntries(
        Object.entries(steps).map(([step, values]) => [step, Number(median(values).toFixed(3))]),
      ),
      totalRange: [Number(Math.min(...steps.total).toFixed(3)), Number(Math.max(...steps.total).toFixed(3))],
    },
    null,
    2,
  ),
);
