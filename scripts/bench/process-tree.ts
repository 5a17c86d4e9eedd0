/**
 * Runs a command and samples the resident memory of its whole process tree from /proc,
 * so benchmarks can report the peak RSS of the largest process (Linux only).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface RunResult {
  seconds: number;
  /** Largest RSS any single process of the tree reached, in bytes (sampled every 100 ms). */
  peakRssBytes: number;
  output: string;
}

/** pid → { ppid, rss bytes } for every process visible in /proc. */
function processTable(): Map<number, { ppid: number; rss: number }> {
  const table = new Map<number, { ppid: number; rss: number }>();
  const pageSize = 4096;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(entry), { ppid: Number(fields[1]), rss: Number(fields[21]) * pageSize });
    } catch {
      // The process ended while we looked.
    }
  }
  return table;
}

/** Largest RSS among `root` and its descendants right now. */
function largestInTree(root: number): number {
  const table = processTable();
  let largest = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    largest = Math.max(largest, table.get(pid)?.rss ?? 0);
    for (const [child, info] of table) if (info.ppid === pid) queue.push(child);
  }
  return largest;
}

/** Runs `command args` with `env` added, failing loudly on a non-zero exit. */
export function runMeasured(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, largestInTree(child.pid!))), 100);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${output.slice(-4000)}`));
      else resolve({ seconds, peakRssBytes: peak, output });
    });
  });
}
