/** A copy of the built site re-indexed with other search settings (shard size, rare limit …). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndexFigures } from '../../src/search/build/index.ts';
import { DIST } from './site.ts';

/** Copies dist/ to a temporary folder and re-indexes it (scripts/index-search.ts) with `env`; the caller removes `root`. */
export function reindexedCopy(env: Record<string, string>): { root: string; figures: IndexFigures } {
  const root = mkdtempSync(join(tmpdir(), 'search-index-'));
  cpSync(DIST, root, { recursive: true });
  const built = spawnSync(process.execPath, ['scripts/index-search.ts', '--json'], { encoding: 'utf8', env: { ...process.env, ARCHIVE_OUT_DIR: root, ...env } });
  assert.equal(built.status, 0, built.stderr);
  return { root, figures: JSON.parse(built.stdout.trim()) as IndexFigures };
}
