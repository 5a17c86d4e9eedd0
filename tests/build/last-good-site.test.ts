/**
 * `npm run build` replaces the output folder only when every step succeeded: after a good build,
 * a build that fails rendering (an editor's note anchored to missing text) and one that fails the
 * schema (a date that does not exist) leave it byte for byte as it was. The good build also shows
 * that a BOM, CRLF line endings and a quoted date publish like any story, that dates come out
 * as written when the machine's time zone is far from UTC, that the Markdown a body may hold
 * publishes whole and searchable, and, built on another file system than the checkout
 * (/dev/shm), that such an output folder works. A second build started while it runs is refused.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { recordedStories } from '../support/recorded.ts';
import { searchSourceFile } from '../../src/search/build/source.ts';

const GOOD_SLUG = 'xiyang-vehicle-recycling-project';
const GOOD = readFileSync(`content/stories/${GOOD_SLUG}.md`, 'utf8');

/** On another file system than the checkout where there is one (Astro's own renames fail across them). */
const OTHER_FS = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync('.').dev ? '/dev/shm' : tmpdir();
const root = mkdtempSync(join(OTHER_FS, 'archive-last-good-'));
/** The lock of this checkout's builds (scripts/build/lock.ts). */
const LOCK = resolve('.astro', 'build.lock');
const stories = join(root, 'stories');
const dist = join(root, 'dist');

const buildEnv = (env: Record<string, string>) => ({
  ...process.env,
  ARCHIVE_STORIES_DIR: stories,
  ARCHIVE_OUT_DIR: dist,
  ARCHIVE_CACHE_DIR: join(root, 'cache'),
  FORCE_COLOR: '0',
  NO_COLOR: '1',
  ...env,
});

/** `npm run build` of the fixture stories into `dist`. */
function build(env: Record<string, string> = {}): { status: number | null; output: string } {
  const run = spawnSync('npm', ['run', 'build', '--silent'], {
    encoding: 'utf8',
    timeout: 300_000,
    env: buildEnv(env),
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** The same, not waited for. */
function startBuild(env: Record<string, string> = {}): Promise<{ status: number | null; output: string }> {
  const run = spawn('npm', ['run', 'build', '--silent'], { env: buildEnv(env) });
  let output = '';
  run.stdout.on('data', (chunk) => (output += chunk));
  run.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((done) => run.on('close', (status) => done({ status, output })));
}

/** Every file under `dir` with the SHA-256 of its bytes, sorted. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .map((path) => `${path.slice(dir.length)} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`)
    .sort();
}

const story = (slug: string) => GOOD.replace(`slug: ${GOOD_SLUG}`, `slug: ${slug}`);
let good: { status: number | null; output: string };
let second: { status: number | null; output: string; seconds: number } | undefined;
let before_: string[];

/**
 * Markdown a body may hold (content/README.md): bold and emphasis, escaped marks, an ampersand,
 * an editor's note anchored inside bold.
 */
const PLAIN_MARKDOWN = [
  '**科学导报讯** 10月2日上午,R&D 中心*建成*投用。',
  '2025\\. 年初，项目开工。',
  '\\## 不是标题，\\[王瑞瑞\\]: 不是定义，\\- 不是列表。',
];
const PLAIN_TEXT = [
  '科学导报讯 10月2日上午,R&D 中心建成投用。',
  '2025. 年初，项目开工。',
  '## 不是标题，[王瑞瑞]: 不是定义，- 不是列表。',
];

before(async () => {
  cpSync('content/stories', stories, { recursive: true });
  // Source pages sit beside the stories (src/data/sources.ts), as content/source does.
  cpSync('content/source', join(root, 'source'), { recursive: true });
  writeFileSync(join(stories, 'bom-crlf.md'), `\ufeff${story('bom-crlf').replaceAll('\n', '\r\n')}`);
  writeFileSync(join(stories, 'quoted-date.md'), story('quoted-date').replace(/^date: .*$/m, "date: '2025-10-02'"));
  writeFileSync(join(stories, 'README.md'), '# 稿件\n');
  const plain = story('plain-markdown').replace(
    'format: article',
    'format: article\neditorNotes:\n  - text: 说明\n    anchor: 建成',
  );
  writeFileSync(
    join(stories, 'plain-markdown.md'),
    `${plain.slice(0, plain.indexOf('\n---\n') + 5)}\n${PLAIN_MARKDOWN.join('\n\n')}\n`,
  );
  // Far west of UTC: a date read or printed in local time would land on the day before.
  const first = startBuild({ TZ: 'America/Los_Angeles' });
  // A second build of this checkout while the first runs (once both swapped one dist/ and lost it).
  for (let i = 0; i < 200 && !existsSync(LOCK); i++) await new Promise((wait) => setTimeout(wait, 50));
  if (existsSync(LOCK)) {
    const started = Date.now();
    second = { ...build(), seconds: (Date.now() - started) / 1000 };
  }
  good = await first;
  before_ = good.status === 0 ? listing(dist) : [];
});

after(() => rmSync(root, { recursive: true, force: true }));

/** Body paragraphs of a built story page. */
const paragraphs = (slug: string) =>
  readFileSync(join(dist, 'stories', slug, 'index.html'), 'utf8').match(/<p id="p\d+">.*?<\/p>/g) ?? [];

test('a second build started while one runs is refused at once, and the first completes', () => {
  assert.ok(second, 'the first build took the lock');
  assert.notEqual(second.status, 0, second.output);
  assert.match(
    second.output,
    /Build refused: Another build of this checkout is running \(process \d+, started .*, building .*dist\): wait for it to finish, then build again\./,
  );
  assert.ok(second.seconds < 10, `refused before building (${second.seconds} s)`);
  assert.equal(good.status, 0, good.output);
  assert.equal(existsSync(LOCK), false, 'the lock is released');
});

test('an output folder on another file system than the checkout is built, copied and swapped in', () => {
  assert.notEqual(statSync(root).dev, statSync('.').dev, 'the fixture is on another file system (/dev/shm)');
  assert.equal(good.status, 0, good.output);
  assert.doesNotMatch(good.output, /EXDEV/);
  assert.equal(existsSync(resolve('dist.staging')), false, 'no staging folder left in the checkout');
});

test('the Markdown a body may hold is published whole: the page shows what the search index holds', () => {
  assert.equal(good.status, 0, good.output);
  const page = readFileSync(join(dist, 'stories', 'plain-markdown', 'index.html'), 'utf8');
  const shown = paragraphs('plain-markdown').map((p) =>
    p
      .replace(/<[^>]+>/g, '')
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<'),
  );
  assert.deepEqual(shown, PLAIN_TEXT);
  const recorded = recordedStories(searchSourceFile(join(root, 'cache'))).find((s) => s.slug === 'plain-markdown');
  assert.ok(recorded, 'indexed');
  const lines = recorded.body.split('\n');
  for (const paragraph of PLAIN_TEXT) assert.ok(lines.includes(paragraph), `the index holds: ${paragraph}`);
  // The note's anchor inside bold is marked, and its back link has a target.
  assert.match(page, /<em><a href="#editor-note-1" id="editor-flag-1"[^>]*>建成<\/a><\/em>/);
  assert.match(page, /id="editor-flag-1"/);
  // R&D in the page's description (and cards, feeds: the same opening), not R&#x26;D.
  const description = /<meta name="description" content="([^"]*)"/.exec(page)?.[1] ?? '';
  assert.match(description, /R&amp;D 中心建成投用/);
  assert.doesNotMatch(page, /&amp;#x26;|"[^"<>]*R&#x26;D/);
});

// What a build leaves in the project folder: the site, the list of its changed files for upload,
// the cache and the content; never a staging or backup folder.
const BESIDE_THE_SITE = ['cache', 'dist', 'dist.changes.txt', 'source', 'stories'];

test('a good build publishes every story, BOM and CRLF files alike', () => {
  assert.equal(good.status, 0, good.output);
  assert.ok(paragraphs(GOOD_SLUG).length > 1);
  assert.deepEqual(paragraphs('bom-crlf'), paragraphs(GOOD_SLUG));
  assert.deepEqual(paragraphs('quoted-date'), paragraphs(GOOD_SLUG));
  assert.ok(existsSync(join(dist, 'lexicon.json')), 'indexed');
  assert.ok(
    readdirSync(join(dist, '_astro')).some((name) => name.endsWith('.css.br')),
    'precompressed',
  );
  assert.deepEqual(readdirSync(root).sort(), BESIDE_THE_SITE, 'no staging or backup folder left');
});

test('each story is published on the date its file gives, whatever the time zone', () => {
  for (const name of readdirSync(stories).filter((n) => n.endsWith('.md') && n !== 'README.md')) {
    const text = readFileSync(join(stories, name), 'utf8');
    const slug = /^slug: (.+?)\r?$/m.exec(text)?.[1] ?? '';
    const date = /^date: '?(\d{4}-\d{2}-\d{2})'?\r?$/m.exec(text)?.[1] ?? '';
    assert.ok(slug && date, `${name} has a slug and a date`);
    const precision = /^datePrecision: (\w+)/m.exec(text)?.[1];
    const page = readFileSync(join(dist, 'stories', slug, 'index.html'), 'utf8');
    const published = /<time datetime="([^"]+)"/.exec(page)?.[1];
    assert.equal(published, precision === 'day' ? date : date.slice(0, 7), name);
  }
});

