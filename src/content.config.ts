import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { CITIES, findCity, findCounty } from './lib/places.ts';
import { storiesLoader } from './loaders/stories.ts';
import { CREDIT_ROLES, FORMATS, SECTIONS } from './lib/taxonomy.ts';

/**
 * The contract for a story file. content/README.md documents every field;
 * keep the two in step. The loader uses `slug` as the entry id, so a story's
 * URL never depends on its file name.
 */

/** Where the stories live; tests point this at fixture folders. */
const STORIES_DIR = process.env.ARCHIVE_STORIES_DIR ?? './content/stories';

const nonEmpty = z.string().trim().min(1);

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
      ctx.addIssue({
        code: 'custom',
        path: ['city'],
        message: `unknown city "${value.city}"; known: ${CITIES.map((c) => c.name).join('、')} (add it to src/lib/places.ts)`,
      });
      return;
    }
    if (value.county && !findCounty(city, value.county)) {
      ctx.addIssue({
        code: 'custom',
        path: ['county'],
        message: `unknown county "${value.county}" in ${city.name} (add it to src/lib/places.ts)`,
      });
    }
  });

export const storySchema = z
  .strictObject({
    /** Lowercase ASCII words joined by hyphens; the story's permanent URL. */
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be lowercase ASCII words joined by "-"'),
    /** 引题: the line printed above the headline. Absent when the page prints none. */
    kicker: nonEmpty.optional(),
    /** 主题: the headline as printed, or derived from the story's words when the page prints none. */
    headline: nonEmpty,
    /** True when the page printed no headline and `headline` is taken from the caption or text. */
    headlineDerived: z.boolean().default(false),
    /** 副题: the line printed below the headline, if any. */
    subhead: nonEmpty.optional(),
    /** The date the story reports on or was filed, as far as the page tells it. */
    date: z.coerce.date({ error: 'date must be a date such as 2025-10-03' }),
    /** How much of `date` the page supports: a full day, or only the month. */
    datePrecision: z.enum(['day', 'month']),
    /** Where the date comes from: the story's own dateline, or the page it was printed on. */
    dateBasis: z.enum(['dateline', 'page']),
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
    if (story.source.lines[1] < story.source.lines[0]) {
      ctx.addIssue({ code: 'custom', path: ['source', 'lines'], message: 'last line comes before first line' });
    }
  });

export type StoryData = z.infer<typeof storySchema>;

const stories = defineCollection({
  // Frontmatter and the opening of the text only: story pages render their own bodies.
  loader: storiesLoader(STORIES_DIR),
  schema: storySchema,
});

export const collections = { stories };
