/**
 * The kept source pages (content/source/), read at build time: each page's lines and the stories
 * it holds, in page order. A story naming a missing file, or lines the file lacks, stops the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { decodeStoryText } from '../lib/story-file.ts';
import { join, resolve } from 'node:path';
import { getStories, type Story } from './stories.ts';
import { segmentSource, sourceLines, type SourceLine, type SourceSegment } from '../lib/source-page.ts';
import { parseSourceMeta, sourcePageName, type SourceMeta } from '../lib/source-meta.ts';

/** Where the extracts live: `source/` beside the stories folder (content/source; fixture archives keep theirs beside their stories). */
const SOURCE_DIR = join(process.env.ARCHIVE_STORIES_DIR ?? './content/stories', '..', 'source');

export interface SourcePage {
  /** File name under content/source/, as `source.file` gives it. */
  file: string;
  /** What the editor recorded of the page beside its extract (<name>.yaml). */
  meta: SourceMeta;
  /** Its human name, from `meta`: 《科学导报》2025年10月（推定），版次不详. */
  name: string;
  lines: SourceLine[];
  /** Every line in order, grouped by story. */
  segments: SourceSegment<Story>[];
  /** The page's stories in page order. */
  stories: Story[];
}

const where = (story: Story): string => story.filePath ?? story.id;

/** The text of one source file as lines; a missing file names the story and field that point to it. */
function readSource(file: string, story: Story): SourceLine[] {
  if (!/^[\w.-]+\.txt$/.test(file)) {
    throw new Error(
      `${where(story)}: field "source.file" ("${file}") must be a .txt file name in ${SOURCE_DIR}, without folders.`,
    );
  }
  const path = resolve(join(SOURCE_DIR, file));
  if (!existsSync(path)) {
    throw new Error(
      `${where(story)}: field "source.file" names ${file}, but ${join(SOURCE_DIR, file)} does not exist.`,
    );
  }
  // Strict UTF-8, as the loader checks it: a GBK extract must not publish as U+FFFD.
  return sourceLines(decodeStoryText(readFileSync(path)));
}

/** The editor's record of a page (<name>.yaml beside <name>.txt); missing or bad, it stops the build naming file and field. */
function readSourceMeta(file: string): SourceMeta {
  const path = join(SOURCE_DIR, file.replace(/\.txt$/, '.yaml'));
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: record beside the extract ${file} what is known of its page (newspaper, date, dateDerived, dateNote, edition; see content/README.md, "Source pages").`,
    );
  }
  const result = parseSourceMeta(decodeStoryText(readFileSync(path)));
  if ('problems' in result) throw new Error(result.problems.map((problem) => `${path}: ${problem}`).join('\n'));
  return result.meta;
}

let cache: Promise<SourcePage[]> | undefined;

/** Every source file some story comes from, with its stories in page order. */
export function getSourcePages(): Promise<SourcePage[]> {
  cache ??= getStories().then((stories) => {
    const byFile = new Map<string, Story[]>();
    for (const story of stories)
      byFile.set(story.data.source.file, [...(byFile.get(story.data.source.file) ?? []), story]);
    return [...byFile].map(([file, its]) => {
      const lines = readSource(file, its[0]!);
      const segments = segmentSource(
        lines,
        its,
        (s) => s.data.source.lines,
        (s) => `${where(s)}: field "source.lines"`,
      );
      const meta = readSourceMeta(file);
      return { file, meta, name: sourcePageName(meta), lines, segments, stories: segments.flatMap((s) => s.items) };
    });
  });
  return cache;
}
