/**
 * A file of lines written as they come (nothing held in memory) that replaces the old file only
 * when committed: a build that fails or is killed halfway leaves the last complete file.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

export interface LinesWriter {
  /** Appends one line (its line break added). */
  add(line: string): void;
  /** Puts the new file in place of the old. */
  commit(): void;
  /** Drops the new file; the old one stays. */
  abort(): void;
}

export function linesWriter(file: string): LinesWriter {
  const partial = `${file}.${process.pid}.partial`;
  const fd = openSync(partial, 'w');
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    add: (line) => void writeSync(fd, `${line}\n`),
    commit: () => {
      close();
      renameSync(partial, file);
    },
    abort: () => {
      close();
      rmSync(partial, { force: true });
    },
  };
}
