/**
 * Exact search over the whole archive, in the browser. Each term is first looked up in the
 * lexicon (src/search/core/lexicon.ts): a word in no story ends the search at once; a rare word
 * gives the term's stories and positions without Pagefind, so a search for a name costs its few
 * buckets and results, whatever the size of the archive. Terms made only of common words go to
 * Pagefind, shard by shard, newest first; partial results are reported as shards open, and the
 * final ranking and count cover every shard. The 繁體 = 简体 fold table is loaded only for a query
 * or a result text that needs it (./fold.ts).
 */
import { byNewest, byRelevance, foldText, hasFoldTable, headText, parseQuery, runStarts, TEXT_START, termQuery, type RankKeys, type SearchField, type SearchResultMeta } from '../core/tokens.ts';
import { partOf, partStart } from '../core/text-parts.ts';
import { cutsMonth, dateOf, inRange, type DateRange } from '../core/date-range.ts';
import { fetchPart } from './excerpt-text.ts';
import { lookupTerm, termWords, type Candidate, type SearchManifest, type TermLookup } from '../core/lexicon.ts';
import { loadBuckets, loadDates, loadFacets, loadManifest, loadStory } from './index-files.ts';
import { loadPagefind, type PagefindResult, type ShardedPagefind } from './pagefind.ts';
import { foldReadyFor, loadFoldTable } from './fold.ts';

export type Sort = 'relevance' | 'newest';

/** How to search: the order, where in a story the terms must stand, and the dates (null: any). */
export interface SearchOptions {
  sort: Sort;
  field: SearchField;
  range: DateRange | null;
}

export interface ResultData {
  /** The opening of the text (part 0). */
  content: string;
  meta: SearchResultMeta;
  /** Index positions where the terms occur (src/search/core/text-parts.ts startPart), or undefined. */
  starts: number[] | undefined;
}

export interface Hit extends RankKeys {
  id: string;
  /** The story's number in the archive's order (newest first, from 0). */
  story: number;
  section: string | undefined;
  place: string | undefined;
  data(): Promise<ResultData>;
}

export interface SearchOutcome {
  terms: string[];
  /** Every story searched so far containing every term (in the field, in the date range), in the order asked for, before filters. */
  hits: Hit[];
  /** Stories dated only to a month that the date range cuts, left out of `hits` though they hold the terms: their months (YYYY-MM), one entry a story. */
  leftOut: string[];
  /** Stories searched so far, and in the archive. */
  searched: number;
  total: number;
  /** The search covered the whole archive: the count is final (the order once the search returns). */
  complete: boolean;
}

/**
 * Stories whose text is fetched to check a term the lexicon only narrows down (a rare word beside
 * common ones). More than this, and Pagefind answers instead.
 */
export const TEXT_CHECK_LIMIT = 40;

/** Starts loading the manifest ahead of the first search (e.g. when the reader starts typing). */
export function preload(): void {
  void loadManifest().catch(() => {});
}

/**
 * Every story containing every term of `query`. `progress` receives earlier outcomes while
 * Pagefind searches (never for a search the lexicon answers): the newest shard's, then the whole
 * archive's count before its final ranking. Never run two at once
 * (callers queue).
 */
export async function search(query: string, options: SearchOptions, progress?: (outcome: SearchOutcome) => Promise<void> | void): Promise<SearchOutcome> {
  const { sort, field, range } = options;
  const terms = parseQuery(query);
  const index = await loadManifest();
  const dates = range ? loadDates(index) : undefined;
  // Hits outside the date range leave; month-only stories whose month the range cuts are counted.
  const within = async (hits: Hit[]): Promise<Pick<SearchOutcome, 'hits' | 'leftOut'>> => {
    if (!range || !dates) return { hits, leftOut: [] };
    const runs = await dates;
    const leftOut: string[] = [];
    const kept = hits.filter((hit) => {
      const date = dateOf(runs, hit.story);
      if (cutsMonth(date, range)) leftOut.push(date);
      return inRange(date, range);
    });
    return { hits: kept, leftOut: leftOut.sort().reverse() };
  };
  const finish = async (found: Hit[]): Promise<SearchOutcome> => {
    const { hits, leftOut } = await within(found);
    return { terms, hits: hits.sort(sort === 'newest' ? byNewest : byRelevance), leftOut, searched: index.stories, total: index.stories, complete: true };
  };
  if (terms.length === 0) return finish([]);
  const bucketFor = await loadBuckets(index, terms.flatMap((term) => termWords(term, field)));
  const lookups = terms.map((term) => lookupTerm(term, bucketFor, field));
  if (lookups.some((l) => l.kind === 'none')) {
    // A Traditional character is in no bucket (the index is folded): with the fold table, the
    // query may be another (./fold.ts). Only then is the table fetched.
    if (!hasFoldTable()) {
      await loadFoldTable(index);
      if (parseQuery(query).join('\n') !== terms.join('\n')) return search(query, options, progress);
    }
    return finish([]);
  }
  const fromLexicon = await lexiconSearch(index, terms, lookups, field);
  if (fromLexicon) return finish(fromLexicon);
  return pagefindSearch(index, terms, options, within, progress);
}

