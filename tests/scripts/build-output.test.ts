/**
 * The build's lock and its swap of the output folder (scripts/build/): one build of a checkout at a
 * time, a swap that never leaves the site missing, a copy where a rename cannot cross file systems,
 * and a full disk said in plain words. Real folders and processes, no build.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { acquireBuildLock, BuildLockedError } from '../../scripts/build/lock.ts';
import {
  copyBuild,
  lowSpaceMessage,
  oldSiteFolders,
  outputFolderProblem,
  removeInBackground,
  sameFileSystem,
  swapInto,
} from '../../scripts/build/output-folder.ts';
import { siteChanges, siteFiles } from '../../scripts/build/changes.ts';
import { keptTexts, placeKeptFile } from '../../src/data/build-cache.ts';
import { linesWriter } from '../../src/data/lines-writer.ts';

const root = mkdtempSync(join(tmpdir(), 'build-output-'));
after(() => rmSync(root, { recursive: true, force: true }));

function site(dir: string, text: string): void {
  mkdirSync(join(dir, 'stories'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), text);
  writeFileSync(join(dir, 'stories', 'a.html'), text);
}

test('a running build holds the lock: a second is refused, naming the process; a dead one is taken over', async () => {
  const lock = join(root, 'lock', 'build.lock');
  // Another live process holds it.
  const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
  try {
    mkdirSync(join(root, 'lock'));
    writeFileSync(lock, JSON.stringify({ pid: holder.pid, started: '2025-10-02T00:00:00.000Z', outDir: '/x/dist' }));
    assert.throws(
      () => acquireBuildLock(lock, '/y/dist'),
      (error: Error) => {
        assert.ok(error instanceof BuildLockedError);
        assert.equal(
          error.message,
          `Another build of this checkout is running (process ${holder.pid}, started 2025-10-02T00:00:00.000Z, building /x/dist): wait for it to finish, then build again. If no build is running, delete ${lock}.`,
        );
        return true;
      },
    );
  } finally {
    holder.kill();
  }
  // Left by a build that was killed: its process is gone.
  const dead = spawnSync(process.execPath, ['-e', '0']).pid;
  writeFileSync(lock, JSON.stringify({ pid: dead, started: '2025-10-02T00:00:00.000Z', outDir: '/x/dist' }));
  const release = acquireBuildLock(lock, '/y/dist');
  assert.equal(JSON.parse(readFileSync(lock, 'utf8')).pid, process.pid);
  assert.deepEqual(readdirSync(join(root, 'lock')), ['build.lock'], 'no stale copy left');
  // This process holds it now: taking it again is refused too.
  assert.throws(() => acquireBuildLock(lock, '/y/dist'), BuildLockedError);
  release();
  assert.equal(existsSync(lock), false);
});

/** Waits until the replaced sites beside `out` are removed (in the background, by swapInto). */
async function oldSitesRemoved(out: string): Promise<void> {
  for (let waited = 0; oldSiteFolders(out).length > 0; waited += 50) {
    assert.ok(waited < 10_000, `still there after 10 s: ${oldSiteFolders(out).join(', ')}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

test('the swap puts the new site in place and removes the old in the background; a failed rename puts the old one back', async () => {
  const out = join(root, 'swap', 'dist');
  site(out, 'old');
  site(`${out}.staging`, 'new');
  swapInto(`${out}.staging`, out, `${out}.previous`);
  assert.equal(readFileSync(join(out, 'index.html'), 'utf8'), 'new');
  // At once: the old site is renamed aside, never left under the name a build restores from.
  assert.deepEqual(
    readdirSync(join(root, 'swap')).filter((name) => !name.startsWith('dist.old-')),
    ['dist'],
  );
  await oldSitesRemoved(out);
  assert.deepEqual(readdirSync(join(root, 'swap')), ['dist']);
  // One left by a stopped build is removed too, and two removals of one folder do no harm.
  site(`${out}.old-1-1`, 'left');
  removeInBackground(`${out}.old-1-1`);
  removeInBackground(`${out}.old-1-1`);
  await oldSitesRemoved(out);
  // A staging folder that is not there: the rename fails and the last site is back in place.
  assert.throws(() => swapInto(`${out}.staging`, out, `${out}.previous`), /ENOENT/);
  assert.equal(readFileSync(join(out, 'index.html'), 'utf8'), 'new');
  assert.deepEqual(readdirSync(join(root, 'swap')), ['dist'], 'dist/ is never left missing');
});

test('a site built on one file system is copied to an output folder on another (/dev/shm), then swapped', async (t) => {
  if (!existsSync('/dev/shm') || sameFileSystem('/dev/shm', root)) return t.skip('no second file system here');
  const other = mkdtempSync('/dev/shm/build-output-');
  try {
    const built = join(root, 'built');
    site(built, 'copied');
    const out = join(other, 'dist');
    site(out, 'old');
    copyBuild(built, `${out}.staging`);
    swapInto(`${out}.staging`, out, `${out}.previous`);
    assert.equal(readFileSync(join(out, 'stories', 'a.html'), 'utf8'), 'copied');
    await oldSitesRemoved(out);
    assert.deepEqual(readdirSync(other), ['dist']);
    // A mount point cannot be renamed: refused before building.
    assert.match(
      outputFolderProblem('/dev/shm') ?? '',
      /^\/dev\/shm is a mount point, which a build cannot replace: point ARCHIVE_OUT_DIR at a folder inside it/,
    );
    assert.equal(outputFolderProblem(out), undefined);
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
});

test('a kept file is placed in the site as a link (a copy across file systems), and the change list knows it unchanged by its inode', (t) => {
  const cache = join(root, 'kept');
  const [before, after] = [join(root, 'site-before'), join(root, 'site-after')];
  for (const dir of [cache, before, after]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(cache, 'shard.bin'), 'kept bytes');
  placeKeptFile(join(cache, 'shard.bin'), join(before, 'shard.bin'));
  placeKeptFile(join(cache, 'shard.bin'), join(after, 'shard.bin'));
  assert.equal(statSync(join(after, 'shard.bin')).ino, statSync(join(cache, 'shard.bin')).ino);
  // A file already there is replaced, as a copy would replace it.
  writeFileSync(join(after, 'other.bin'), 'old');
  placeKeptFile(join(cache, 'shard.bin'), join(after, 'other.bin'));
  assert.equal(readFileSync(join(after, 'other.bin'), 'utf8'), 'kept bytes');
  // Not linked: compared by size and bytes, as before.
  writeFileSync(join(before, 'page.html'), 'same');
  writeFileSync(join(after, 'page.html'), 'same');
  writeFileSync(join(before, 'edited.html'), 'one');
  writeFileSync(join(after, 'edited.html'), 'two');
  const expected = { added: ['other.bin'], changed: ['edited.html'], removed: [], unchanged: 2 };
  assert.deepEqual(siteChanges(before, after), expected);
  // The last site listed beforehand (while Astro builds) gives the same list.
  assert.deepEqual(siteChanges(siteFiles(before), after), expected);
  if (!existsSync('/dev/shm') || sameFileSystem('/dev/shm', root)) return t.skip('no second file system here');
  const other = mkdtempSync('/dev/shm/build-output-');
  try {
    placeKeptFile(join(cache, 'shard.bin'), join(other, 'shard.bin'));
    assert.equal(readFileSync(join(other, 'shard.bin'), 'utf8'), 'kept bytes');
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
});

test('kept texts: the same bytes are one kept file, linked wherever placed, in this build and the next; other bytes are another file', () => {
  const dir = join(root, 'kept-texts');
  const [before, after] = [join(root, 'texts-before'), join(root, 'texts-after')];
  for (const site of [before, after]) mkdirSync(site, { recursive: true });
  const first = keptTexts(dir);
  first.place(join(before, 'a.ris'), 'TY  - NEWS');
  first.place(join(before, 'b.ris'), 'TY  - NEWS');
  first.place(join(before, 'c.ris'), 'old text');
  first.dropUnplaced();
  assert.equal(statSync(join(before, 'a.ris')).ino, statSync(join(before, 'b.ris')).ino);
  assert.equal(readdirSync(dir).length, 2);

  // The next build: unchanged texts are the same files as before, a changed one is new, the old one goes.
  const next = keptTexts(dir);
  next.place(join(after, 'a.ris'), 'TY  - NEWS');
  next.place(join(after, 'b.ris'), Buffer.from('TY  - NEWS'));
  next.place(join(after, 'c.ris'), 'new text');
  next.dropUnplaced();
  assert.equal(statSync(join(after, 'a.ris')).ino, statSync(join(before, 'a.ris')).ino);
  assert.equal(readFileSync(join(after, 'c.ris'), 'utf8'), 'new text');
  assert.equal(readFileSync(join(before, 'c.ris'), 'utf8'), 'old text');
  assert.equal(readdirSync(dir).length, 2);
  assert.deepEqual(siteChanges(before, after), { added: [], changed: ['c.ris'], removed: [], unchanged: 2 });

  // A kept file cut short (a killed build, a damaged disk) is written again, not published so.
  const [name] = readdirSync(dir).filter((file) => readFileSync(join(dir, file), 'utf8') === 'new text');
  writeFileSync(join(dir, name!), 'new');
  keptTexts(dir).place(join(after, 'c.ris'), 'new text');
  assert.equal(readFileSync(join(after, 'c.ris'), 'utf8'), 'new text');
  // Placing over a file that is a link to another kept text replaces it, never writes through it.
  const again = keptTexts(dir);
  again.place(join(after, 'd.ris'), 'TY  - NEWS');
  again.place(join(after, 'd.ris'), 'third text');
  assert.equal(readFileSync(join(after, 'a.ris'), 'utf8'), 'TY  - NEWS');
  assert.equal(readFileSync(join(after, 'd.ris'), 'utf8'), 'third text');
});

test('a lines file replaces the old one whole when committed, with every line in order; an aborted one leaves the old', () => {
  const file = join(root, 'lines.jsonl');
  writeFileSync(file, 'old\n');
  const lines = Array.from({ length: 3000 }, (_, i) => `${i}:${'字'.repeat(i % 700)}`);
  const writer = linesWriter(file);
  for (const line of lines) writer.add(line);
  assert.equal(readFileSync(file, 'utf8'), 'old\n', 'the old file stays until the commit');
  writer.commit();
  assert.equal(readFileSync(file, 'utf8'), lines.map((line) => `${line}\n`).join(''));
  const aborted = linesWriter(file);
  aborted.add('lost');
  aborted.abort();
  assert.equal(readFileSync(file, 'utf8').split('\n').length, lines.length + 1);
  assert.deepEqual(
    readdirSync(root).filter((name) => name.startsWith('lines.jsonl')),
    ['lines.jsonl'],
  );
});

test('an output folder that is a file is refused; a full disk is said in plain words', () => {
  writeFileSync(join(root, 'file'), '');
  assert.match(outputFolderProblem(join(root, 'file')) ?? '', /is not a folder: point ARCHIVE_OUT_DIR at a folder/);
  assert.equal(outputFolderProblem(join(root, 'absent')), undefined);
  assert.ok(statSync(root).isDirectory());
  assert.equal(
    lowSpaceMessage('/x', 0),
    'The disk holding /x is full (no space left on device: 0.0 MB free): free some space, then build again.',
  );
  assert.match(lowSpaceMessage('/x', 10 * 1024 * 1024) ?? '', /10\.0 MB free/);
  assert.equal(lowSpaceMessage('/x', 10 * 1024 ** 3), undefined);
});
