/**
 * Writes /data/ once the pages are built, from the records the story loader left
 * (src/data/archive-data.ts): each story as JSON (/data/stories/<slug>.json), each month's stories
 * as JSON Lines in archive order (/data/archive/YYYY-MM.jsonl) and a manifest of every file with
 * its story count and bytes (/data/index.json). The cost per story is flat: records are streamed,
 * each line written once to its story's file, and each month's file joined from those files.
 * One record per story page or the build stops (and the last good site stays, scripts/build.ts).
 */
import { createReadStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { dataOrderFile, dataRecordsFile } from '../data/archive-data.ts';
import { dataManifestPath, monthDataPath, storyDataPath } from '../lib/urls.ts';
import { storyPageCount } from '../data/story-pages.ts';
import { keptTexts } from '../data/build-cache.ts';

/** The archive's one order within a month, then a file per month, newest month first. */
interface Month {
  key: string;
  stories: { at: number; slug: string }[];
}

export function archiveData(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'archive-data',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const written = await writeArchiveData(
          fileURLToPath(dir),
          dataRecordsFile(cacheDir),
          dataOrderFile(cacheDir),
          join(cacheDir, 'kept-data'),
        );
        logger.info(
          `${written.stories} stories as data in ${written.files.length} month file(s), ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}

/**
 * Writes /data/ under `out` from the records and order files, as links to texts kept in `keptDir`
 * (src/data/build-cache.ts keptTexts); throws unless there is one record per story page.
 */
export async function writeArchiveData(
  out: string,
  records: string,
  order: string,
  keptDir: string,
): Promise<{ stories: number; files: { path: string; stories: number; bytes: number }[] }> {
  const file = (path: string) => join(out, path);
  const kept = keptTexts(keptDir);
  const pages = storyPageCount(out);
  const months = new Map<string, Month>();
  const seen = new Set<string>();
  const at = new Map(
    (existsSync(order) ? readFileSync(order, 'utf8').split('\n').filter(Boolean) : []).map((slug, i) => [slug, i]),
  );
  if (existsSync(records)) {
    mkdirSync(dirname(file(storyDataPath('x'))), { recursive: true });
    const lines = createInterface({ input: createReadStream(records, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      const [key, slug] = line.split('\t', 2) as [string, string];
      if (seen.has(slug)) throw new Error(`archive data: story ${slug} was recorded twice`);
      seen.add(slug);
      const place = at.get(slug);
      if (place === undefined)
        throw new Error(`archive data: story ${slug} has no place in the archive's order (${order})`);
      const record = line.slice(key.length + slug.length + 2);
      kept.place(file(storyDataPath(slug)), `${record}\n`);
      const month = months.get(key) ?? { key, stories: [] };
      months.set(key, month);
      month.stories.push({ at: place, slug });
    }
  }
  // "One story page = one record": no story is silently left out of the data files.
  if (seen.size !== pages)
    throw new Error(`archive data: the build recorded ${seen.size} stories, but there are ${pages} story pages`);
  const files: { path: string; stories: number; bytes: number }[] = [];
  for (const month of [...months.values()].sort((a, b) => (a.key < b.key ? 1 : -1))) {
    const [year, m] = month.key.split('-').map(Number) as [number, number];
    const path = monthDataPath(year, m);
    mkdirSync(dirname(file(path)), { recursive: true });
    // A month's stories are a few hundred at most: its file is joined in memory.
    const text = Buffer.concat(
      month.stories.sort((a, b) => a.at - b.at).map(({ slug }) => readFileSync(file(storyDataPath(slug)))),
    );
    kept.place(file(path), text);
    files.push({ path, stories: month.stories.length, bytes: text.length });
  }
  kept.place(file(dataManifestPath()), `${JSON.stringify({ stories: seen.size, files }, null, 1)}\n`);
  kept.dropUnplaced();
  return { stories: seen.size, files };
}