/** What a field's hit starts from, for the excerpt: a byline search Pagefind answered knows no positions, so its bylines. */
const bylineStarts = (meta: SearchResultMeta): number[] => meta.bylines.map(([start]) => meta.bodyPosition + start);

// ---- the lexicon's answer ------------------------------------------------------------------

type RareLookup = Extract<TermLookup, { kind: 'rare' }>;

/** Hits from the lexicon alone (and the text of few stories), or null when Pagefind must answer. */
async function lexiconSearch(index: SearchManifest, terms: string[], lookups: TermLookup[], field: SearchField): Promise<Hit[] | null> {
  const rare = lookups.flatMap((l, i) => (l.kind === 'rare' ? [{ term: terms[i]!, lookup: inField(l as RareLookup, terms[i]!, field) }] : []));
  if (rare.length === 0) return null;
  rare.sort((a, b) => a.lookup.stories.size - b.lookup.stories.size);
  const common = terms.filter((_, i) => lookups[i]!.kind === 'common');
  const candidates = [...rare[0]!.lookup.stories.keys()].filter((story) => rare.every((r) => r.lookup.stories.has(story)));
  const needsText = (story: number) => common.length > 0 || rare.some((r) => !r.lookup.stories.get(story)!.verified);
  if (candidates.filter(needsText).length > TEXT_CHECK_LIMIT) return null;
  const hits = await Promise.all(
    candidates.map(async (story): Promise<Hit | null> => {
      const found = rare.map((r) => r.lookup.stories.get(story)!);
      const first = found[0]!;
      const length = (term: string) => Array.from(term).length;
      // A one-character term counts once a story (as Pagefind's answer does).
      let frequency = found.reduce((n, c, i) => n + (length(rare[i]!.term) === 1 ? 1 : c.starts.length), 0);
      let headHits = found.filter((c, i) => c.starts.some((s) => s + length(rare[i]!.term) <= c.headLength)).length;
      if (needsText(story)) {
        const checked = await checkText(index, story, rare.map((r) => r.term), common, found, field);
        if (!checked) return null;
        headHits = checked.headHits;
        frequency += checked.commonFrequency;
      }
      const places = index.places.length;
      const starts = found.flatMap((c) => c.starts).sort((a, b) => a - b);
      return {
        id: `s${story}`,
        story,
        headHits,
        frequency,
        recency: index.stories - story,
        section: index.sections[Math.floor(first.facet / places)],
        place: index.places[first.facet % places],
        async data() {
          const { content, meta } = await loadStory(index, story);
          await foldReadyFor(index, meta);
          // Lexicon positions to index positions (src/search/core/tokens.ts SearchRecord).
          const indexStarts = starts.map((p) => p - meta.bodyStart + meta.bodyPosition);
          return { content, meta, starts: field === 'byline' && indexStarts.length === 0 ? bylineStarts(meta) : indexStarts };
        },
      };
    }),
  );
  return hits.filter((hit): hit is Hit => hit !== null);
}

/**
 * A rare term's candidates limited to kicker, headline and subhead for a title search: an exact
 * occurrence counts when it ends inside the head; an unverified candidate stays, for checkText.
 * (A byline search looked its words up as byline words already.)
 */
function inField(lookup: RareLookup, term: string, field: SearchField): RareLookup {
  if (field !== 'title') return lookup;
  const length = Array.from(term).length;
  const stories = new Map<number, Candidate>();
  for (const [story, candidate] of lookup.stories) {
    const starts = candidate.verified ? candidate.starts.filter((s) => s + length <= candidate.headLength) : candidate.starts;
    if (starts.length) stories.set(story, { ...candidate, starts });
  }
  return { kind: 'rare', stories };
}

