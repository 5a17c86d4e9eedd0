/** Builds a throwaway archive from a fixture folder of stories, as `npm run build` would. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface FixtureBuild {
  status: number | null;
  output: string;
}

/**
 * Copies the real stories (and their source pages), lets `edit` change the copy, and runs `astro build` on it.
 * The build's own output (stdout and stderr) is returned for the test to read; `inspect` may
 * look at the built dist/ of a successful build before the fixture is removed.
 */
export function buildWithStories(edit: (dir: string) => void, inspect?: (dist: string) => void): FixtureBuild {
  const root = mkdtempSync(join(tmpdir(), 'archive-fixture-'));
  const stories = join(root, 'stories');
  cpSync('content/stories', stories, { recursive: true });
  // Source pages sit beside the stories (src/data/sources.ts), as content/source does.
  cpSync('content/source', join(root, 'source'), { recursive: true });
  edit(stories);
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    encoding: 'utf8',
    // A build that hangs (a story file that never ends) fails the test instead of the whole run.
    timeout: 180_000,
    env: {
      ...process.env,
      ARCHIVE_STORIES_DIR: stories,
      ARCHIVE_OUT_DIR: join(root, 'dist'),
      ARCHIVE_CACHE_DIR: join(root, 'cache'),
      FORCE_COLOR: '0',
      NO_COLOR: '1',
    },
  });
  try {
    if (result.status === 0) inspect?.(join(root, 'dist'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Writes a story file (text as UTF-8, or raw bytes) into a fixture folder. */
export function writeStory(dir: string, name: string, text: string | Uint8Array): void {
  writeFileSync(resolve(dir, name), text);
}
