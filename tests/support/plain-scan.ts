/**
 * Ground truth for search tests: what a plain scan of the story files finds, written apart from
 * the site's code (its own folding, its own reading of fields and dates).
 */
import { readStoryFiles, type StoryFile } from './stories.ts';
import { storyPath } from '../../src/lib/urls.ts';

export const stories = readStoryFiles();

const ROLE: Record<string, string> = { reporter: '', photographer: '摄', supplied: '供图' };

/** Folded as the issue defines matching: full-width ASCII to ASCII, case-insensitive, spaces as one. */
export const fold = (s: string): string =>
  s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, ' ')
    .toLowerCase()
    .trim();

/** The fold with a 繁體 → 简体 table first (the table is OpenCC's data, src/search/build/opencc.ts). */
export const foldWith =
  (table: ReadonlyMap<string, string>) =>
  (s: string): string =>
    fold(Array.from(s, (c) => table.get(c) ?? c).join(''));

type Data = StoryFile['data'] & { subhead?: string };

/** Kicker, headline and subhead: what `&in=title` searches. */
export const headOf = (s: StoryFile): string =>
  [s.data.kicker, s.data.headline, (s.data as Data).subhead].filter(Boolean).join('\n');

/** Each photo credit as printed (王瑞瑞摄, 长治高新区供图), and the bylines (one line per role): what `&in=byline` searches, piece by piece. */
export function bylinePiecesOf(s: StoryFile): string[] {
  const credits = (s.data.figures ?? []).flatMap((f) => (f.credit ? [`${f.credit.name}${ROLE[f.credit.role]}`] : []));
  const roles = new Map<string, string[]>();
  for (const b of s.data.bylines ?? []) roles.set(b.role, [...(roles.get(b.role) ?? []), b.name]);
  const bylines = [...roles.values()].map((names) => names.join(' ')).join('\n');
  return bylines ? [...credits, bylines] : credits;
}

/** All of a story's text, as printed. */
export const textOf = (s: StoryFile): string =>
  [
    headOf(s),
    ...(s.data.figures ?? []).map((f) => `${f.caption}${f.credit ? ` ■ ${f.credit.name}${ROLE[f.credit.role]}` : ''}`),
    ...s.body.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, '')),
    (s.data.bylines ?? []).map((b) => b.name).join(' '),
  ].join('\n');

/** A query's terms: separated by spaces, "…" or “…” one term; folded by `folding`. */
export function termsOf(query: string, folding: (s: string) => string = fold): string[] {
  const terms: string[] = [];
  for (const m of query.matchAll(/"([^"]*)"?|“([^”]*)”?|[^\s\u3000"“”]+/g)) {
    const t = folding(m[1] ?? m[2] ?? m[0]);
    if (t && !terms.includes(t)) terms.push(t);
  }
  return terms;
}

export type Field = 'all' | 'title' | 'byline';

/** Whether story `s` holds every term of `query` in `field` (a byline term inside one byline or credit). */
export function holds(s: StoryFile, query: string, field: Field = 'all'): boolean {
  const pieces = field === 'title' ? [headOf(s)] : field === 'byline' ? bylinePiecesOf(s) : [textOf(s)];
  const folded = pieces.map(fold);
  return termsOf(query).every((t) => folded.some((piece) => piece.includes(t)));
}

/** A story's date as its file gives it: YYYY-MM-DD, or YYYY-MM when dated only to the month. */
const dateOfStory = (s: StoryFile): string => {
  const day = s.data.date.toISOString().slice(0, 10);
  return s.data.datePrecision === 'month' ? day.slice(0, 7) : day;
};

/** The days a bound covers: [first, last], YYYY-MM-DD. */
function days(bound: string): [string, string] {
  const [y, m, d] = bound.split('-').map(Number) as [number, number?, number?];
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  const first = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
  const last = d ? first : m ? new Date(Date.UTC(y, m, 0)) : new Date(Date.UTC(y, 11, 31));
  return [iso(first), iso(last)];
}

/** Where story `s` stands against a range of bounds ('' open): inside, outside, or left out (dated only to a month the range cuts). */
export function placeInRange(s: StoryFile, from: string, to: string): 'inside' | 'outside' | 'left out' {
  const [start, end] = days(dateOfStory(s));
  const lo = from ? days(from)[0] : '0000-01-01';
  const hi = to ? days(to)[1] : '9999-12-31';
  if (lo <= start && end <= hi) return 'inside';
  return s.data.datePrecision === 'month' && lo <= end && start <= hi ? 'left out' : 'outside';
}

/** Paths of the stories holding `query` in `field` inside the range. */
export const plainScan = (query: string, field: Field = 'all', from = '', to = ''): string[] =>
  stories
    .filter((s) => holds(s, query, field) && placeInRange(s, from, to) === 'inside')
    .map((s) => storyPath(s.data.slug));
