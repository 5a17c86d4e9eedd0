/**
 * Carries out the plans the lexicon answers (./planner.ts): `postings` from the postings alone,
 * `text-check` reading the text of the few candidates that need it. A field search reads only the
 * field's text.
 */
import { FIELDS, type SearchField } from '../core/fields.ts';
import type { Fold } from '../core/fold.ts';
import type { SearchManifest } from '../core/lexicon.ts';
import { occurrencesOf, rankKeys, type TermFacts } from '../core/ranking.ts';
import { headText, type SearchResultMeta } from '../core/result.ts';
import { partOf, partStart } from '../core/text-parts.ts';
import { bylineStarts, type Hit } from './hits.ts';
import type { IndexFiles } from './index-files.ts';
import type { Plan } from './planner.ts';

type LexiconPlan = Extract<Plan, { kind: 'postings' | 'text-check' }>;

const length = (term: string) => Array.from(term).length;

/** The hits of a plan the lexicon answers. */
export async function lexiconHits(
  files: IndexFiles,
  index: SearchManifest,
  plan: LexiconPlan,
  field: SearchField,
): Promise<Hit[]> {
  const hits = await Promise.all(
    plan.stories.map(async (story): Promise<Hit | null> => {
      const found = plan.terms.map((r) => r.candidates.get(story)!);
      let facts: TermFacts[] = found.map((c, i) => ({
        inHead: c.starts.some((s) => s + length(plan.terms[i]!.term) <= c.headLength),
        occurrences: occurrencesOf(plan.terms[i]!.term, c.starts.length),
      }));
      if (plan.kind === 'text-check' && plan.check.has(story)) {
        const { content, meta } = await files.story(index, story);
        const fold = await files.foldForStory(index, meta);
        const read = (part: number) => files.textPart(meta.textId, part);
        const earliest = plan.common.length ? 0 : Math.min(...found.map((c) => c.starts[0]!));
        const checked = await checkText(
          meta,
          content,
          read,
          fold,
          [...plan.terms.map((r) => r.term), ...plan.common],
          earliest,
          field,
        );
        if (!checked) return null;
        // Rare terms keep the postings' counts; whether a term is in the head, and common terms' counts, come from the text.
        facts = checked.map((fact, i) => (i < facts.length ? { ...fact, occurrences: facts[i]!.occurrences } : fact));
      }
      const first = found[0]!;
      const places = index.places.length;
      const starts = found.flatMap((c) => c.starts).sort((a, b) => a - b);
      return {
        id: `s${story}`,
        story,
        ...rankKeys(facts, index.stories - story),
        section: index.sections[Math.floor(first.facet / places)],
        place: index.places[first.facet % places],
        async data() {
          const { content, meta } = await files.story(index, story);
          const fold = await files.foldForStory(index, meta);
          // Lexicon positions to index positions (src/search/core/record.ts SearchRecord).
          const indexStarts = starts.map((p) => p - meta.bodyStart + meta.bodyPosition);
          return {
            content,
            meta,
            fold,
            textPart: (part) => files.textPart(meta.textId, part),
            starts: FIELDS[field].within === 'bylines' && indexStarts.length === 0 ? bylineStarts(meta) : indexStarts,
          };
        },
      };
    }),
  );
  return hits.filter((hit): hit is Hit => hit !== null);
}

/**
 * The text of a story that a field search looks in, each piece on its own (a term matches inside
 * one piece): the head for a title search; each byline and credit for a byline search, read from
 * the parts that hold them.
 */
async function fieldTexts(
  meta: SearchResultMeta,
  content: string,
  read: (part: number) => Promise<string>,
  field: SearchField,
): Promise<string[]> {
  if (FIELDS[field].within === 'head') return [headText(meta)];
  if (meta.bylines.length === 0) return [];
  const first = partOf(meta.bylines[0]![0]);
  const last = partOf(meta.bylines.at(-1)![1] - 1);
  let text = first === 0 ? content : '';
  for (let part = Math.max(1, first); part <= last; part++) text += await read(part);
  const offset = partStart(first);
  const chars = Array.from(text);
  return meta.bylines.map(([start, end]) => chars.slice(start - offset, end - offset).join(''));
}

/** How often `term` occurs in folded `texts`. */
const occurrences = (term: string, texts: readonly string[]): number =>
  occurrencesOf(
    term,
    texts.reduce((n, text) => n + text.split(term).length - 1, 0),
  );

/**
 * What a story's text says of every term, or null when it lacks one: read from the part where the
 * earliest candidate position (`earliest`, in the lexicon's positions) can be (a folded position
 * is never after the text's own), reading on until every term is found or the text ends.
 */
async function checkText(
  meta: SearchResultMeta,
  content: string,
  read: (part: number) => Promise<string>,
  fold: Fold,
  terms: string[],
  earliest: number,
  field: SearchField,
): Promise<TermFacts[] | null> {
  if (FIELDS[field].within !== 'text') {
    const pieces = (await fieldTexts(meta, content, read, field)).map(fold.text);
    if (!terms.every((t) => pieces.some((piece) => piece.includes(t)))) return null;
    const inHead = FIELDS[field].within === 'head';
    return terms.map((t) => ({ inHead, occurrences: occurrences(t, pieces) }));
  }
  const fromPart = earliest < meta.bodyStart ? 0 : partOf(earliest - meta.bodyStart);
  let text = fromPart === 0 ? `${headText(meta)}\n${content}` : '';
  let part = fromPart === 0 ? 0 : fromPart - 1;
  const missing = () => {
    const folded = fold.text(text);
    return terms.some((t) => !folded.includes(t));
  };
  while (missing() && part < meta.parts) text += await read(++part);
  if (missing()) return null;
  const head = fold.text(headText(meta));
  const folded = fold.text(text);
  return terms.map((t) => ({ inHead: head.includes(t), occurrences: occurrences(t, [folded]) }));
}
