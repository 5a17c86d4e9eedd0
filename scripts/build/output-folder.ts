/**
 * Putting a finished build in place of the output folder, on any file system. The staging folder
 * sits beside the output folder so the swap is two renames; where the output folder is on another
 * file system than the checkout (Astro renames its assets from the checkout's `.astro/` into the
 * folder it builds, which fails across file systems with EXDEV), the build is made in the checkout
 * and copied beside the output folder first. The output folder is never missing but for the
 * instant between the two renames, and a failed rename puts the last site back.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, renameSync, rmSync, statSync, statfsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Whether two existing paths are on the same file system (a rename between them can work). */
export const sameFileSystem = (a: string, b: string): boolean => statSync(a).dev === statSync(b).dev;

/**
 * Why `outDir` cannot be an output folder, or undefined: it must be a folder (or absent) and not
 * a mount point, which cannot be renamed.
 */
export function outputFolderProblem(outDir: string): string | undefined {
  if (!existsSync(outDir)) return undefined;
  if (!statSync(outDir).isDirectory())
    return `${outDir} is not a folder: point ARCHIVE_OUT_DIR at a folder (or a path that does not exist yet)`;
  if (!sameFileSystem(outDir, dirname(outDir))) {
    return `${outDir} is a mount point, which a build cannot replace: point ARCHIVE_OUT_DIR at a folder inside it (e.g. ${outDir}/site)`;
  }
  return undefined;
}

/**
 * Copies a built site next to the output folder (another file system): the copy is the staging
 * folder. A failed copy is left for the caller to measure the disk and remove.
 */
export function copyBuild(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true, verbatimSymlinks: true });
}

/**
 * `staging` in place of `outDir`: outDir → previous, staging → outDir, then previous is renamed
 * aside (oldSiteFolder) and removed in the background. If the second rename fails, previous goes
 * back, so the last site is never lost.
 */
export function swapInto(staging: string, outDir: string, previous: string): void {
  rmSync(previous, { recursive: true, force: true });
  const hadSite = existsSync(outDir);
  if (hadSite) renameSync(outDir, previous);
  try {
    renameSync(staging, outDir);
  } catch (error) {
    if (hadSite) renameSync(previous, outDir);
    throw error;
  }
  if (hadSite) {
    const old = oldSiteFolder(outDir);
    renameSync(previous, old);
    removeInBackground(old);
  }
}

/** A unique name beside `outDir` for a replaced site that is being removed. */
const oldSiteFolder = (outDir: string): string => `${outDir}.old-${Date.now()}-${process.pid}`;

/**
 * Replaced sites beside `outDir` not removed yet: being removed, or left by a build or machine
 * stopped meanwhile (scripts/build.ts removes these again).
 */
export function oldSiteFolders(outDir: string): string[] {
  const prefix = `${basename(outDir)}.old-`;
  return readdirSync(dirname(outDir))
    .filter((name) => name.startsWith(prefix))
    .map((name) => join(dirname(outDir), name));
}

/**
 * Removes a folder in a process of its own that outlives the build: the old site is a file per
 * page, QR code and reference file (140,000 at 10,000 stories), which took a rebuild 6 to 16 s
 * to unlink, after the new site was in place. Two removals of one folder do no harm.
 */
export function removeInBackground(folder: string): void {
  spawn(
    process.execPath,
    ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', folder],
    { detached: true, stdio: 'ignore' },
  ).unref();
}

/** Below this much free space a failed step is reported as a full disk. */
const LOW_SPACE_BYTES = 64 * 1024 * 1024;

/** Free bytes for an unprivileged writer on the file system holding `path`. */
export function freeBytes(path: string): number {
  const stats = statfsSync(path);
  return stats.bavail * stats.bsize;
}

/**
 * The words for a step that failed on a nearly full disk (its own message may say no more than
 * "exit 13"), or undefined when there is room.
 */
export function lowSpaceMessage(path: string, free: number): string | undefined {
  if (free >= LOW_SPACE_BYTES) return undefined;
  return `The disk holding ${path} is full (no space left on device: ${(free / 1024 / 1024).toFixed(1)} MB free): free some space, then build again.`;
}

/** Whether an error is the disk running out of space. */
export const isNoSpace = (error: unknown): boolean => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOSPC';
