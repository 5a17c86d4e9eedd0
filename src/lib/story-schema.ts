import { z } from 'astro/zod';
import { CALENDAR_DATE_FORM, parseCalendarDate, storyDateProblem } from './dates.ts';
import type { FieldHelp } from './schema-issues.ts';
import { CITIES, findCity, findCounty } from './places.ts';
import { CREDIT_ROLES, FORMATS, SECTIONS } from './taxonomy.ts';
import { textProblem } from './text-rules.ts';

/**
 * The contract for a story file (used by src/content.config.ts and src/loaders/stories.ts).
 * content/README.md documents every field and STORY_FIELDS below says the same in one line each
 * for error messages; keep the three in step. The loader uses `slug` as the entry id, so a story's
 * URL never depends on its file name.
 */

/**
 * Text as printed: something visible, and no character a page or feed cannot carry (controls,
 * direction overrides; src/lib/text-rules.ts).
 */
const nonEmpty = z
  .string()
  .trim()
  .min(1)
  .superRefine((value, ctx) => {
    const problem = textProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** The longest slug: it is a folder name in every build (255 bytes at most on common file systems) and a URL readers copy. */
const SLUG_MAX_LENGTH = 100;

/** A person or body credited, with what they did. */
const credit = z.strictObject({
  /** Name as printed, e.g. 王瑞瑞 or 长治高新区. */
  name: nonEmpty,
  /** reporter (文), photographer (摄) or supplied (供图). */
  role: z.enum(CREDIT_ROLES),
});

/** A photo the page printed. The extract holds captions only, so there is no image field yet. */
const figure = z.strictObject({
  /** Caption text as printed, without the credit. */
  caption: nonEmpty,
  /** Who took or supplied the photo. */
  credit: credit.optional(),
});

/** Words of the archive's editors, shown apart from the story's own. */
const editorNote = z.strictObject({
  /** The note itself. */
  text: nonEmpty,
  /** Exact text of the story the note is about; it is marked where it stands. */
  anchor: nonEmpty.optional(),
});

/** Place filed under: a city of the registry in src/lib/places.ts and optionally one of its counties. */
const place = z
  .strictObject({
    city: nonEmpty,
    county: nonEmpty.optional(),
  })
  .superRefine((value, ctx) => {
    const city = findCity(value.city);
    if (!city) {
      ctx.addIssue({ code: 'custom', path: ['city'], message: 'not a city of src/lib/places.ts' });
      return;
    }
    if (value.county && !findCounty(city, value.county)) {
      ctx.addIssue({ code: 'custom', path: ['county'], message: `not a county of ${city.name} in src/lib/places.ts` });
    }
  });

/**
 * A calendar date written YYYY-MM-DD. The loader reads YAML without timestamps, so an unquoted
 * 2025-10-02 arrives as the text written (not as a Date js-yaml may have rolled over from 2025-13-45).
 */
const calendarDate = z.string().transform((value, ctx) => {
  const result = parseCalendarDate(value);
  const problem = 'date' in result ? storyDateProblem(result.date) : result.problem;
  if ('date' in result && !problem) return result.date;
  ctx.addIssue({ code: 'custom', message: problem ?? '' });
  return z.NEVER;
});

export const storySchema = z
  .strictObject({
    /** Lowercase ASCII words joined by hyphens; the story's permanent URL. */
    slug: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      .superRefine((value, ctx) => {
        if (value.length > SLUG_MAX_LENGTH)
          ctx.addIssue({
            code: 'custom',
            message: `${value.length} characters, longer than the ${SLUG_MAX_LENGTH} a slug may have`,
          });
      }),
    /** 引题: the line printed above the headline. Absent when the page prints none. */
    kicker: nonEmpty.optional(),
    /** 主题: the headline as printed, or derived from the story's words when the page prints none. */
    headline: nonEmpty,
    /** True when the page printed no headline and `headline` is taken from the caption or text. */
    headlineDerived: z.boolean().default(false),
    /** 副题: the line printed below the headline, if any. */
    subhead: nonEmpty.optional(),
    /** The date the story reports on or was filed, as far as the page tells it. */
    date: calendarDate,
    /** How much of `date` the page supports: a full day, or only the month. */
    datePrecision: z.enum(['day', 'month']),
    /** Where the date comes from: the story's own dateline, or the page it was printed on. */
    dateBasis: z.enum(['dateline', 'page']),
    /** Where the year comes from: printed, the story's own text, or the page's other stories. */
    yearBasis: z.enum(['printed', 'text', 'page']),
    /** Section of the archive. */
    section: z.enum(SECTIONS),
    /** A written article, or photo news whose text is its caption. */
    format: z.enum(FORMATS),
    place,
    /** Authors of the text, in printed order. */
    bylines: z.array(credit).default([]),
    /** Where the text was printed, and which lines of the kept extract hold it. */
    source: z.strictObject({
      /** Newspaper name. */
      name: z.literal('科学导报').default('科学导报'),
      /** File under content/source/ holding the page as extracted. */
      file: nonEmpty,
      /** First and last line (1-based, inclusive) of this story in that file. */
      lines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
    }),
    figures: z.array(figure).default([]),
    editorNotes: z.array(editorNote).default([]),
  })
  .superRefine((story, ctx) => {
    if (story.format === 'photo' && story.figures.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['figures'], message: 'photo news needs at least one figure' });
    }
    // The date's basis says how much of it the page gives: a dateline gives the day (10月1日), the
    // page's other datelines only the month. A mismatch would publish a basis contradicting the date.
    if (story.dateBasis === 'dateline' && story.datePrecision === 'month') {
      ctx.addIssue({
        code: 'custom',
        path: ['datePrecision'],
        message:
          'a dateline gives the day, so with dateBasis: dateline it is day (or dateBasis: page, when the story has no dateline)',
      });
    }
    if (story.dateBasis === 'page' && story.datePrecision === 'day') {
      ctx.addIssue({
        code: 'custom',
        path: ['datePrecision'],
        message:
          "the page's other datelines give only the month, so with dateBasis: page it is month (or dateBasis: dateline, when the story has its own)",
      });
    }
    if (story.source.lines[1] < story.source.lines[0]) {
      ctx.addIssue({ code: 'custom', path: ['source', 'lines'], message: 'the last line comes before the first' });
    }
  });

