/**
 * Moves a file or folder: a rename, or a copy and delete when the shards' work folder (in Astro's
 * cache) and the output folder are on different file systems, where a rename fails with EXDEV.
 */
import { cpSync, renameSync, rmSync } from 'node:fs';

export function moveSync(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}
