/**
 * The queries of `npm run bench:scale`, picked from the generated archive by their true story
 * counts: a plain scan of the story files (kicker, headline, body and byline: what the index
 * holds), never the search under test. Rare terms (1–20 stories: a three-character name, one whose
 * characters are each common, an organisation, a number, and one more for the search typed later
 * on the same page), medium ones (hundreds), the common ones the bench always had, a multi-term
 * query and one that finds nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WrittenStory } from './synthetic.ts';

/** At most this many stories: a rare term. */
const RARE_MAX = 20;
/** The range of a medium term ("hundreds"), below COMMON_SHARE of the archive. */
const MEDIUM_MIN = 100;
const MEDIUM_MAX = 999;
/** At least this share of the stories: a common term. */
const COMMON_SHARE = 0.2;

/** The common queries of every run (from the real stories' sentences), the multi-term one, and candidates for none. */
export const COMMON_QUERIES = ['营商环境', '高新区', '15万吨', '一件事一次办'];
export const MULTI_TERM_QUERY = '招商 项目';
export const ZERO_CANDIDATES = ['上海', '量子通信', '火星基地', '深海探测器'];

export type QueryKind = 'rare' | 'medium' | 'common';

/** What a count makes a query: rare (≤ 20 stories, none included), common (≥ 20% of the stories), or medium. */
export function queryKind(count: number, stories: number): QueryKind {
  if (count <= RARE_MAX) return 'rare';
  return count >= stories * COMMON_SHARE ? 'common' : 'medium';
}

/** The terms of a query, as the search page splits them (spaces). */
const queryTerms = (query: string): string[] => query.split(/\s+/).filter(Boolean);

/** The text a story's search record holds, from its Markdown file: kicker, headline, body paragraphs, bylines. */
export function searchableText(markdown: string): string {
  const [, frontmatter = '', body = ''] = markdown.split(/^---$/m);
  const field = (name: string): string => new RegExp(`^${name}: (.*)$`, 'm').exec(frontmatter)?.[1] ?? '';
  const names = [...frontmatter.matchAll(/^ {2}- name: (.*)$/gm)].map((m) => m[1]!);
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return [field('kicker'), field('headline'), ...paragraphs, ...names].join('\n');
}

/** How many stories of `dir` hold every term of each query: one pass over the files. */
export function countStories(dir: string, queries: readonly string[]): Map<string, number> {
  const counts = new Map(queries.map((q) => [q, 0]));
  const parsed = queries.map((q) => [q, queryTerms(q)] as const);
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.md')) continue;
    const text = searchableText(readFileSync(join(dir, name), 'utf8'));
    for (const [query, terms] of parsed)
      if (terms.every((t) => text.includes(t))) counts.set(query, counts.get(query)! + 1);
  }
  return counts;
}

/** Share of stories holding each character, over about `sample` stories spread evenly through `dir`. */
export function characterShares(dir: string, sample = 1000): Map<string, number> {
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort();
  const step = Math.max(1, Math.floor(files.length / sample));
  const seen = new Map<string, number>();
  let stories = 0;
  for (let i = 0; i < files.length; i += step) {
    stories++;
    for (const ch of new Set(searchableText(readFileSync(join(dir, files[i]!), 'utf8'))))
      seen.set(ch, (seen.get(ch) ?? 0) + 1);
  }
  return new Map([...seen].map(([ch, n]) => [ch, n / stories]));
}

/** The share of stories holding the term's least common character (0 for a character never seen). */
export const leastCharacterShare = (term: string, shares: ReadonlyMap<string, number>): number =>
  Math.min(...Array.from(term).map((ch) => shares.get(ch) ?? 0));

/** Stories per vocabulary item, from what the generator inserted (a substring may occur elsewhere too: the scan decides). */
export function tallyItems(stories: readonly WrittenStory[]): Map<string, number> {
  const tally = new Map<string, number>();
  for (const story of stories) for (const item of story.items) tally.set(item, (tally.get(item) ?? 0) + 1);
  return tally;
}

export type TermShape = 'name' | 'organisation' | 'number' | 'place' | 'other';

/** What a vocabulary item is, from its form (scripts/bench/vocabulary.ts). */
export function termShape(term: string): TermShape {
  if (/[村镇乡]$/.test(term)) return 'place';
  if (/(公司|研究院|合作社|集团)$/.test(term)) return 'organisation';
  if (/^[\d,.]+(亿元|万元|吨)$|^\d{4}年\d{1,2}月\d{1,2}日$/.test(term)) return 'number';
  if (/^\p{Script=Han}{2,3}$/u.test(term)) return 'name';
  return 'other';
}

/** Deterministic order: closest (in log scale) to `target` first, then by term. */
const byCloseness =
  (target: number) =>
  (a: [string, number], b: [string, number]): number =>
    Math.abs(Math.log(a[1] / target)) - Math.abs(Math.log(b[1] / target)) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

const CANDIDATES_PER_ROLE = 6;
/** Three or more Chinese characters: a term of common characters is a name, place or organisation, not a date of digits. */
const HAN_TERM = /^\p{Script=Han}{3,}$/u;

/**
 * Terms worth scanning, from the generator's tally (cheap): for each rare role and for medium
 * terms a few items whose tally fits, so that the scan that decides stays short.
 */
