/** The search index is built from the stories' text as the build records it, and drops none silently. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { RECORDED, recordedStory } from '../support/recorded.ts';
import { DIST } from '../support/site.ts';
import type { ShardInfo } from '../../src/search/core/lexicon.ts';

test("the build records each story's head, captions, body and bylines as printed, and no archive-added text", () => {
  const story = recordedStory('changzhi-hi-tech-zone-study-meeting');
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
  assert.equal(story.head, '长治高新区\n召开党工委理论学习中心组(扩大)学习会议');
  const photo = recordedStory('taiyuan-energy-storage-station-photo');
  assert.equal(photo.kicker, undefined);
  assert.equal(photo.precision, 'day');
  assert.match(photo.body, /■ 王瑞瑞摄$/);
});

/** Indexes a copy of the build's story pages and recorded stories (`edit` may change either first). */
function indexCopy(
  edit: (dir: string, source: string) => void,
  env: Record<string, string> = {},
): { status: number | null; output: string; shards: ShardInfo[] | undefined; chunks: number } {
  const root = mkdtempSync(join(tmpdir(), 'search-index-'));
  cpSync(join(DIST, 'stories'), join(root, 'stories'), { recursive: true });
  const source = join(root, 'search-source.jsonl');
  cpSync(RECORDED, source);
  edit(root, source);
  const result = spawnSync(process.execPath, ['scripts/index-search.ts', '--json'], {
    encoding: 'utf8',
    env: { ...process.env, ARCHIVE_OUT_DIR: root, ARCHIVE_SEARCH_SOURCE: source, SEARCH_SHARD_SIZE: '4', ...env },
  });
  const listing = join(root, 'lexicon.json');
  const shards = existsSync(listing)
    ? (JSON.parse(readFileSync(listing, 'utf8')) as { shards: ShardInfo[] }).shards
    : undefined;
  const chunkDir = join(root, 'pagefind', 'index');
  const chunks = existsSync(chunkDir) ? readdirSync(chunkDir).length : 0;
  rmSync(root, { recursive: true, force: true });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, shards, chunks };
}

test('the indexer builds shards of the configured size and reports stories, seconds and shards', () => {
  const { status, output } = indexCopy(() => {});
  assert.equal(status, 0, output);
  const report = JSON.parse(
    output
      .trim()
      .split('\n')
      .find((line) => line.startsWith('{'))!,
  );
  assert.equal(report.stories, 6);
  assert.equal(report.shards, 2);
  assert.equal(typeof report.seconds, 'number');
});

test('shards are counted from the oldest story (the newest holds the rest); the manifest (lexicon.json) lists each newest first with its count and dates', () => {
  const { status, output, shards } = indexCopy(() => {});
  assert.equal(status, 0, output);
  // Newest first: 2025-10-03 (太原), 10-02 (昔阳), three of 10-01, then 09-30 (长治); four a shard from 长治 on.
  assert.deepEqual(shards, [
    { name: 'qab', stories: 2, newest: '2025-10-03', oldest: '2025-10-02' },
    { name: 'qaa', stories: 4, newest: '2025-10-01', oldest: '2025-09-30' },
  ]);
});

