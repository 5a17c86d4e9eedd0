/** A copy of the built site re-indexed with other search settings (shard size, rare limit …). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndexFigures } from '../../src/search/build/index.ts';
import { DIST } from './site.ts';

/** Copies dist/ to a temporary folder and re-indexes it (scripts/index-search.ts) with `env`; the caller removes `root`. */
export function reindexedCopy(env: Record<string, string>): { root: string; figures: IndexFigures } {
  const root = mkdtempSync(join(tmpdir(), 'search-index-'));
  cpSync(DIST, root, { recursive: true });
  const built = spawnSync(process.execPath, ['scripts/index-search.ts', '--json'], {
    encoding: 'utf8',
    env: { ...process.env, ARCHIVE_OUT_DIR: root, ...env },
  });
  assert.equal(built.status, 0, built.stderr);
  return { root, figures: JSON.parse(built.stdout.trim()) as IndexFigures };
}

/** Re-indexes a copy of dist/ with `env`, serves it with the preview server while `body` runs, then removes it. */
export async function withReindexedCopy(
  env: Record<string, string>,
  body: (url: string, figures: IndexFigures) => Promise<void>,
): Promise<void> {
  const { startServer } = await import('../../tooling/server/serve.ts');
  const { root, figures } = reindexedCopy(env);
  const server = await startServer(root);
  try {
    await body(server.url, figures);
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}
