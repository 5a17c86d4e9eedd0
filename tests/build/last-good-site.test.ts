/**
 * `npm run build` replaces the output folder only when every step succeeded: after a good build,
 * a build that fails rendering (an editor's note anchored to missing text) and one that fails the
 * schema (a date that does not exist) leave it byte for byte as it was. The good build also shows
 * that a BOM, CRLF line endings and a quoted date publish like any story, and that dates come out
 * as written when the machine's time zone is far from UTC.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

const GOOD_SLUG = 'xiyang-vehicle-recycling-project';
const GOOD = readFileSync(`content/stories/${GOOD_SLUG}.md`, 'utf8');

const root = mkdtempSync(join(tmpdir(), 'archive-last-good-'));
const stories = join(root, 'stories');
const dist = join(root, 'dist');

/** `npm run build` of the fixture stories into `dist`. */
function build(env: Record<string, string> = {}): { status: number | null; output: string } {
  const run = spawnSync('npm', ['run', 'build', '--silent'], {
    encoding: 'utf8',
    env: { ...process.env, ARCHIVE_STORIES_DIR: stories, ARCHIVE_OUT_DIR: dist, ARCHIVE_CACHE_DIR: join(root, 'cache'), FORCE_COLOR: '0', NO_COLOR: '1', ...env },
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
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
let before_: string[];

before(() => {
  cpSync('content/stories', stories, { recursive: true });
  // Source pages sit beside the stories (src/data/sources.ts), as content/source does.
  cpSync('content/source', join(root, 'source'), { recursive: true });
  writeFileSync(join(stories, 'bom-crlf.md'), `\ufeff${story('bom-crlf').replaceAll('\n', '\r\n')}`);
  writeFileSync(join(stories, 'quoted-date.md'), story('quoted-date').replace(/^date: .*$/m, "date: '2025-10-02'"));
  writeFileSync(join(stories, 'README.md'), '# 稿件\n');
  // Far west of UTC: a date read or printed in local time would land on the day before.
  good = build({ TZ: 'America/Los_Angeles' });
  before_ = good.status === 0 ? listing(dist) : [];
});

after(() => rmSync(root, { recursive: true, force: true }));

/** Body paragraphs of a built story page. */
const paragraphs = (slug: string) => readFileSync(join(dist, 'stories', slug, 'index.html'), 'utf8').match(/<p id="p\d+">.*?<\/p>/g) ?? [];

test('a good build publishes every story, BOM and CRLF files alike', () => {
  assert.equal(good.status, 0, good.output);
  assert.ok(paragraphs(GOOD_SLUG).length > 1);
  assert.deepEqual(paragraphs('bom-crlf'), paragraphs(GOOD_SLUG));
  assert.deepEqual(paragraphs('quoted-date'), paragraphs(GOOD_SLUG));
  assert.ok(existsSync(join(dist, 'lexicon.json')), 'indexed');
  assert.ok(readdirSync(join(dist, '_astro')).some((name) => name.endsWith('.css.br')), 'precompressed');
  assert.deepEqual(readdirSync(root).sort(), ['cache', 'dist', 'source', 'stories'], 'no staging or backup folder left');
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
    story('bad-anchor').replace('format: article', 'format: article\neditorNotes:\n  - text: 说明\n    anchor: 不存在的文字'),
  );
  try {
    const { status, output } = build();
    assert.notEqual(status, 0, output);
    assert.deepEqual(listing(dist), before_, 'dist/ is as the good build left it');
    assert.match(output, /bad-anchor\.md: field "editorNotes\[0\]\.anchor" \("不存在的文字"\) is not in the story's text/);
    assert.match(output, /Build failed at "astro build"; .* is left as it was/);
    assert.deepEqual(readdirSync(root).sort(), ['cache', 'dist', 'source', 'stories']);
  } finally {
    rmSync(join(stories, 'bad-anchor.md'));
  }
});

test('a schema error leaves the last good site untouched', () => {
  assert.equal(good.status, 0, 'needs the good build');
  writeFileSync(join(stories, 'bad-date.md'), story('bad-date').replace(/^date: .*$/m, 'date: 2025-02-30'));
  try {
    const { status, output } = build();
    assert.notEqual(status, 0, output);
    assert.deepEqual(listing(dist), before_, 'dist/ is as the good build left it');
    assert.match(output, /bad-date\.md: field "date" is "2025-02-30": no such day on the calendar/);
    assert.deepEqual(readdirSync(root).sort(), ['cache', 'dist', 'source', 'stories']);
  } finally {
    rmSync(join(stories, 'bad-date.md'));
  }
});
