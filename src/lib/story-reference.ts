/**
 * A story's data (the frontmatter, src/lib/story-schema.ts) as the reference formats take it
 * (src/lib/reference-formats.ts): one mapping for the page's COinS, the downloads and the data files.
 */
import { storyAuthors, type Credit } from './credits.ts';
import { dateDerivationNote, type DateBasis, type DatePrecision, type YearBasis } from './dates.ts';
import type { ReferenceInput } from './reference-formats.ts';
import { SECTION_LABELS, type Section } from './taxonomy.ts';

export interface StoryReferenceData {
  headline: string;
  headlineDerived: boolean;
  subhead?: string | undefined;
  date: Date;
  datePrecision: DatePrecision;
  dateBasis: DateBasis;
  yearBasis: YearBasis;
  section: Section;
  format: string;
  bylines: readonly Credit[];
  figures: readonly { credit?: Credit | undefined }[];
  source: { name: string };
}

/** What of a story's record the archive derived, one plain sentence each (never a fact the page lacks). */
function derivedNotes(data: Pick<StoryReferenceData, 'dateBasis' | 'yearBasis' | 'headlineDerived'>): string[] {
  return [`日期：${dateDerivationNote(data)}`, ...(data.headlineDerived ? ['原版未印标题，题名取自图片说明原文'] : [])];
}

export function storyReference(slug: string, data: StoryReferenceData, url: string): ReferenceInput {
  return {
    slug,
    authors: storyAuthors(data),
    headline: data.headline,
    subhead: data.subhead,
    newspaper: data.source.name,
    date: data.date,
    precision: data.datePrecision,
    section: SECTION_LABELS[data.section],
    url,
    notes: derivedNotes(data),
  };
}
