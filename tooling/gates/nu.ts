/**
 * Valid HTML gate, second opinion: the W3C Nu HTML Checker (vnu-jar from npm, run on Debian's
 * Java). It parses as browsers do, so it catches what html-validate lets through (a `<script>`
 * after `</html>`: "Stray start tag script"). One Java start for all files.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const require = createRequire(import.meta.url);
const VNU_JAR = join(dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Errors the Nu checker reports for these files, one line each (`file:line message`). */
export function nuErrors(files: readonly string[]): string[] {
  if (files.length === 0) return [];
  const java = process.env.JAVA ?? 'java';
  const run = spawnSync(java, ['-jar', VNU_JAR, '--format', 'json', '--exit-zero-always', ...files], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error)
    throw new Error(
      `the Nu HTML Checker needs Java (Debian: apt-get install default-jre-headless): ${run.error.message}`,
    );
  let report: { messages: NuMessage[] };
  try {
    report = JSON.parse(run.stderr || run.stdout);
  } catch {
    throw new Error(`the Nu HTML Checker did not answer in JSON (exit ${run.status}):\n${run.stderr}${run.stdout}`);
  }
  return report.messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => {
      const file = m.url ? relative(process.cwd(), decodeURIComponent(new URL(m.url).pathname)) : '?';
      return `${file}:${m.lastLine ?? '?'} ${m.message}${m.extract ? ` — ${m.extract.trim().slice(0, 80)}` : ''}`;
    });
}
