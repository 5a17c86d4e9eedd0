/**
 * Serves the built archive (dist/) the way a static host does, including the response headers
 * that dist/_headers asks for (Netlify / Cloudflare Pages format).
 * `node tooling/server/serve.ts [port]` for readers; tests import `startServer`.
 *
 * Files go out through `send` (the file server under Express's serve-static): it stats every
 * request (a rebuild is seen at once), answers Range per RFC 9110 (416 when unsatisfiable, suffix
 * ranges), conditional requests, and redirects a directory without its slash (301 to `…/`).
 * Around it this server keeps to what a static host does: GET and HEAD only, never `_headers`,
 * precompressed `.br`/`.gz` when the client takes them, the archive's 404 page, and `_headers`
 * Cache-Control only on successful answers (an error is never cached as immutable).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { extname, join, posix, resolve } from 'node:path';
import send from 'send';
import { headersFor, parseHeaders, type HeaderRule } from '../headers/parse-headers.ts';
import { PREVIEW_PORT } from '../../src/lib/site.ts';

export interface RunningServer {
  /** The Node server (absent when nginx serves). */
  server?: Server;
  /** Base URL, e.g. http://127.0.0.1:4321 */
  url: string;
  close(): Promise<void>;
}

const ALLOWED_METHODS = 'GET, HEAD';

/** Content types of the files scripts/precompress.ts compresses (the `.br` file has its own). */
const PRECOMPRESSED_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** `_headers` rules, read again whenever the file changes (a rebuild needs no restart). */
function headerRules(root: string): () => HeaderRule[] {
  let seen = '';
  let rules: HeaderRule[] = [];
  return () => {
    const file = join(root, '_headers');
    const stamp = existsSync(file) ? (({ mtimeMs, size }) => `${mtimeMs}:${size}`)(statSync(file)) : 'none';
    if (stamp !== seen) {
      rules = stamp === 'none' ? [] : parseHeaders(readFileSync(file, 'utf8'));
      seen = stamp;
    }
    return rules;
  };
}

/**
 * The decoded URL path of a request target, or undefined when it is not an origin-form path
 * ("/…") or does not decode. Query and fragment are dropped.
 */
export function requestPath(target: string | undefined): string | undefined {
  if (!target?.startsWith('/')) return undefined;
  const raw = target.split(/[?#]/, 1)[0]!;
  try {
    const path = decodeURIComponent(raw);
    return path.includes('\0') ? undefined : path;
  } catch {
    return undefined;
  }
}

/** Whether a decoded path names the `_headers` file in any spelling: case, slashes, dot segments. */
export function isHeadersFile(path: string): boolean {
  const normal = posix.normalize(path.replace(/\\/g, '/')).replace(/\/+$/, '').toLowerCase();
  return /^\/+_headers(\.|$)/.test(normal);
}

/** The encoding to send for a file: its `.br` or `.gz` beside it when the client accepts that. */
function precompressed(file: string, acceptEncoding: string): 'br' | 'gzip' | undefined {
  const accepts = (coding: string): boolean =>
    acceptEncoding.split(',').some((part) => {
      const [name, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return (name === coding || name === '*') && (q === undefined || Number(q) > 0);
    });
  const exists = (f: string): boolean => {
    try {
      return statSync(f).isFile();
    } catch {
      return false;
    }
  };
  if (accepts('br') && exists(`${file}.br`)) return 'br';
  if (accepts('gzip') && exists(`${file}.gz`)) return 'gzip';
  return undefined;
}

/** Starts a static server for `dir` on `port` (0 picks a free one). */
export async function startServer(dir = 'dist', port = 0, host = '127.0.0.1'): Promise<RunningServer> {
  const root = resolve(dir);
  const rules = headerRules(root);

  /** Every header of `_headers` for `path` but Cache-Control, which only a success gets. */
  const setHeaders = (res: ServerResponse, path: string, withCache: boolean): void => {
    for (const [name, value] of headersFor(rules(), path)) {
      if (withCache || name.toLowerCase() !== 'cache-control') res.setHeader(name, value);
    }
  };

  /** A short plain answer for errors other than 404. */
  const plain = (
    res: ServerResponse,
    path: string,
    status: number,
    text: string,
    extra: Record<string, string> = {},
  ): void => {
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    setHeaders(res, path, false);
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
    res.end(`${text}\n`);
  };

  /** Unknown paths get the archive's own 404 page with a 404 status, as static hosts do. */
  const notFound = (req: IncomingMessage, res: ServerResponse): void => {
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    setHeaders(res, '/404.html', false);
    let page: Buffer;
    try {
      page = readFileSync(join(root, '404.html'));
    } catch {
      page = Buffer.from('Not found\n');
    }
    res.writeHead(404, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': page.length,
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : page);
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = requestPath(req.url);
    if (path === undefined) return plain(res, '/', 400, 'Bad request');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return plain(res, path, 405, 'Method not allowed', { Allow: ALLOWED_METHODS });
    }
    // Hosts read _headers but never serve it.
    if (isHeadersFile(path)) return notFound(req, res);

    const file = join(root, posix.normalize(path));
    const encoding = path.endsWith('/') ? undefined : precompressed(file, String(req.headers['accept-encoding'] ?? ''));
    const hasVariants = encoding !== undefined || existsSync(`${file}.br`) || existsSync(`${file}.gz`);
    const served = encoding ? `${path}.${encoding === 'br' ? 'br' : 'gz'}` : path;

    setHeaders(res, path, false);
    const stream = send(req, served.split('/').map(encodeURIComponent).join('/'), {
      root,
      index: ['index.html'],
      dotfiles: 'deny',
      cacheControl: false,
      etag: true,
      lastModified: true,
    });
    stream.on('headers', (response: ServerResponse) => {
      // Reached only for a file that will be sent (200, 206, 304): now the cache rules apply.
      setHeaders(response, path, true);
      if (hasVariants) response.setHeader('Vary', 'Accept-Encoding');
      if (encoding) {
        response.setHeader('Content-Encoding', encoding);
        response.setHeader('Content-Type', PRECOMPRESSED_TYPES[extname(path)] ?? 'application/octet-stream');
      }
    });
    stream.on('error', (error: { status?: number; headers?: Record<string, string> }) => {
      const status = error.status ?? 500;
      if (status === 404) return notFound(req, res);
      if (status === 416) return plain(res, path, 416, 'Range not satisfiable', error.headers ?? {});
      plain(res, path, status, status === 403 ? 'Forbidden' : status === 412 ? 'Precondition failed' : 'Error');
    });
    stream.pipe(res);
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      // Whatever a client sends, it gets an answer and the server keeps running.
      console.error(error);
      if (!res.headersSent) plain(res, '/', 500, 'Internal error');
      else res.destroy();
    }
  });
  await new Promise<void>((done) => server.listen(port, host, done));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host === '127.0.0.1' || host === '::1' ? host : 'localhost';
  return {
    server,
    url: `http://${shownHost}:${actualPort}`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? PREVIEW_PORT);
  const { url } = await startServer(process.env.ARCHIVE_OUT_DIR ?? 'dist', port, 'localhost');
  console.log(`科学导报新闻档案 serving dist/ on ${url.replace('127.0.0.1', 'localhost')}/ (Ctrl+C to stop)`);
}
