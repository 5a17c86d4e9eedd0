/**
 * Incremental builds (astro.config.mjs experimental.incrementalBuild, src/data/build-cache.ts):
 * after each change an editor or an engineer makes, a build from the last build's cache gives the
 * same site, byte for byte, as a full build from an empty cache, and makes only what changed.
 * The builds run `npm run build`'s script in a copy of the project (the code scenarios edit it)
 * on a synthetic archive of several search shards.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { addSyntheticStories, writeSyntheticArchive } from '../../scripts/bench/synthetic.ts';

const SYNTHETIC = 150;
/** Shards of 40 stories: 156 stories make four, and a day's stories change only the newest. */
const SHARD_SIZE = '40';

/** Every file under `dir` and its bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files.set(
        join(entry.parentPath, entry.name).slice(dir.length + 1),
        readFileSync(join(entry.parentPath, entry.name)),
      );
  }
  return files;
}

/** The files in which two sites differ (missing from one, or other bytes). */
function differences(a: string, b: string): string[] {
  const [left, right] = [tree(a), tree(b)];
  const names = new Set([...left.keys(), ...right.keys()]);
  return [...names]
    .filter((name) => !left.get(name)?.equals(right.get(name) ?? Buffer.alloc(0)) || !right.has(name))
    .sort();
}

