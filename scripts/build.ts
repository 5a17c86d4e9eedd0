/**
 * `npm run build`: builds the site into a staging folder beside the output folder, indexes and
 * precompresses it there, and only when every step succeeded puts it in place of the output
 * folder. A failed build (a bad story file, a render error, an indexing error, a full disk)
 * leaves the last complete site untouched. One build of a checkout runs at a time: a second one
 * started meanwhile stops at once, saying so (scripts/build/lock.ts). An output folder on another
 * file system than the checkout is built in the checkout and copied (scripts/build/output-folder.ts).
 *
 * Builds are incremental (astro.config.mjs experimental.incrementalBuild, src/data/build-cache.ts):
 * what did not change since the last build is copied from the cache folder, not made again. The
 * build ends by saying how many files of the site it added, changed and removed, and lists them in
 * `<output folder>.changes.txt` (what to upload). `npm run build -- --full` empties the cache
 * folder first and renders everything.
 *
 * Env: ARCHIVE_OUT_DIR, the final output folder (dist); the steps see the staging folder as their
 * ARCHIVE_OUT_DIR. Other variables (ARCHIVE_STORIES_DIR, ARCHIVE_CACHE_DIR, SITE_URL …) pass through.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { acquireBuildLock, BuildLockedError } from './build/lock.ts';
import {
  copyBuild,
  freeBytes,
  isNoSpace,
  lowSpaceMessage,
  oldSiteFolders,
  outputFolderProblem,
  removeInBackground,
  sameFileSystem,
  swapInto,
} from './build/output-folder.ts';
import { changesList, siteChanges, siteFiles, type SiteFiles } from './build/changes.ts';
import { archiveCacheDir } from '../src/data/build-cache.ts';

const full = process.argv.includes('--full');

const outDir = resolve(process.env.ARCHIVE_OUT_DIR ?? 'dist');
/** Beside the output folder (same file system, so the swap is two renames). */
const staging = `${outDir}.staging`;
const previous = `${outDir}.previous`;

const STEPS: { name: string; args: string[] }[] = [
  // Includes the search index (src/search/build/integration.ts).
  // --force: Astro's own caches too (its content store and page cache).
  { name: 'astro build', args: ['node_modules/astro/bin/astro.mjs', 'build', ...(full ? ['--force'] : [])] },
  { name: 'precompress', args: ['scripts/precompress.ts'] },
];

function stop(message: string): never {
  console.error(`\n${message}`);
  process.exit(1);
}

mkdirSync(dirname(outDir), { recursive: true });
const folderProblem = outputFolderProblem(outDir);
if (folderProblem) stop(`Build refused: ${folderProblem}. ${outDir} is left as it was.`);

try {
  acquireBuildLock(resolve('.astro', 'build.lock'), outDir);
} catch (error) {
  if (error instanceof BuildLockedError) stop(`Build refused: ${error.message} ${outDir} is left as it was.`);
  throw error;
}

/** Where the steps build: beside the output folder, or in the checkout when that is on another file system. */
const buildDir = sameFileSystem(dirname(outDir), process.cwd()) ? staging : resolve('dist.staging');

/** Stops after a failure, with the disk's state when it is (nearly) full. */
function fail(what: string, error?: unknown): never {
  const full = [buildDir, dirname(outDir)]
    .map((dir) => lowSpaceMessage(dir, freeBytes(existsSync(dir) ? dir : dirname(dir))))
    .find(Boolean);
  for (const dir of new Set([buildDir, staging])) rmSync(dir, { recursive: true, force: true });
  const reason = isNoSpace(error)
    ? `no space left on the disk (${(error as Error).message})`
    : error instanceof Error
      ? error.message
      : undefined;
  stop(
    `Build failed at "${what}"${reason ? `: ${reason}` : ''}; ${outDir} is left as it was.${full ? `\n${full}` : ''}`,
  );
}

// A build stopped between the two renames below left the last site as `previous`: put it back.
if (!existsSync(outDir) && existsSync(previous)) renameSync(previous, outDir);
for (const dir of new Set([buildDir, staging])) rmSync(dir, { recursive: true, force: true });
// Sites replaced by earlier builds whose removal did not finish (a machine stopped meanwhile).
for (const old of oldSiteFolders(outDir)) removeInBackground(old);
if (full) {
  console.log(`Full build: emptying the cache folder ${archiveCacheDir()}`);
  rmSync(archiveCacheDir(), { recursive: true, force: true });
}
/** Seconds each step took, said at the end: where an editor's wait went. */
const took: string[] = [];
let stepStarted = performance.now();
function timed(step: string): void {
  const now = performance.now();
  took.push(`${step} ${((now - stepStarted) / 1000).toFixed(1)} s`);
  stepStarted = now;
}
/** Runs a step in a process of its own; its exit code (null: it could not start or was killed). */
function runStep(args: string[]): Promise<number | null> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, {
      stdio: 'inherit',
      env: { ...process.env, ARCHIVE_OUT_DIR: buildDir },
    });
    child.on('error', () => done(null));
    child.on('close', (code) => done(code));
  });
}
let lastSite: SiteFiles | undefined;
for (const step of STEPS) {
  const running = runStep(step.args);
  // While Astro builds, this process lists the last site for the change list below (or, if a
  // file of it vanishes meanwhile, the change list lists it afterwards).
  try {
    lastSite ??= siteFiles(outDir);
  } catch {
    lastSite = undefined;
  }
  if ((await running) !== 0) fail(step.name);
  timed(step.name);
}

if (buildDir !== staging) {
  try {
    copyBuild(buildDir, staging);
  } catch (error) {
    fail(`copying the site to ${dirname(outDir)}`, error);
  }
  rmSync(buildDir, { recursive: true, force: true });
  timed('copy to the output folder');
}
// What this build changes in the site, for the editor who uploads it.
const changes = siteChanges(lastSite ?? outDir, staging);
const changesFile = `${outDir}.changes.txt`;
writeFileSync(changesFile, changesList(changes));
timed('change list');
// old → previous, staging → output, then previous is removed in the background: the output
// folder is complete at every moment but one rename.
try {
  swapInto(staging, outDir, previous);
} catch (error) {
  fail(`putting the site in place of ${outDir}`, error);
}
timed('swap');
console.log(`Build steps: ${took.join(', ')}`);
console.log(
  `Built ${outDir}: ${changes.added.length} file(s) added, ${changes.changed.length} changed, ${changes.removed.length} removed, ${changes.unchanged} unchanged (list: ${changesFile})`,
);