export type StoryData = z.infer<typeof storySchema>;

const ROLES = `${CREDIT_ROLES.join(', ')} (文, 摄, 供图)`;

/** Each field in one line for error messages (see content/README.md); the keys are the allowed fields. */
export const STORY_FIELDS: FieldHelp = {
  slug: 'lowercase ASCII words joined by "-", e.g. xiyang-vehicle-recycling-project',
  kicker: 'the line printed above the headline, as printed (leave the field out when there is none)',
  headline: 'the headline as printed',
  headlineDerived: 'true or false',
  subhead: 'the line printed below the headline, as printed',
  date: `a calendar date written ${CALENDAR_DATE_FORM}, e.g. 2025-10-03`,
  datePrecision: 'day or month',
  dateBasis: 'dateline or page',
  yearBasis:
    'printed (the story prints its year), text (its own text places it) or page (only the other stories of its page do)',
  section: SECTIONS.join(', '),
  format: FORMATS.join(', '),
  place: 'city, and optionally county',
  'place.city': `a city of src/lib/places.ts by its printed name: ${CITIES.map((c) => c.name).join('、')} (add new places there first)`,
  'place.county': 'a county or district of that city in src/lib/places.ts, by its printed name',
  bylines: 'a list of { name, role }',
  'bylines[]': '{ name, role }',
  'bylines[].name': 'the name as printed',
  'bylines[].role': ROLES,
  source: 'file and lines (name defaults to 科学导报)',
  'source.name': '科学导报',
  'source.file': 'a file under content/source/',
  'source.lines': '[first, last]: line numbers (1-based) of the story in that file',
  'source.lines[]': 'a line number (1-based)',
  figures: 'a list of { caption, credit }; photo news needs at least one',
  'figures[]': '{ caption, credit }',
  'figures[].caption': 'the caption as printed, without the credit',
  'figures[].credit': '{ name, role }',
  'figures[].credit.name': 'the name as printed',
  'figures[].credit.role': ROLES,
  editorNotes: 'a list of { text, anchor }',
  'editorNotes[]': '{ text, anchor }',
  'editorNotes[].text': "the editor's note",
  'editorNotes[].anchor': 'exact text of the story the note is about',
};