/**
 * The text of story `story` that a field search looks in, each piece on its own (a term matches
 * inside one piece): the head for a title search; each byline and credit for a byline search,
 * read from the parts that hold them.
 */
async function fieldTexts(meta: SearchResultMeta, content: string, field: 'title' | 'byline'): Promise<string[]> {
  if (field === 'title') return [headText(meta)];
  if (meta.bylines.length === 0) return [];
  const first = partOf(meta.bylines[0]![0]);
  const last = partOf(meta.bylines.at(-1)![1] - 1);
  let text = first === 0 ? content : '';
  for (let part = Math.max(1, first); part <= last; part++) text += await fetchPart(meta.textId, part);
  const offset = partStart(first);
  const chars = Array.from(text);
  return meta.bylines.map(([start, end]) => chars.slice(start - offset, end - offset).join(''));
}

/**
 * Whether story `story` holds every term, read from its text: from the part where the earliest
 * candidate position of the rare terms could be (a folded position is never after the text's
 * own), or from the start when there are common terms too. Reads on until every term is found
 * or the text ends. Occurrences of the common terms in what was read count for ranking.
 */
async function checkText(
  index: SearchManifest,
  story: number,
  rare: string[],
  common: string[],
  candidates: Candidate[],
  field: SearchField,
): Promise<{ headHits: number; commonFrequency: number } | null> {
  const { content, meta } = await loadStory(index, story);
  await foldReadyFor(index, meta);
  const terms = [...rare, ...common];
  if (field !== 'all') {
    const pieces = (await fieldTexts(meta, content, field)).map(foldText);
    if (!terms.every((t) => pieces.some((piece) => piece.includes(t)))) return null;
    const count = (t: string) => (Array.from(t).length === 1 ? 1 : pieces.reduce((n, piece) => n + piece.split(t).length - 1, 0));
    return { headHits: field === 'title' ? terms.length : 0, commonFrequency: common.reduce((n, t) => n + count(t), 0) };
  }
  const earliest = common.length ? 0 : Math.min(...candidates.map((c) => c.starts[0]!));
  const fromPart = earliest < meta.bodyStart ? 0 : partOf(earliest - meta.bodyStart);
  let text = fromPart === 0 ? `${headText(meta)}\n${content}` : '';
  let part = fromPart === 0 ? 0 : fromPart - 1;
  const missing = () => {
    const folded = foldText(text);
    return terms.some((t) => !folded.includes(t));
  };
  while (missing() && part < meta.parts) text += await fetchPart(meta.textId, ++part);
  if (missing()) return null;
  const head = foldText(headText(meta));
  const folded = foldText(text);
  return {
    headHits: terms.filter((t) => head.includes(t)).length,
    commonFrequency: common.reduce((n, t) => n + (Array.from(t).length === 1 ? 1 : folded.split(t).length - 1), 0),
  };
}

// ---- Pagefind's answer ---------------------------------------------------------------------

interface TermHit {
  result: PagefindResult;
  head: boolean;
  frequency: number;
  starts: number[] | undefined;
}

/** One term over the open shards: the stories containing it exactly (phrase only: head hits, no counts yet). */
async function phraseTerm(pagefind: ShardedPagefind, term: string, field: SearchField): Promise<Map<string, TermHit>> {
  const q = termQuery(term, field);
  const hits = new Map<string, TermHit>();
  // A phrase result carries the positions of its first occurrence; kicker and headline come first,
  // so a term in the head is found there (a title search keeps only those).
  for (const result of await pagefind.phrase(q.query)) {
    const head = result.words.some((p) => p < q.headLimit);
    if (head || field !== 'title') hits.set(result.id, { result, head, frequency: 1, starts: undefined });
  }
  return hits;
}

/**
 * Where and how often a term occurs in its stories: a plain search of the same words (same index
 * chunks, nothing more to download) returns every position; runs of consecutive positions are
 * occurrences. (A one-character term counts once a story.)
 */