test(
  'after each kind of change, an incremental build gives the same site as a full build, and makes only what changed',
  { timeout: 900_000 },
  () => {
    const root = mkdtempSync(join(tmpdir(), 'archive-incremental-'));
    try {
      // The project, copied (the code scenarios edit it), with the checkout's installed packages.
      const project = join(root, 'project');
      mkdirSync(project);
      for (const name of [
        'src',
        'public',
        'scripts',
        'astro.config.mjs',
        'package.json',
        'package-lock.json',
        'tsconfig.json',
      ])
        cpSync(name, join(project, name), { recursive: true });
      symlinkSync(resolve('node_modules'), join(project, 'node_modules'), 'dir');
      const stories = join(root, 'content', 'stories');
      cpSync('content/stories', stories, { recursive: true });
      cpSync('content/source', join(root, 'content', 'source'), { recursive: true });
      writeSyntheticArchive(stories, SYNTHETIC);
      let count = SYNTHETIC;
      const env: Record<string, string> = { SEARCH_SHARD_SIZE: SHARD_SIZE };

      const build = (out: string, cache: string, args: string[] = []): string => {
        const run = spawnSync(process.execPath, ['scripts/build.ts', ...args], {
          cwd: project,
          encoding: 'utf8',
          timeout: 300_000,
          env: {
            ...process.env,
            ...env,
            ARCHIVE_STORIES_DIR: stories,
            ARCHIVE_OUT_DIR: out,
            ARCHIVE_CACHE_DIR: cache,
            FORCE_COLOR: '0',
            NO_COLOR: '1',
          },
        });
        const output = `${run.stdout}\n${run.stderr}`;
        assert.equal(run.status, 0, output);
        return output;
      };
      const site = join(root, 'site');
      const cache = join(root, 'cache');
      const full = join(root, 'full');
      /**
       * Builds from the cache, then in full from an empty one, and compares; returns the first
       * build's output. `sameAsLastFull`: nothing the site shows changed since the last full build
       * (only the cache or the lockfile did), so that build is the reference and is not made again.
       */
      const rebuild = (what: string, sameAsLastFull = false): string => {
        const output = build(site, cache);
        if (!sameAsLastFull) {
          rmSync(full, { recursive: true, force: true });
          rmSync(join(root, 'full-cache'), { recursive: true, force: true });
          build(full, join(root, 'full-cache'));
        }
        assert.deepEqual(differences(site, full), [], `${what}: the incremental build differs from a full one`);
        return output;
      };
      /** The loader's count of story files rendered (the others were unchanged). */
      const rendered = (output: string): number => Number(/(\d+) rendered, \d+ unchanged/.exec(output)?.[1]);
      const reusedPages = (output: string): number =>
        output.split('\n').filter((line) => line.includes('(restored)')).length;
      const file = (slug: string) => join(stories, `${slug}.md`);
      const edit = (path: string, from: string | RegExp, to: string) => {
        const text = readFileSync(path, 'utf8');
        const edited = text.replace(from, to);
        assert.notEqual(edited, text, `${path}: ${from} found`);
        writeFileSync(path, edited);
      };

      // The first build starts from an empty cache: it is a full build, the reference for "no change".
      const first = build(site, cache);
      cpSync(site, full, { recursive: true });
      assert.equal(rendered(first), SYNTHETIC + 6);
      assert.equal(reusedPages(first), 0);
      /** Story pages (folders; the stories' reference files beside them are written by an integration, not restored). */
      const pages = readdirSync(join(site, 'stories'), { withFileTypes: true }).filter((entry) =>
        entry.isDirectory(),
      ).length;

      // Nothing changed: nothing rendered, every page with a key copied.
      const same = rebuild('no change', true);
      assert.equal(rendered(same), 0);
      assert.ok(reusedPages(same) >= pages, `${reusedPages(same)} pages restored`);
      assert.match(same, /0 file\(s\) added, 0 changed, 0 removed/);

      // A day's issue: 50 stories of one new day.
      addSyntheticStories(stories, count, 50, '2026-01-05');
      count += 50;
      const added = rebuild('50 stories added');
      assert.equal(rendered(added), 50);
      assert.match(added, /\d+ stories in \d+ shard\(s\)/);
      assert.ok(reusedPages(added) > pages / 2, `most pages copied: ${reusedPages(added)}`);

      edit(file('synthetic-000003'), /(\n\n[^\n]*?)。/, '$1；');
      const word = rebuild('one word of an old story changed');
      assert.equal(rendered(word), 1);

      rmSync(file('synthetic-000010'));
      assert.equal(rendered(rebuild('a story deleted')), 0);
      assert.ok(!existsSync(join(site, 'stories', 'synthetic-000010')));

      edit(file('synthetic-000020'), /^slug: synthetic-000020$/m, 'slug: synthetic-000020-renamed');
      assert.equal(rendered(rebuild("a story's slug changed")), 1);
      assert.ok(existsSync(join(site, 'stories', 'synthetic-000020-renamed', 'index.html')));

      edit(
        join(project, 'src/lib/places.ts'),
        "{ name: '昔阳县', slug: 'xiyang' },",
        "{ name: '昔阳县', slug: 'xiyang' },\n      { name: '介休市', slug: 'jiexiu' },",
      );
      rebuild('a county added to the places registry');

      edit(join(project, 'src/components/Footer.astro'), /(<footer[^>]*>)/, '$1<!-- 页脚 -->');
      const component = rebuild('one component changed');
      assert.equal(rendered(component), 0, 'a component is not story text: no body rendered again');

      env.SITE_URL = 'https://archive.example.org/';
      rebuild('SITE_URL changed');
      assert.match(readFileSync(join(site, 'rss.xml'), 'utf8'), /https:\/\/archive\.example\.org\/stories\//);

      edit(join(project, 'package-lock.json'), /\n$/, '\n\n');
      // The lockfile reaches the caches' keys, not the site: the last full build is the reference.
      rebuild('only the lockfile changed', true);

      // A build stopped halfway leaves its mark; the next renders every page, whatever its cache holds.
      writeFileSync(join(cache, 'build-under-way'), '1\n');
      const cachedHome = join(cache, 'dist', 'index.html');
      assert.ok(existsSync(cachedHome), 'Astro keeps its copies in the cache folder');
      writeFileSync(cachedHome, '<p>half-written</p>');
      const recovered = rebuild('after a build that did not finish', true);
      assert.match(recovered, /the last build did not finish/);
      assert.equal(reusedPages(recovered), 0);

      // --full: the cache emptied first, everything made again.
      const forced = build(site, cache, ['--full']);
      assert.match(forced, /Full build: emptying the cache folder/);
      assert.equal(rendered(forced), count + 6 - 1);
      assert.equal(reusedPages(forced), 0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
);
