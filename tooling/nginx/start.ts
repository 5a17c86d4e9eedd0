/**
 * Starts nginx as a child process serving a build, for tests: a temp prefix holds its
 * configuration, pid, logs and temp folders; it listens on a free loopback port.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseHeaders } from '../headers/parse-headers.ts';
import type { RunningServer } from '../server/serve.ts';
import { nginxTestConfig } from './config.ts';

const CANDIDATES = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'].filter(
  Boolean,
) as string[];
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** The nginx binary, or undefined when none is installed. */
export function findNginx(): string | undefined {
  return CANDIDATES.find((path) => existsSync(path)) ?? (spawnSync('nginx', ['-v']).status === 0 ? 'nginx' : undefined);
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as { port: number };
  await new Promise((done) => probe.close(done));
  return port;
}

/** Serves `dir` with nginx and the configuration generated from `dir/_headers`. */
export async function startNginx(dir = 'dist'): Promise<RunningServer> {
  const nginx = findNginx();
  if (!nginx) throw new Error('nginx is not installed (Debian: apt-get install nginx)');
  const root = resolve(dir);
  const prefix = mkdtempSync(join(tmpdir(), 'archive-nginx-'));
  const port = await freePort();
  const headersFile = join(root, '_headers');
  const rules = existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];
  const brotli = existsSync(BROTLI_MODULE);
  const config = nginxTestConfig(rules, {
    root,
    listen: `127.0.0.1:${port}`,
    prefix,
    mimeTypes: '/etc/nginx/mime.types',
    brotli,
  });
  writeFileSync(join(prefix, 'nginx.conf'), `${brotli ? `load_module ${BROTLI_MODULE};\n` : ''}${config}`);
  const child = spawn(nginx, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  // Ready when it answers; a config error makes it exit first.
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null)
      throw new Error(
        `nginx exited: ${stderr}${existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : ''}`,
      );
    try {
      await fetch(`${url}/`, { method: 'HEAD' });
      break;
    } catch {
      if (attempt > 100) throw new Error(`nginx did not answer on ${url}: ${stderr}`);
      await new Promise((done) => setTimeout(done, 50));
    }
  }
  return {
    url,
    close: async () => {
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
