/**
 * One story as a data record (/data/stories/<slug>.json, and a line of its month's JSON Lines
 * file): the fields of its file as content/README.md describes them, the text as the page prints
 * it, and, apart under `derived`, what the archive worked out itself. A month-only story's `date`
 * is the month (2025-10): the stored first of the month is for sorting, not a fact.
 */
import type { Credit } from './credits.ts';
import { dateDerivationNote, isoDate, type DateBasis, type DatePrecision, type YearBasis } from './dates.ts';
import { SECTION_LABELS, type Section } from './taxonomy.ts';

/** Bumped when a field changes meaning or goes away; readers check it. */
export const DATA_SCHEMA_VERSION = 1;

export interface StoryDataInput {
  slug: string;
  url: string;
  kicker?: string | undefined;
  headline: string;
  headlineDerived: boolean;
  subhead?: string | undefined;
  date: Date;
  datePrecision: DatePrecision;
  dateBasis: DateBasis;
  yearBasis: YearBasis;
  section: Section;
  format: string;
  place: { city: string; county?: string | undefined };
  bylines: readonly Credit[];
  source: { name: string; file: string; lines: readonly [number, number] };
  figures: readonly { caption: string; credit?: Credit | undefined }[];
  editorNotes: readonly { text: string; anchor?: string | undefined }[];
  /** Body paragraphs as the page prints them (src/lib/story-text-model.ts). */
  paragraphs: readonly string[];
}

export function storyDataRecord(input: StoryDataInput): Record<string, unknown> {
  return {
    schemaVersion: DATA_SCHEMA_VERSION,
    slug: input.slug,
    ...(input.kicker !== undefined && { kicker: input.kicker }),
    headline: input.headline,
    headlineDerived: input.headlineDerived,
    ...(input.subhead !== undefined && { subhead: input.subhead }),
    date: isoDate(input.date, input.datePrecision),
    datePrecision: input.datePrecision,
    dateBasis: input.dateBasis,
    yearBasis: input.yearBasis,
    section: input.section,
    format: input.format,
    place: { city: input.place.city, ...(input.place.county !== undefined && { county: input.place.county }) },
    bylines: input.bylines.map(({ name, role }) => ({ name, role })),
    source: { name: input.source.name, file: input.source.file, lines: [...input.source.lines] },
    figures: input.figures.map(({ caption, credit }) => ({
      caption,
      ...(credit && { credit: { name: credit.name, role: credit.role } }),
    })),
    paragraphs: [...input.paragraphs],
    // The archive's own words, not the paper's.
    editorNotes: input.editorNotes.map(({ text, anchor }) => ({ text, ...(anchor !== undefined && { anchor }) })),
    derived: {
      url: input.url,
      sectionLabel: SECTION_LABELS[input.section],
      date: dateDerivationNote(input),
      ...(input.headlineDerived && { headline: '原版未印标题，此标题取自图片说明原文' }),
    },
  };
}

/** The record as one line of JSON (no line breaks inside: JSON escapes them). */
export const dataLine = (record: Record<string, unknown>): string => JSON.stringify(record);

/** Each field of a record, for the /data/ page: name, and what it holds, in Chinese. */
export const DATA_FIELDS: readonly [string, string][] = [
  ['schemaVersion', `记录格式版本，现为${DATA_SCHEMA_VERSION}；字段含义改变时递增`],
  ['slug', '稿件标识（小写英文与连字符），也是网址 /stories/<slug>/ 的一部分，发布后不变'],
  ['kicker', '引题，照录原版；原版未印则无此字段'],
  ['headline', '主题（标题），照录原版；原版未印时取自稿件原话，见headlineDerived'],
  ['headlineDerived', 'true表示原版未印标题，headline取自图片说明原文'],
  ['subhead', '副题，照录原版；原版未印则无此字段'],
  ['date', '日期，只写到原版能确定的程度：2025-10-03，或只知月份时2025-10'],
  ['datePrecision', 'day（到日）或month（只到月）'],
  ['dateBasis', 'dateline（月日据稿件电头）或page（稿件无电头，据同版稿件推定到月）'],
  [
    'yearBasis',
    '年份的来历：printed（原版印有年份）、text（据本篇正文推定）或page（本篇正文未及年份，据同版其他稿件推定）',
  ],
  ['section', '栏目：development-zone（开发区）、project（项目）、meeting（会议），本档案据版面文字分类'],
  ['format', 'article（文章）或photo（图片新闻，文字即图片说明）'],
  ['place', '地区：city（市），county（县、区，可无），本档案据版面文字归类'],
  ['bylines', '署名，按原版次序：name（照录），role：reporter（文）、photographer（摄）、supplied（供图）'],
  ['source', '出处：name（报纸名）、file（版面提取文字的文件，见“来源”）、lines（该稿所在行，首行与末行）'],
  ['figures', '原版图片的说明：caption（照录，不含署名）、credit（署名，可无）；档案不收照片本身'],
  ['paragraphs', '正文各段，照录原版，与稿件页所印一致；图片新闻为空'],
  ['editorNotes', '编者注，本档案的话，不属原文：text，anchor（所注的原文文字，可无）'],
  [
    'derived',
    '本档案推定或添加的值，不是原版所印：url（永久链接）、sectionLabel（栏目中文名）、date（日期哪些部分为推定）、headline（标题的来历，仅在标题为推定时）',
  ],
];

/** A file size as the /data/ page shows it: 512字节, 3.4 KB, 12.5 MB (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes}字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
