/** Reads the story files the way an editor wrote them, independently of the site's code. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { compareArchiveOrder } from '../../src/lib/dates.ts';

export const STORIES_DIR = 'content/stories';
const SOURCE_DIR = 'content/source';

export interface StoryFile {
  file: string;
  data: {
    slug: string;
    kicker?: string;
    headline: string;
    date: Date;
    datePrecision: 'day' | 'month';
    dateBasis: 'dateline' | 'page';
    yearBasis: 'printed' | 'text' | 'page';
    section: string;
    format: 'article' | 'photo';
    bylines?: { name: string; role: string }[];
    figures?: { caption: string; credit?: { name: string; role: string } }[];
    place: { city: string; county?: string };
    source: { file: string; lines: [number, number] };
  };
  body: string;
}

/** Every story file under content/stories, frontmatter parsed. */
export function readStoryFiles(dir = STORIES_DIR): StoryFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${name}: no frontmatter`);
      return { file: name, data: yaml.load(match[1]!) as StoryFile['data'], body: match[2]! };
    });
}

/** Lines of a kept source page, 1-based: lines[0] is line 1. */
export function readSourceLines(file: string): string[] {
  return readFileSync(join(SOURCE_DIR, file), 'utf8').split('\n');
}

/**
 * Stories in the archive's one order (src/lib/dates.ts compareArchiveOrder, pinned by its unit
 * tests): newest first, a month's month-only stories after its dated ones, ties by slug.
 */
export function archiveOrder(stories: readonly StoryFile[]): StoryFile[] {
  const ordered = (s: StoryFile) => ({
    date: new Date(s.data.date),
    precision: s.data.datePrecision,
    key: s.data.slug,
  });
  return [...stories].sort((a, b) => compareArchiveOrder(ordered(a), ordered(b)));
}
