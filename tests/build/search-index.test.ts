/** The search indexer reads every story page and refuses to drop one silently. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { extractStory } from '../../scripts/search/extract.ts';
import { DIST } from '../support/site.ts';
import type { ShardInfo } from '../../src/search/core/lexicon.ts';

const page = (slug: string) => join(DIST, 'stories', slug, 'index.html');

test('a story page yields its head, captions, body and bylines, and no archive-added text', () => {
  const story = extractStory(readFileSync(page('changzhi-hi-tech-zone-study-meeting'), 'utf8'), 'changzhi');
  assert.equal(story.kicker, '长治高新区');
  assert.equal(story.headline, '召开党工委理论学习中心组(扩大)学习会议');
  assert.equal(story.date, '2025-09-30');
  assert.equal(story.section, 'meeting');
  assert.equal(story.city, '长治市');
  const lines = story.body.split('\n');
  assert.equal(lines[0], '学习会议。 ■ 长治高新区供图');
  assert.match(lines[1]!, /^科学导报讯 9月30日,长治高新区/);
  assert.equal(lines.at(-1), '王佳琪');
  for (const added of ['照片未收录', '编者', '链接到第', '¶']) assert.ok(!story.body.includes(added), added);
  const photo = extractStory(readFileSync(page('taiyuan-energy-storage-station-photo'), 'utf8'), 'taiyuan');
  assert.equal(photo.kicker, undefined);
  assert.equal(photo.precision, 'day');
  assert.match(photo.body, /■ 王瑞瑞摄$/);
});

function indexCopy(
  edit: (dir: string) => void,
  env: Record<string, string> = {},
): { status: number | null; output: string; shards: ShardInfo[] | undefined; chunks: number } {
  const root = mkdtempSync(join(tmpdir(), 'search-index-'));
  cpSync(join(DIST, 'stories'), join(root, 'stories'), { recursive: true });
  edit(root);
  const result = spawnSync(process.execPath, ['scripts/index-search.ts', '--json'], {
    encoding: 'utf8',
    env: { ...process.env, ARCHIVE_OUT_DIR: root, SEARCH_SHARD_SIZE: '4', ...env },
  });
  const listing = join(root, 'search-index.json');
  const shards = existsSync(listing) ? (JSON.parse(readFileSync(listing, 'utf8')) as { shards: ShardInfo[] }).shards : undefined;
  const chunkDir = join(root, 'pagefind', 'index');
  const chunks = existsSync(chunkDir) ? readdirSync(chunkDir).length : 0;
  rmSync(root, { recursive: true, force: true });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, shards, chunks };
}

test('the indexer builds shards of the configured size and reports stories, seconds and shards', () => {
  const { status, output } = indexCopy(() => {});
  assert.equal(status, 0, output);
  const report = JSON.parse(output.trim().split('\n').find((line) => line.startsWith('{'))!);
  assert.equal(report.stories, 6);
  assert.equal(report.shards, 2);
  assert.equal(typeof report.seconds, 'number');
});

test('the newest stories get a smaller first shard; the manifest (search-index.json) lists each shard newest first with its count and dates', () => {
  const { status, output, shards } = indexCopy(() => {}, { SEARCH_FIRST_SHARD_SIZE: '1' });
  assert.equal(status, 0, output);
  // Newest first: 2025-10-03 (太原), 10-02 (昔阳), three of 10-01, then 09-30 (长治).
  assert.deepEqual(shards, [
    { language: 'qaa', stories: 1, newest: '2025-10-03', oldest: '2025-10-03' },
    { language: 'qab', stories: 4, newest: '2025-10-02', oldest: '2025-10-01' },
    { language: 'qac', stories: 1, newest: '2025-09-30', oldest: '2025-09-30' },
  ]);
});

test('a story page the indexer cannot read stops the build, naming the file', () => {
  const { status, output } = indexCopy((dir) => {
    const file = join(dir, 'stories', 'xiyang-vehicle-recycling-project', 'index.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace('data-search-story=', 'data-other='));
  });
  assert.notEqual(status, 0);
  assert.match(output, /xiyang-vehicle-recycling-project\/index\.html: no <article data-search-story/);
});

test("a story's fragment gets a new name when only what it shows changes (fragments are cached as immutable)", () => {
  const root = mkdtempSync(join(tmpdir(), 'search-index-'));
  try {
    cpSync(join(DIST, 'stories'), join(root, 'stories'), { recursive: true });
    /** Fragment file name per story URL. */
    const fragments = (): Map<string, string> => {
      const run = spawnSync(process.execPath, ['scripts/index-search.ts'], { encoding: 'utf8', env: { ...process.env, ARCHIVE_OUT_DIR: root } });
      assert.equal(run.status, 0, run.stderr);
      const dir = join(root, 'pagefind', 'fragment');
      return new Map(readdirSync(dir).map((name) => [JSON.parse(gunzipSync(readFileSync(join(dir, name))).subarray(12).toString()).url as string, name]));
    };
    const before = fragments();
    // A corrected date: not part of the searchable text, but shown in the result.
    const file = join(root, 'stories', 'xiyang-vehicle-recycling-project', 'index.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace('data-search-date="2025-10-02"', 'data-search-date="2025-10-05"'));
    const after = fragments();
    for (const [url, name] of before) {
      if (url.includes('xiyang')) assert.notEqual(after.get(url), name, url);
      else assert.equal(after.get(url), name, url);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('SEARCH_CHUNK_SIZE reaches Pagefind: smaller chunks, more of them (guards an unstable Pagefind setting)', () => {
  const small = indexCopy(() => {}, { SEARCH_CHUNK_SIZE: '500' });
  const large = indexCopy(() => {}, { SEARCH_CHUNK_SIZE: '20000' });
  assert.equal(small.status, 0, small.output);
  assert.equal(large.status, 0, large.output);
  assert.ok(small.chunks > 2 * large.chunks, `${small.chunks} chunks at 500, ${large.chunks} at 20,000`);
});