export function candidateTerms(
  tally: ReadonlyMap<string, number>,
  shares: ReadonlyMap<string, number>,
  stories: number,
): string[] {
  const entries = [...tally];
  const rare = entries.filter(([, n]) => n >= 2 && n <= RARE_MAX / 2);
  const take = (list: [string, number][], target: number, n = CANDIDATES_PER_ROLE): string[] =>
    list
      .sort(byCloseness(target))
      .slice(0, n)
      .map(([t]) => t);
  const mediumTop = Math.min(MEDIUM_MAX, Math.ceil(stories * COMMON_SHARE) - 1);
  const medium = entries.filter(([, n]) => n >= MEDIUM_MIN && n <= mediumTop);
  const commonChars = [...rare]
    .filter(([t]) => HAN_TERM.test(t))
    .sort((a, b) => leastCharacterShare(b[0], shares) - leastCharacterShare(a[0], shares) || (a[0] < b[0] ? -1 : 1))
    .slice(0, CANDIDATES_PER_ROLE)
    .map(([t]) => t);
  return [
    ...new Set([
      ...take(
        rare.filter(([t]) => termShape(t) === 'name' && Array.from(t).length === 3),
        5,
      ),
      ...commonChars,
      ...take(
        rare.filter(([t]) => termShape(t) === 'organisation'),
        5,
      ),
      ...take(
        rare.filter(([t]) => termShape(t) === 'number'),
        5,
      ),
      ...take(
        rare.filter(([t]) => termShape(t) === 'place'),
        5,
      ),
      // Medium terms closest to the middle of the range, or to the range when none fits.
      ...take(
        medium.length ? medium : entries.filter(([, n]) => n > RARE_MAX),
        Math.sqrt(MEDIUM_MIN * mediumTop),
        2 * CANDIDATES_PER_ROLE,
      ),
    ]),
  ];
}

export interface PickedQuery {
  query: string;
  /** Why it is in the bench: e.g. "rare name", "medium", "common", "multi-term", "no hits". */
  role: string;
  /** Stories holding every term (plain scan). */
  count: number;
  kind: QueryKind;
}

export interface Picked {
  /** Searched each on a fresh page. */
  fresh: PickedQuery[];
  /** Typed on the page of the first fresh query after it finished (a rare term not searched before). */
  later: PickedQuery;
}

/**
 * The bench's queries from scanned counts: rare (a three-character name, a term whose characters
 * are each the most common, an organisation, a number; a place for the later search), two medium
 * terms of different shapes, the common queries, the multi-term one and one with no hits.
 * Throws when the archive holds no term for a role.
 */
export function pickQueries(
  counts: ReadonlyMap<string, number>,
  shares: ReadonlyMap<string, number>,
  stories: number,
): Picked {
  const used = new Set<string>();
  const entry = (query: string, role: string): PickedQuery => {
    used.add(query);
    const count = counts.get(query);
    if (count === undefined) throw new Error(`no count for ${query}`);
    return { query, role, count, kind: queryKind(count, stories) };
  };
  const fixed = new Set([...COMMON_QUERIES, MULTI_TERM_QUERY, ...ZERO_CANDIDATES]);
  const vocabulary = [...counts].filter(([t]) => !fixed.has(t) && termShape(t) !== 'other');
  const rare = (): [string, number][] => vocabulary.filter(([t, n]) => !used.has(t) && n >= 1 && n <= RARE_MAX);
  const first = (list: [string, number][], role: string): PickedQuery => {
    const found = list.sort(byCloseness(5))[0];
    if (!found) throw new Error(`no term for the role "${role}" in ${stories} stories`);
    return entry(found[0], role);
  };
  const name = first(
    rare().filter(([t]) => termShape(t) === 'name' && Array.from(t).length === 3),
    'rare name',
  );
  const commonCharsTerm = [...rare()]
    .filter(([t]) => HAN_TERM.test(t))
    .sort((a, b) => leastCharacterShare(b[0], shares) - leastCharacterShare(a[0], shares) || byCloseness(5)(a, b))[0];
  if (!commonCharsTerm) throw new Error(`no rare term of common characters in ${stories} stories`);
  const commonChars = entry(
    commonCharsTerm[0],
    `rare, every character in ≥ ${Math.floor(leastCharacterShare(commonCharsTerm[0], shares) * 100)}% of stories`,
  );
  const organisation = first(
    rare().filter(([t]) => termShape(t) === 'organisation'),
    'rare organisation',
  );
  const number = first(
    rare().filter(([t]) => termShape(t) === 'number'),
    'rare number',
  );
  const later = first(
    rare().filter(([t]) => termShape(t) === 'place'),
    'rare place, typed later on the same page',
  );

  const mediumTop = Math.min(MEDIUM_MAX, Math.ceil(stories * COMMON_SHARE) - 1);
  const mediumList = vocabulary
    .filter(([t, n]) => !used.has(t) && n > RARE_MAX)
    .sort((a, b) => {
      const inA = a[1] >= MEDIUM_MIN && a[1] <= mediumTop ? 0 : 1;
      const inB = b[1] >= MEDIUM_MIN && b[1] <= mediumTop ? 0 : 1;
      return inA - inB || byCloseness(Math.sqrt(MEDIUM_MIN * mediumTop))(a, b);
    });
  const medium: PickedQuery[] = [];
  for (const [term] of mediumList) {
    if (medium.length === 2) break;
    if (medium.some((m) => termShape(m.query) === termShape(term))) continue;
    medium.push(entry(term, 'medium'));
  }
  if (medium.length < 2) throw new Error(`fewer than two medium terms in ${stories} stories`);

  const zero = ZERO_CANDIDATES.find((q) => counts.get(q) === 0);
  if (!zero) throw new Error('every no-hit candidate occurs in the archive');
  return {
    // The first is a common term: the later search is typed on its page, after a search everybody makes.
    fresh: [
      ...COMMON_QUERIES.map((q) => entry(q, 'common')),
      name,
      commonChars,
      organisation,
      number,
      ...medium,
      entry(MULTI_TERM_QUERY, 'multi-term'),
      entry(zero, 'no hits'),
    ],
    later,
  };
}