test('a render error leaves the last good site untouched', () => {
  assert.equal(good.status, 0, 'needs the good build');
  writeFileSync(
    join(stories, 'bad-anchor.md'),
    story('bad-anchor').replace(
      'format: article',
      'format: article\neditorNotes:\n  - text: 说明\n    anchor: 不存在的文字',
    ),
  );
  try {
    const { status, output } = build();
    assert.notEqual(status, 0, output);
    assert.deepEqual(listing(dist), before_, 'dist/ is as the good build left it');
    assert.match(
      output,
      /bad-anchor\.md: field "editorNotes\[0\]\.anchor" \("不存在的文字"\) is not in the story's text/,
    );
    assert.match(output, /Build failed at "astro build"; .* is left as it was/);
    assert.deepEqual(readdirSync(root).sort(), BESIDE_THE_SITE);
  } finally {
    rmSync(join(stories, 'bad-anchor.md'));
  }
});

test('a schema error leaves the last good site untouched (after a build killed before it left its lock)', () => {
  assert.equal(good.status, 0, 'needs the good build');
  writeFileSync(join(stories, 'bad-date.md'), story('bad-date').replace(/^date: .*$/m, 'date: 2025-02-30'));
  // The lock of a build whose process is gone does not stop the next one.
  writeFileSync(
    LOCK,
    JSON.stringify({
      pid: spawnSync(process.execPath, ['-e', '0']).pid,
      started: '2025-10-02T00:00:00.000Z',
      outDir: dist,
    }),
  );
  try {
    const { status, output } = build();
    assert.notEqual(status, 0, output);
    assert.deepEqual(listing(dist), before_, 'dist/ is as the good build left it');
    assert.match(output, /bad-date\.md: field "date" is "2025-02-30": no such day on the calendar/);
    assert.deepEqual(readdirSync(root).sort(), BESIDE_THE_SITE);
  } finally {
    rmSync(join(stories, 'bad-date.md'));
  }
});
