/**
 * Writes every story's reference-manager files (/stories/<slug>.ris, .bib, .csl.json) once the
 * pages are built, from the records the story loader left (src/data/story-references.ts): three
 * plain file writes a story instead of three Astro routes. `npm run dev` serves the same texts
 * from the endpoints under src/pages/stories/, which build no paths in a build. One record per
 * story page or the build stops (and the last good site stays, scripts/build.ts).
 */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { referenceFilesOf, referenceRecordsFile, type StoryReferenceFiles } from '../data/story-references.ts';
import { storyPageCount } from '../data/story-pages.ts';
import { keptTexts } from '../data/build-cache.ts';

export function storyReferences(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'story-references',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const stories = await writeStoryReferences(
          fileURLToPath(dir),
          referenceRecordsFile(cacheDir),
          join(cacheDir, 'kept-references'),
        );
        logger.info(`${stories} stories' reference files written in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}

/**
 * Writes the reference files under `out` from the records file, as links to texts kept in
 * `keptDir` (src/data/build-cache.ts keptTexts); throws unless there is one record per story page.
 */
export async function writeStoryReferences(out: string, records: string, keptDir: string): Promise<number> {
  const seen = new Set<string>();
  const kept = keptTexts(keptDir);
  if (existsSync(records)) {
    const lines = createInterface({ input: createReadStream(records, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      const tab = line.indexOf('\t');
      const slug = line.slice(0, tab);
      const files = JSON.parse(line.slice(tab + 1)) as StoryReferenceFiles;
      if (seen.has(slug)) throw new Error(`reference files: story ${slug} was recorded twice`);
      seen.add(slug);
      for (const [path, text] of referenceFilesOf(slug, files)) kept.place(join(out, path), text);
    }
  }
  kept.dropUnplaced();
  // "One story page = one record": no story's reference files are silently left out.
  const pages = storyPageCount(out);
  if (seen.size !== pages)
    throw new Error(`reference files: the build recorded ${seen.size} stories, but there are ${pages} story pages`);
  return seen.size;
}
