/**
 * The lexicon's answer (src/search/core/lexicon.ts): a term with a rare word gets its stories and
 * positions from the word's postings, with no Pagefind; a rare word beside common ones narrows the
 * stories down, and their text is checked, for at most TEXT_CHECK_LIMIT of them. A field search
 * keeps occurrences in the head (title) or looks its words up as byline words (byline).
 */
import { foldText, headText, type SearchField, type SearchResultMeta } from '../core/tokens.ts';
import { partOf, partStart } from '../core/text-parts.ts';
import type { Candidate, SearchManifest, TermLookup } from '../core/lexicon.ts';
import { fetchPart } from './excerpt-text.ts';
import { foldReadyFor } from './fold.ts';
import { bylineStarts, type Hit } from './hits.ts';
import { loadStory } from './index-files.ts';

/**
 * Stories whose text is fetched to check a term the lexicon only narrows down (a rare word beside
 * common ones). More than this, and Pagefind answers instead.
 */
export const TEXT_CHECK_LIMIT = 40;

type RareLookup = Extract<TermLookup, { kind: 'rare' }>;

/** Hits from the lexicon alone (and the text of few stories), or null when Pagefind must answer. */
export async function lexiconSearch(index: SearchManifest, terms: string[], lookups: TermLookup[], field: SearchField): Promise<Hit[] | null> {
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

/** How often `term` occurs in folded `texts`, for ranking (a one-character term counts once, as Pagefind's answer does). */
const occurrences = (term: string, texts: readonly string[]): number =>
  Array.from(term).length === 1 ? 1 : texts.reduce((n, text) => n + text.split(term).length - 1, 0);

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
    return { headHits: field === 'title' ? terms.length : 0, commonFrequency: common.reduce((n, t) => n + occurrences(t, pieces), 0) };
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
    commonFrequency: common.reduce((n, t) => n + occurrences(t, [folded]), 0),
  };
}