test('a re-index after a story is added builds only the shard it joins and writes the same index as a fresh one', () => {
  const root = mkdtempSync(join(tmpdir(), 'search-reuse-'));
  try {
    const run = (out: string, source: string, work: string) => {
      const result = spawnSync(process.execPath, ['scripts/index-search.ts', '--json'], {
        encoding: 'utf8',
        env: {
          ...process.env,
          ARCHIVE_OUT_DIR: out,
          ARCHIVE_SEARCH_SOURCE: source,
          ARCHIVE_SEARCH_WORK_DIR: work,
          SEARCH_SHARD_SIZE: '4',
        },
      });
      assert.equal(result.status, 0, result.stderr);
      return JSON.parse(result.stdout.trim().split('\n').pop()!) as { shards: number; reused: number };
    };
    const source = join(root, 'search-source.jsonl');
    const [incremental, fresh] = [join(root, 'incremental'), join(root, 'fresh')];
    for (const out of [incremental, fresh]) cpSync(join(DIST, 'stories'), join(out, 'stories'), { recursive: true });
    // Five stories first, without the newest (太原, 10-03): shards of 4 (the oldest) and 1.
    const lines = readFileSync(RECORDED, 'utf8').split('\n').filter(Boolean);
    const newest = lines.findIndex((line) => line.includes('"slug":"taiyuan-energy-storage-station-photo"'));
    writeFileSync(source, `${lines.filter((_, i) => i !== newest).join('\n')}\n`);
    const taiyuan = join(incremental, 'stories', 'taiyuan-energy-storage-station-photo');
    cpSync(taiyuan, join(root, 'taiyuan'), { recursive: true });
    rmSync(taiyuan, { recursive: true });
    assert.equal(run(incremental, source, join(root, 'work')).reused, 0);
    assert.equal(run(incremental, source, join(root, 'work')).reused, 2, 'nothing changed: both shards reused');
    // Then the sixth: only the newest shard is built again.
    cpSync(join(root, 'taiyuan'), taiyuan, { recursive: true });
    writeFileSync(source, `${lines.join('\n')}\n`);
    const again = run(incremental, source, join(root, 'work'));
    assert.equal(again.shards, 2);
    assert.equal(again.reused, 1);
    assert.equal(run(fresh, source, join(root, 'fresh-work')).reused, 0);
    for (const dir of ['pagefind', 'lexicon-files', 'excerpts'])
      assert.deepEqual(tree(join(incremental, dir)), tree(join(fresh, dir)), dir);
    assert.equal(
      readFileSync(join(incremental, 'lexicon.json'), 'utf8'),
      readFileSync(join(fresh, 'lexicon.json'), 'utf8'),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** Every file under `dir` with its bytes (base64), by path. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files[join(entry.parentPath, entry.name).slice(dir.length)] = readFileSync(
        join(entry.parentPath, entry.name),
      ).toString('base64');
  }
  return files;
}

test('a story page whose story the loader did not hand to the index, or a story handed over twice, stops the build', () => {
  const dropped = indexCopy((_dir, source) => {
    writeFileSync(
      source,
      readFileSync(source, 'utf8')
        .split('\n')
        .filter((line) => !line.includes('"slug":"xiyang-vehicle-recycling-project"'))
        .join('\n'),
    );
  });
  assert.notEqual(dropped.status, 0);
  assert.match(dropped.output, /the loader handed over 5 stories, but there are 6 story pages/);
  const twice = indexCopy((_dir, source) => {
    const lines = readFileSync(source, 'utf8');
    writeFileSync(source, lines + lines.split('\n')[0] + '\n');
  });
  assert.notEqual(twice.status, 0);
  assert.match(twice.output, /story [a-z-]+ was handed over twice/);
});

test("a story's result file changes folder when only what it shows changes (the folder is cached as immutable)", () => {
  const root = mkdtempSync(join(tmpdir(), 'search-index-'));
  try {
    cpSync(join(DIST, 'stories'), join(root, 'stories'), { recursive: true });
    const source = join(root, 'search-source.jsonl');
    cpSync(RECORDED, source);
    /** The manifest's folder id and what the xiyang result shows. */
    const index = (): { id: string; date: string } => {
      const run = spawnSync(process.execPath, ['scripts/index-search.ts'], {
        encoding: 'utf8',
        env: { ...process.env, ARCHIVE_OUT_DIR: root, ARCHIVE_SEARCH_SOURCE: source },
      });
      assert.equal(run.status, 0, run.stderr);
      const { id } = JSON.parse(readFileSync(join(root, 'lexicon.json'), 'utf8')) as { id: string };
      const dir = join(root, 'lexicon-files', id, 's');
      const shown = readdirSync(dir).map(
        (name) =>
          JSON.parse(gunzipSync(readFileSync(join(dir, name))).toString()) as { meta: { url: string; date: string } },
      );
      return { id, date: shown.find((s) => s.meta.url.includes('xiyang'))!.meta.date };
    };
    const before = index();
    // Dated to the month only (shown 2025年10月): what its result shows changes, the archive's order does not.
    writeFileSync(
      source,
      readFileSync(source, 'utf8').replace(
        '"slug":"xiyang-vehicle-recycling-project","date":"2025-10-02","precision":"day"',
        '"slug":"xiyang-vehicle-recycling-project","date":"2025-10-02","precision":"month"',
      ),
    );
    const after = index();
    assert.notEqual(after.id, before.id, 'a new folder');
    assert.deepEqual([before.date, after.date], ['2025年10月2日', '2025年10月']);
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
