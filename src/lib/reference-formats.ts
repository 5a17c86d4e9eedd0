/**
 * One story as a reference manager imports it: RIS (Zotero, EndNote, NoteExpress), BibTeX
 * (biblatex's newspaper article: @article with entrysubtype newspaper) and CSL-JSON
 * (article-newspaper). (No COinS span: its percent-encoded Chinese cost about 300 bytes gzip a
 * page, past the weight budget, and the head metadata already gives Zotero the same.) Every format says the
 * same and nothing more than the page: names whole as printed (a Chinese name is never split into
 * family and given name), a month-only date without a day, no page or 版次, and the archive's
 * derived values named in a note.
 */
import { isoDate, type DatePrecision } from './dates.ts';
import { isPerson, type Credit } from './credits.ts';

export interface ReferenceInput {
  /** The story's slug: BibTeX key and CSL id. */
  slug: string;
  /** Authors in printed order (src/lib/credits.ts storyAuthors). */
  authors: readonly Credit[];
  headline: string;
  subhead?: string | undefined;
  newspaper: string;
  date: Date;
  precision: DatePrecision;
  /** Section as readers see it (开发区). */
  section: string;
  /** The story's permanent address. */
  url: string;
  /** What of this record the archive derived, in plain words, one item each; may be empty. */
  notes: readonly string[];
}

const LANGUAGE = 'zh-CN';

const dateParts = (input: ReferenceInput): number[] => {
  const parts = [input.date.getUTCFullYear(), input.date.getUTCMonth() + 1];
  return input.precision === 'day' ? [...parts, input.date.getUTCDate()] : parts;
};

const noteText = (input: ReferenceInput): string => input.notes.join('；');

/** RIS tags in the order Zotero writes them; one value a line, `ER` ends the record. */
export function risRecord(input: ReferenceInput): string {
  const [year, month, day] = dateParts(input);
  const pad = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
  const lines: [string, string][] = [
    ['TY', 'NEWS'],
    ['TI', input.subhead ? `${input.headline}：${input.subhead}` : input.headline],
    ...input.authors.map((credit): [string, string] => ['AU', credit.name]),
    ['T2', input.newspaper],
    // RIS dates are YYYY/MM/DD/other; a part the page does not give stays empty.
    ['DA', `${year}/${pad(month)}/${pad(day)}/`],
    ['PY', String(year)],
    ['SE', input.section],
    ['LA', LANGUAGE],
    ['UR', input.url],
    ...(input.notes.length > 0 ? [['N1', noteText(input)] as [string, string]] : []),
    ['ER', ''],
  ];
  // "TAG  - value": two spaces, a hyphen, a space (the separator RIS readers look for).
  return lines.map(([tag, value]) => `${tag}  - ${value}`).join('\r\n') + '\r\n';
}

/** A BibTeX value in braces, with the characters BibTeX treats specially escaped. */
function bibtexValue(text: string): string {
  return `{${text
    .replace(/[\\{}]/g, (c) => (c === '\\' ? '\\textbackslash{}' : `\\${c}`))
    .replace(/[&%$#_]/g, (c) => `\\${c}`)
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}')}}`;
}

/**
 * A person's name is one word to BibTeX (no space inside), so it stays whole as its family part;
 * a body's name (长治高新区供图) is braced so that no reader takes it apart.
 */
const bibtexName = (credit: Credit): string => (isPerson(credit) ? credit.name : `{${credit.name}}`);

/** biblatex's newspaper article; `year` too, for classic BibTeX styles. */
export function bibtexRecord(input: ReferenceInput): string {
  const fields: [string, string][] = [
    ['entrysubtype', '{newspaper}'],
    ...(input.authors.length > 0
      ? [['author', `{${input.authors.map(bibtexName).join(' and ')}}`] as [string, string]]
      : []),
    ['title', bibtexValue(input.headline)],
    ...(input.subhead ? [['subtitle', bibtexValue(input.subhead)] as [string, string]] : []),
    ['journaltitle', bibtexValue(input.newspaper)],
    ['journal', bibtexValue(input.newspaper)],
    ['date', `{${isoDate(input.date, input.precision)}}`],
    ['year', `{${input.date.getUTCFullYear()}}`],
    ['langid', '{chinese}'],
    ['language', `{${LANGUAGE}}`],
    ['url', `{${input.url}}`],
    ...(input.notes.length > 0 ? [['note', bibtexValue(noteText(input))] as [string, string]] : []),
  ];
  return `@article{${input.slug},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}\n`;
}

/** One CSL-JSON item: names as `literal` (whole, never parsed), date parts as far as the page gives them. */
function cslItem(input: ReferenceInput): Record<string, unknown> {
  return {
    id: input.slug,
    type: 'article-newspaper',
    title: input.subhead ? `${input.headline}：${input.subhead}` : input.headline,
    ...(input.authors.length > 0 && { author: input.authors.map((credit) => ({ literal: credit.name })) }),
    'container-title': input.newspaper,
    issued: { 'date-parts': [dateParts(input)] },
    section: input.section,
    language: LANGUAGE,
    URL: input.url,
    ...(input.notes.length > 0 && { note: noteText(input) }),
  };
}

/** A CSL-JSON file: a list of items. */
export const cslJson = (input: ReferenceInput): string => `${JSON.stringify([cslItem(input)], null, 2)}\n`;
