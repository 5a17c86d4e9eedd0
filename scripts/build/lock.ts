/**
 * One build of a checkout at a time. Builds of one checkout share its `.astro/` folder (Astro
 * moves every build's assets through `.astro/.prerender/` when the output folder is outside the
 * checkout) and swap the same output folder: two at once once left no `dist/` at all. The lock is
 * a file created only if absent (O_EXCL), holding the building process's id; a lock left by a
 * build that was killed is taken over, since its process no longer runs.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

interface Holder {
  pid: number;
  started: string;
  outDir: string;
}

/** Another build holds the lock; the message says which and what to do. */
export class BuildLockedError extends Error {}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' ? (holder as Holder) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock at `path` for a build into `outDir`, or throws BuildLockedError when a running
 * build holds it. Returns the function that releases it (also run when the process exits).
 */
export function acquireBuildLock(path: string, outDir: string): () => void {
  mkdirSync(dirname(path), { recursive: true });
  const mine: Holder = { pid: process.pid, started: new Date().toISOString(), outDir };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder && isRunning(holder.pid)) {
        throw new BuildLockedError(
          `Another build of this checkout is running (process ${holder.pid}, started ${holder.started}, building ${holder.outDir}): wait for it to finish, then build again. ` +
            `If no build is running, delete ${path}.`,
        );
      }
      // A lock left by a build that no longer runs: move it aside and look again, so that a lock
      // another build took meanwhile (or was still writing) is put back, not deleted.
      const aside = `${path}.stale-${process.pid}`;
      try {
        renameSync(path, aside);
      } catch {
        continue;
      }
      const moved = readHolder(aside);
      if (moved && isRunning(moved.pid)) renameSync(aside, path);
      else rmSync(aside, { force: true });
      continue;
    }
    writeSync(fd, JSON.stringify(mine));
    closeSync(fd);
    const release = () => {
      if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
    };
    process.once('exit', release);
    return release;
  }
  throw new BuildLockedError(
    `Could not take the build lock ${path}: another build keeps taking it. Build again when it is done.`,
  );
}