async function countTerm(pagefind: ShardedPagefind, term: string, hits: Map<string, TermHit>, field: SearchField): Promise<void> {
  const q = termQuery(term, field);
  if (q.kind !== 'phrase') return;
  for (const result of await pagefind.words(q.words)) {
    const hit = hits.get(result.id);
    if (!hit) continue;
    const starts = runStarts(result.words.filter((p) => p >= TEXT_START), q.words.length);
    hit.frequency = Math.max(1, starts.length);
    // Byline words stand in a copy after the text: their positions are no place in it.
    if (field !== 'byline') hit.starts = starts;
  }
}

/** Each term's hits over the open shards, or null when a term has none. */
async function phraseAll(pagefind: ShardedPagefind, terms: string[], field: SearchField): Promise<Map<string, TermHit>[] | null> {
  const perTerm: Map<string, TermHit>[] = [];
  for (const term of terms) {
    const found = await phraseTerm(pagefind, term, field);
    if (found.size === 0) return null;
    perTerm.push(found);
  }
  return perTerm;
}

/** The stories holding every term, from each term's hits (counted or not). */
async function hitsOf(pagefind: ShardedPagefind, index: SearchManifest, perTerm: Map<string, TermHit>[], field: SearchField): Promise<Hit[]> {
  const smallest = [...perTerm].sort((a, b) => a.size - b.size)[0]!;
  // Each story's section and place, from the index's own list per shard (not Pagefind's filters:
  // one small file a shard instead of a search per filter value).
  const facets = await Promise.all(index.shards.slice(0, pagefind.opened).map((_, shard) => loadFacets(index, shard)));
  const places = index.places.length;
  const hits: Hit[] = [];
  for (const [id, first] of smallest) {
    const all = perTerm.map((found) => found.get(id));
    if (all.some((hit) => !hit)) continue;
    const { shard, place: inShard, story } = pagefind.locate(first.result);
    const facet = facets[shard]![inShard]!;
    const termStarts = all.every((hit) => hit!.starts) ? all.flatMap((hit) => hit!.starts!).sort((a, b) => a - b) : undefined;
    hits.push({
      id: `s${story}`,
      story,
      headHits: all.filter((hit) => hit!.head).length,
      frequency: all.reduce((sum, hit) => sum + hit!.frequency, 0),
      recency: index.stories - story,
      section: index.sections[Math.floor(facet / places)],
      place: index.places[facet % places],
      async data() {
        const { content, meta } = await first.result.data();
        await foldReadyFor(index, meta);
        return { content, meta, starts: field === 'byline' ? bylineStarts(meta) : termStarts };
      },
    });
  }
  return hits;
}

/**
 * The terms over every shard: the newest first, counted and ranked, shown at once; then all of
 * them: the exact count as soon as Pagefind has matched the phrases (ranked by head hits and date
 * meanwhile), and the final ranking once occurrences are counted (not needed to sort by date).
 * (Each step searches every open shard again, so more steps would cost more than they show.)
 */
async function pagefindSearch(
  index: SearchManifest,
  terms: string[],
  { sort, field }: SearchOptions,
  within: (hits: Hit[]) => Promise<Pick<SearchOutcome, 'hits' | 'leftOut'>>,
  progress?: (outcome: SearchOutcome) => Promise<void> | void,
): Promise<SearchOutcome> {
  const pagefind = await loadPagefind(index.shards);
  const order = sort === 'newest' ? byNewest : byRelevance;
  const outcome = async (perTerm: Map<string, TermHit>[] | null): Promise<SearchOutcome> => {
    const { hits, leftOut } = await within(perTerm ? await hitsOf(pagefind, index, perTerm, field) : []);
    // Shards opened by an earlier search stay open and are searched too.
    const searched = index.shards.slice(0, pagefind.opened).reduce((n, s) => n + s.stories, 0);
    return { terms, hits: hits.sort(order), leftOut, searched, total: index.stories, complete: pagefind.opened >= index.shards.length };
  };
  await pagefind.open(1);
  if (pagefind.opened < index.shards.length) {
    const newest = await phraseAll(pagefind, terms, field);
    if (newest) for (const [i, term] of terms.entries()) await countTerm(pagefind, term, newest[i]!, field);
    await progress?.(await outcome(newest));
    await pagefind.open(index.shards.length);
  }
  const perTerm = await phraseAll(pagefind, terms, field);
  if (!perTerm || sort === 'newest') return outcome(perTerm);
  await progress?.(await outcome(perTerm));
  for (const [i, term] of terms.entries()) await countTerm(pagefind, term, perTerm[i]!, field);
  return outcome(perTerm);
}
