/**
 * Serves the built archive (dist/) the way a static host does, including the response headers
 * that dist/_headers asks for (Netlify / Cloudflare Pages format).
 * `node tooling/server/serve.ts [port]` for readers; tests import `startServer`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sirv from 'sirv';
import { headersFor, parseHeaders, type HeaderRule } from '../headers/headers.ts';

export interface RunningServer {
  server: Server;
  /** Base URL, e.g. http://127.0.0.1:4321 */
  url: string;
  close(): Promise<void>;
}

/** The rules of `<dir>/_headers`, or none when the build has no such file. */
function readHeaderRules(root: string): HeaderRule[] {
  const file = join(root, '_headers');
  return existsSync(file) ? parseHeaders(readFileSync(file, 'utf8')) : [];
}

/** The request's path as hosts match it against `_headers` patterns. */
function requestPath(url: string | undefined): string {
  const pathname = new URL(url ?? '/', 'http://host').pathname;
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}

/** Starts a static server for `dir` on `port` (0 picks a free one). */
export async function startServer(dir = 'dist', port = 0, host = '127.0.0.1'): Promise<RunningServer> {
  const root = resolve(dir);
  const rules = readHeaderRules(root);
  // Precompressed .br/.gz files (scripts/precompress.ts) are served when the browser accepts them.
  const assets = sirv(root, { dev: false, etag: true, brotli: true, gzip: true, extensions: ['html'] });
  const notFound = (res: ServerResponse): void => {
    // Unknown paths get the archive's own 404 page, with a 404 status, as static hosts do.
    readFile(join(root, '404.html'))
      .then((page) => {
        res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(page);
      })
      .catch(() => {
        res.writeHead(404).end('Not found');
      });
  };
  const server = createServer((req, res) => {
    const path = requestPath(req.url);
    // Set before sirv answers: it keeps headers already on the response.
    for (const [name, value] of headersFor(rules, path)) res.setHeader(name, value);
    // Hosts read _headers but never serve it.
    if (path === '/_headers') return notFound(res);
    assets(req, res, () => notFound(res));
  });
  await new Promise<void>((done) => server.listen(port, host, done));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host === '127.0.0.1' || host === '::1' ? host : 'localhost';
  return {
    server,
    url: `http://${shownHost}:${actualPort}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 4321);
  const { url } = await startServer(process.env.ARCHIVE_OUT_DIR ?? 'dist', port, 'localhost');
  console.log(`科学导报新闻档案 serving dist/ on ${url.replace('127.0.0.1', 'localhost')}/ (Ctrl+C to stop)`);
}
