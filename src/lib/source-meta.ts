/**
 * What the editor knows of a kept source page, recorded beside its extract as
 * content/source/<name>.yaml (content/README.md): the newspaper, the date as far as it is known,
 * and the 版次 when the page gives it. The page is named by these, never by its file's hash.
 */
import { z } from 'astro/zod';
import yaml from 'js-yaml';

const PARTIAL_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

const sourceMetaSchema = z
  .strictObject({
    /** The newspaper, as printed in its masthead. */
    newspaper: z.string().trim().min(1),
    /** The issue's date as far as it is known: 2025, 2025-10 or 2025-10-03. */
    date: z.string().regex(PARTIAL_DATE, 'written YYYY, YYYY-MM or YYYY-MM-DD, as far as the date is known'),
    /** False when the page prints its date; true when the archive worked it out (say how in dateNote). */
    dateDerived: z.boolean(),
    /** How a derived date was worked out, in Chinese, shown to readers. */
    dateNote: z.string().trim().min(1).optional(),
    /** 版次 (page number) when the page prints it; left out when it is unknown. */
    edition: z.number().int().positive().optional(),
  })
  .superRefine((meta, ctx) => {
    if (meta.dateDerived && !meta.dateNote)
      ctx.addIssue({
        code: 'custom',
        path: ['dateNote'],
        message: 'is missing: a derived date says how it was worked out',
      });
  });

export type SourceMeta = z.infer<typeof sourceMetaSchema>;

/** The YAML text of a page's record as its facts, or the problems in plain words (field: what is wrong). */
export function parseSourceMeta(text: string): { meta: SourceMeta } | { problems: string[] } {
  let value: unknown;
  try {
    value = yaml.load(text, { schema: yaml.JSON_SCHEMA });
  } catch (error) {
    return { problems: [`not valid YAML (${(error as Error).message.split('\n')[0]})`] };
  }
  const result = sourceMetaSchema.safeParse(value ?? {});
  if (result.success) return { meta: result.data };
  return {
    problems: result.error.issues.map((issue) => {
      const field = issue.path.join('.') || '(the file)';
      const unknown =
        issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}` : undefined;
      return (
        unknown ??
        `field "${field}" ${issue.message === 'Required' || /received undefined/.test(issue.message) ? 'is missing' : issue.message}`
      );
    }),
  };
}

/** 2025年10月 from 2025-10; 2025年 from 2025. */
function chineseIssueDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month ? `${month}月` : ''}${day ? `${day}日` : ''}`;
}

/** The page's human name: 《科学导报》2025年10月（推定），版次不详. */
export function sourcePageName(meta: SourceMeta): string {
  const date = `${chineseIssueDate(meta.date)}${meta.dateDerived ? '（推定）' : ''}`;
  return `《${meta.newspaper}》${date}，${meta.edition ? `第${meta.edition}版` : '版次不详'}`;
}
