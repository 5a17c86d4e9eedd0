/**
 * `npm run build`: builds the site into a staging folder beside the output folder, indexes and
 * precompresses it there, and only when every step succeeded puts it in place of the output
 * folder. A failed build (a bad story file, a render error, an indexing error) leaves the last
 * complete site untouched.
 *
 * Env: ARCHIVE_OUT_DIR, the final output folder (dist); the steps see the staging folder as their
 * ARCHIVE_OUT_DIR. Other variables (ARCHIVE_STORIES_DIR, ARCHIVE_CACHE_DIR, SITE_URL …) pass through.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const outDir = resolve(process.env.ARCHIVE_OUT_DIR ?? 'dist');
/** Beside the output folder (same file system, so the swap is two renames). */
const staging = `${outDir}.staging`;
const previous = `${outDir}.previous`;

const STEPS: { name: string; args: string[] }[] = [
  // Includes the search index (src/search/build/integration.ts).
  { name: 'astro build', args: ['node_modules/astro/bin/astro.mjs', 'build'] },
  { name: 'precompress', args: ['scripts/precompress.ts'] },
];

// A build stopped between the two renames below left the last site as `previous`: put it back.
if (!existsSync(outDir) && existsSync(previous)) renameSync(previous, outDir);
rmSync(staging, { recursive: true, force: true });
for (const step of STEPS) {
  const run = spawnSync(process.execPath, step.args, { stdio: 'inherit', env: { ...process.env, ARCHIVE_OUT_DIR: staging } });
  if (run.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`\nBuild failed at "${step.name}"; ${outDir} is left as it was.`);
    process.exit(run.status || 1);
  }
}

// old → previous, staging → output, then drop previous: the output folder is complete at every moment but one rename.
rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });
console.log(`Built ${outDir}`);
