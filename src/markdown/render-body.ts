/**
 * A story body rendered with the archive's own plugins (pipeline.ts) outside Astro's page render:
 * the loader renders every body once so that every bad body is reported at once, before any page
 * is built (Astro's render stops at the first). Astro's processor adds only plugins that do
 * nothing to a body the plugins accept (heading ids, images, raw HTML).
 */
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { storyMarkdownOptions } from './pipeline.ts';

const processor = unified()
  .use(remarkParse)
  .use(storyMarkdownOptions.remarkPlugins)
  .use(remarkRehype)
  .use(storyMarkdownOptions.rehypePlugins)
  .use(rehypeStringify);

/** A plugin's refusal (a VFileMessage): its reason and line. */
export interface BodyRefusal {
  reason: string;
  line?: number | undefined;
}

export function isBodyRefusal(error: unknown): error is BodyRefusal {
  return error instanceof Error && typeof (error as Partial<BodyRefusal>).reason === 'string';
}

/** The refusal as the build prints it after the file's name: `, line 24: reason` unless the reason names its lines. */
export function refusalText(error: BodyRefusal): string {
  const line = error.line && !error.reason.includes(`line ${error.line}`) ? `, line ${error.line}` : '';
  return `${line}: ${error.reason}`;
}

/** The body's HTML; a plugin's refusal is thrown as a BodyRefusal. */
export async function renderBodyHtml(markdown: string, frontmatter: object, path: string): Promise<string> {
  const file = new VFile({ path, value: markdown, data: { astro: { frontmatter } } });
  return String(await processor.process(file));
}
