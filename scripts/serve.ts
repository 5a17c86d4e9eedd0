/**
 * Serves the built archive (dist/) the way a static host does.
 * `node scripts/serve.ts [port]` for readers; tests import `startServer`.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sirv from 'sirv';

export interface RunningServer {
  server: Server;
  /** Base URL, e.g. http://127.0.0.1:4321 */
  url: string;
  close(): Promise<void>;
}

/** Starts a static server for `dir` on `port` (0 picks a free one). */
export async function startServer(dir = 'dist', port = 0, host = '127.0.0.1'): Promise<RunningServer> {
  const root = resolve(dir);
  const assets = sirv(root, { dev: false, etag: true, gzip: false, extensions: ['html'] });
  const server = createServer((req, res) => {
    assets(req, res, () => {
      // Unknown paths get the archive's own 404 page, with a 404 status, as static hosts do.
      readFile(join(root, '404.html'))
        .then((page) => {
          res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
          res.end(page);
        })
        .catch(() => {
          res.writeHead(404).end('Not found');
        });
    });
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
