/**
 * `npm run bench:rebuild -- N`: what an editor waits for after a change, on an archive of N
 * synthetic stories (scripts/bench/synthetic.ts). Runs `npm run build` (scripts/build.ts: pages,
 * search index, precompression, the swap into place) on a temporary archive, in this order:
 *
 * 1. full: the first build, with an empty cache (what `npm run build -- --full` costs);
 * 2. unchanged: the same stories again;
 * 3. add: a day's issue of `--add` stories (50 unless told), dated after every other story;
 * 4. edit: one word changed in one story from the middle of the archive.
 *
 * For each: seconds, peak RSS of the largest process, how many stories the loader rendered, how
 * many search shards were reused, and how many site files the build added, changed and removed
 * (its own closing line). The archive lives in the system temp folder and is removed afterwards
 * (--keep keeps it); figures are also written to .bench/rebuild-N.json. That each of these builds
 * equals a full build of the same stories is tests/build/incremental.test.ts's job, not this one's.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMeasured } from './process-tree.ts';
import { addSyntheticStories, writeSyntheticArchive } from './synthetic.ts';

const count = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 1000);
const added = Number(/^--add=(\d+)$/.exec(process.argv.find((arg) => arg.startsWith('--add=')) ?? '')?.[1] ?? 50);
const keep = process.argv.includes('--keep');

const MB = 2 ** 20;
const root = mkdtempSync(join(tmpdir(), `archive-rebuild-${count}-`));
const storiesDir = join(root, 'stories');
const env = {
  ARCHIVE_STORIES_DIR: storiesDir,
  ARCHIVE_OUT_DIR: join(root, 'dist'),
  ARCHIVE_CACHE_DIR: join(root, 'cache'),
};

/** The figures a build prints about itself (loader, search index, scripts/build.ts). */
function buildFigures(output: string) {
  const number = (pattern: RegExp): number | undefined => {
    const match = pattern.exec(output);
    return match ? Number(match[1]) : undefined;
  };
  return {
    storiesRendered: number(/\d+ stories: (\d+) rendered/),
    shards: number(/stories in (\d+) shard\(s\)/),
    shardsReused: number(/shard\(s\) \((\d+) reused\)/),
    filesAdded: number(/: (\d+) file\(s\) added/),
    filesChanged: number(/(\d+) changed, \d+ removed/),
    filesRemoved: number(/(\d+) removed, \d+ unchanged/),
    filesUnchanged: number(/(\d+) unchanged \(list:/),
  };
}

async function build(name: string) {
  console.error(`${name}: npm run build…`);
  const run = await runMeasured(process.execPath, ['scripts/build.ts'], env);
  const figures = buildFigures(run.output);
  // Each build's own output beside the figures: its steps' seconds (scripts/build.ts) and Astro's.
  mkdirSync(`.bench/rebuild-${count}`, { recursive: true });
  writeFileSync(`.bench/rebuild-${count}/${name.replace(/\W+/g, '-')}.log`, run.output);
  if (figures.filesUnchanged === undefined) throw new Error(`${name}: the build failed:\n${run.output.slice(-3000)}`);
  return {
    build: name,
    seconds: Number(run.seconds.toFixed(1)),
    peakRssMB: Math.round(run.peakRssBytes / MB),
    ...figures,
  };
}

try {
  console.error(`writing ${count} synthetic stories to ${root}`);
  const stories = writeSyntheticArchive(storiesDir, count);
  const builds = [await build('full'), await build('unchanged')];

  // A day after the synthetic archive's last date (2025-12-31): the newest stories, as a day's issue is.
  addSyntheticStories(storiesDir, count, added, '2026-01-05');
  builds.push(await build(`add ${added}`));

  const edited = join(storiesDir, `${stories[Math.floor(count / 2)]!.slug}.md`);
  const text = readFileSync(edited, 'utf8');
  // One word of the body (after the frontmatter), as a correction is.
  const bodyStart = text.indexOf('\n---', 3) + 4;
  const word = /[\u4e00-\u9fff]{2}/.exec(text.slice(bodyStart))!;
  const at = bodyStart + word.index;
  writeFileSync(edited, `${text.slice(0, at)}更正${text.slice(at + 2)}`);
  builds.push(await build('edit 1'));

  const report = { stories: count, added, builds };
  mkdirSync('.bench', { recursive: true });
  writeFileSync(`.bench/rebuild-${count}.json`, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
} finally {
  if (!keep) rmSync(root, { recursive: true, force: true });
  else console.error(`kept ${root}`);
}
