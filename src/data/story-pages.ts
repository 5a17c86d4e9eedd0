/** The story pages a build wrote, counted from its output folder: what the steps that write a file per story, and the search index, check themselves against (none silently left out). */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** How many /stories/<slug>/index.html pages are under `out`. */
export function storyPageCount(out: string): number {
  const storiesDir = join(out, 'stories');
  if (!existsSync(storiesDir)) return 0;
  return readdirSync(storiesDir, { withFileTypes: true }).filter(
    (entry) => entry.isDirectory() && existsSync(join(storiesDir, entry.name, 'index.html')),
  ).length;
}
