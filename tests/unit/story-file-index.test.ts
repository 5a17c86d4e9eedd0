/**
 * The story file index (src/data/story-file-index.ts): a file is known unchanged only in the exact
 * state it was read in, by the same code and site, and never when it changed just before it was read.
 */
import assert from 'node:assert/strict';
import { lstatSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { storyFileIndex } from '../../src/data/story-file-index.ts';

const dir = mkdtempSync(join(tmpdir(), 'story-file-index-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const indexFile = join(dir, 'story-files.json');
const stats = (name: string) => lstatSync(join(dir, name), { bigint: true });
/** A clock a minute after now: the files written here are not "just changed". */
const later = () => BigInt(Date.now() + 60_000);

test('a file is known in the state it was read in, and not after any change to it', () => {
  writeFileSync(join(dir, 'a.md'), 'one');
  writeFileSync(join(dir, 'b.md'), 'two');
  const first = storyFileIndex(indexFile, 'v1', later);
  assert.equal(first.known('a.md', stats('a.md')), undefined, 'nothing known at first');
  first.record('a.md', stats('a.md'), { slug: 'a', digest: 'd-a' });
  first.record('b.md', stats('b.md'), { slug: 'b', digest: 'd-b' });
  first.save();

  const next = storyFileIndex(indexFile, 'v1', later);
  assert.deepEqual(next.known('a.md', stats('a.md')), { slug: 'a', digest: 'd-a' });
  // Same size, the old modification time put back (as `rsync -t` or `touch -r` would): the change time still tells.
  const { atime, mtime } = lstatSync(join(dir, 'b.md'));
  writeFileSync(join(dir, 'b.md'), 'TWO');
  utimesSync(join(dir, 'b.md'), atime, mtime);
  assert.equal(next.known('b.md', stats('b.md')), undefined);
  // Another file moved into its name.
  writeFileSync(join(dir, 'c.md'), 'one');
  renameSync(join(dir, 'c.md'), join(dir, 'a.md'));
  assert.equal(next.known('a.md', stats('a.md')), undefined);
  assert.equal(next.known('constructor', stats('b.md')), undefined, 'a name is not an inherited key');
});

test('an index of other code or site, or one not readable, knows nothing; a file changed just before it was read is not recorded', () => {
  writeFileSync(join(dir, 'd.md'), 'four');
  const index = storyFileIndex(indexFile, 'v1', later);
  index.record('d.md', stats('d.md'), { slug: 'd', digest: 'd-d' });
  index.save();
  assert.deepEqual(storyFileIndex(indexFile, 'v1', later).known('d.md', stats('d.md')), { slug: 'd', digest: 'd-d' });
  assert.equal(storyFileIndex(indexFile, 'v2', later).known('d.md', stats('d.md')), undefined);
  writeFileSync(indexFile, '{"version":"v1","files":');
  assert.equal(storyFileIndex(indexFile, 'v1', later).known('d.md', stats('d.md')), undefined);

  // Read the moment it was written: a second write in the same clock tick would leave its state as it was.
  const now = storyFileIndex(indexFile, 'v1');
  now.record('d.md', stats('d.md'), { slug: 'd', digest: 'd-d' });
  now.save();
  assert.equal(storyFileIndex(indexFile, 'v1').known('d.md', stats('d.md')), undefined);
});
