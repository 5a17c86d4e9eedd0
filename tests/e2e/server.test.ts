/**
 * The server as a hostile client meets it, with raw HTTP (node:http and node:net, no browser):
 * ranges, methods, `_headers` in every spelling, malformed requests, precompressed files, the 404
 * page, directory redirects, caching of errors, and a rebuild seen without a restart. Runs against
 * the preview server, and against nginx with ARCHIVE_SERVER=nginx (`npm run test:nginx`).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { RunningServer } from '../../tooling/server/serve.ts';
import { DIST, SERVER, startSiteServer } from '../support/site.ts';

let server: RunningServer;
before(async () => {
  server = await startSiteServer(DIST);
});
after(async () => {
  await server?.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request through node:http, exactly as given (no normalising of the path, no decoding). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET', base = server.url): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((done, fail) => {
    const req = request({ host: hostname, port, path, method, headers: { connection: 'close', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** Raw bytes over a socket: the status code of whatever comes back (0 if the connection just closes). */
function raw(text: string): Promise<number> {
  const { hostname, port } = new URL(server.url);
  return new Promise((done) => {
    const socket = connect(Number(port), hostname, () => socket.write(text));
    socket.setTimeout(5000, () => socket.destroy());
    let answer = '';
    socket.on('data', (c: Buffer) => (answer += c.toString('latin1')));
    socket.on('close', () => done(Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0)));
    socket.on('error', () => done(0));
  });
}

const script = readdirSync(join(DIST, '_astro')).find(
  (f) => f.endsWith('.js') && readdirSync(join(DIST, '_astro')).includes(`${f}.br`),
)!;
const scriptPath = `/_astro/${script}`;
const plain = readFileSync(join(DIST, '_astro', script));
const story = readdirSync(join(DIST, 'stories'))[0]!;
const notFoundPage = readFileSync(join(DIST, '404.html'));

/** The server still serves a page after a probe. */
async function stillUp(): Promise<void> {
  assert.equal((await get('/')).status, 200, 'the server still answers');
}

test('Range: a reversed range is 416, a suffix range gives exactly its bytes, a huge end never crashes', async () => {
  const identity = { 'accept-encoding': 'identity' };
  const reversed = await get(scriptPath, { ...identity, range: 'bytes=5-2' });
  assert.equal(reversed.status, 416);
  assert.equal(reversed.headers['content-range'], `bytes */${plain.length}`);
  assert.ok(!String(reversed.headers['cache-control'] ?? '').includes('immutable'), 'an error is not cached immutable');
  await stillUp();

  const suffix = await get(scriptPath, { ...identity, range: 'bytes=-5' });
  assert.equal(suffix.status, 206);
  assert.deepEqual(suffix.body, plain.subarray(plain.length - 5), 'the last 5 bytes, no more');
  assert.equal(suffix.headers['content-range'], `bytes ${plain.length - 5}-${plain.length - 1}/${plain.length}`);

  const first = await get(scriptPath, { ...identity, range: 'bytes=0-0' });
  assert.equal(first.status, 206);
  assert.equal(first.body.length, 1);

  // RFC 9110 §14.1.2: a last-pos past the end means "to the end". nginx refuses a number beyond
  // its file-offset type with 416, which the RFC also allows; neither may fall over.
  const huge = await get(scriptPath, { ...identity, range: 'bytes=0-18446744073709551615' });
  assert.ok(huge.status === 206 || huge.status === 416, `status ${huge.status}`);
  if (huge.status === 206) assert.deepEqual(huge.body, plain);
  for (const range of ['bytes=abc', 'bytes=99999999-', 'bytes=--1', 'pages=1-2', 'bytes=0-1,3-4,'.repeat(50)]) {
    const answer = await get(scriptPath, { ...identity, range });
    assert.ok([200, 206, 416].includes(answer.status), `${range}: ${answer.status}`);
  }
  await stillUp();
});

test('only GET and HEAD: other methods get 405 with Allow: GET, HEAD', async () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND']) {
    const answer = await get('/', {}, method);
    assert.equal(answer.status, 405, method);
    assert.equal(answer.headers['allow'], 'GET, HEAD', method);
  }
  const head = await get('/', {}, 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  await stillUp();
});

test('_headers is never served, in any spelling', async () => {
  for (const path of [
    '/_headers',
    '/_headers/',
    '/_HEADERS',
    '/_Headers/',
    '//_headers',
    '/%5Fheaders',
    '/%5fheaders/',
    '/./_headers',
    '/stories/../_headers',
    '/_headers?x=1',
    '/_headers%2F',
  ]) {
    const answer = await get(path);
    assert.equal(answer.status, 404, `${path}: ${answer.status}`);
    assert.ok(!answer.body.toString().includes('Content-Security-Policy:'), `${path} leaks the file`);
  }
});

test('malformed requests get an answer, never a crash', async () => {
  const probes = [
    'GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    'GET nonsense HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    'GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\nConnection: close\r\n\r\n',
    'GET / HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n',
    'GET /%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    'GET / HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br;q=nonsense, *;q=-1\r\nIf-None-Match: "\r\nIf-Modified-Since: yesterday\r\nConnection: close\r\n\r\n',
    '\u0000\u0001\u0002 garbage\r\n\r\n',
  ];
  for (const probe of probes) {
    const status = await raw(probe);
    assert.ok(status >= 200 && status < 600, `${JSON.stringify(probe.slice(0, 40))} got an answer (${status})`);
  }
  await stillUp();
});

test('precompressed files go out with Content-Encoding and Vary: Accept-Encoding', async () => {
  const br = await get(scriptPath, { 'accept-encoding': 'br, gzip' });
  const gzip = await get(scriptPath, { 'accept-encoding': 'gzip' });
  const identity = await get(scriptPath, { 'accept-encoding': 'identity' });
  // Debian's nginx serves .br only with libnginx-mod-http-brotli-static loaded; gzip always.
  assert.ok(['br', 'gzip'].includes(String(br.headers['content-encoding'])), `br: ${br.headers['content-encoding']}`);
  assert.equal(gzip.headers['content-encoding'], 'gzip');
  assert.equal(identity.headers['content-encoding'], undefined);
  assert.deepEqual(identity.body, plain);
  for (const answer of [br, gzip, identity]) {
    assert.equal(answer.status, 200);
    assert.match(String(answer.headers['content-type']), /javascript/);
    assert.match(String(answer.headers['vary']), /Accept-Encoding/i);
    assert.match(String(answer.headers['cache-control']), /immutable/);
  }
});

test('unknown paths get the 404 page, never cached as immutable, even where hashed files live', async () => {
  for (const path of [
    '/no-such-page/',
    '/_astro/missing.js',
    '/pagefind/index/missing.pf_index',
    '/pagefind/filter/missing.pf_filter',
    '/excerpts/missing-0123456789.1.txt.gz',
    '/stories/no-such-story/',
  ]) {
    const answer = await get(path);
    assert.equal(answer.status, 404, path);
    assert.deepEqual(answer.body, notFoundPage, `${path}: the archive's 404 page`);
    assert.ok(
      !String(answer.headers['cache-control'] ?? '').includes('immutable'),
      `${path}: Cache-Control ${answer.headers['cache-control']}`,
    );
    assert.ok(answer.headers['content-security-policy'], `${path}: security headers on errors too`);
  }
});

test('a folder without its slash redirects to it, as static hosts do', async () => {
  const answer = await get(`/stories/${story}`);
  assert.equal(answer.status, 301);
  assert.equal(new URL(String(answer.headers['location']), server.url).pathname, `/stories/${story}/`);
  assert.equal((await get(`/stories/${story}/`)).status, 200);
});

test('a rebuild is seen at once: new sizes and new _headers without a restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'server-rebuild-'));
  try {
    cpSync(join(DIST, '404.html'), join(dir, '404.html'));
    cpSync(join(DIST, '_headers'), join(dir, '_headers'));
    mkdirSync(join(dir, 'page'));
    writeFileSync(join(dir, 'page', 'index.html'), '<!DOCTYPE html><title>旧</title><p>短</p>');
    const scratch = await startSiteServer(dir);
    try {
      assert.match((await get('/page/', {}, 'GET', scratch.url)).body.toString(), /短/);
      const longer = `<!DOCTYPE html><title>新</title><p>${'长'.repeat(5000)}</p>`;
      writeFileSync(join(dir, 'page', 'index.html'), longer);
      const after = await get('/page/', {}, 'GET', scratch.url);
      assert.equal(after.body.toString(), longer, 'the whole new page, not the old length');
      writeFileSync(join(dir, 'index.html'), '<!DOCTYPE html><title>首页</title>');
      assert.equal((await get('/', {}, 'GET', scratch.url)).status, 200, 'a file added after start is served');
    } finally {
      await scratch.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(`server under test: ${SERVER}`, () => {
  assert.ok(server.url.startsWith('http://127.0.0.1:'));
});

test('a search is a link: a 10,000-character query in the address still gets the search page', async () => {
  // About 10 KB of request line: past nginx's 8 KB default (it answered 414), within Node's 16 KB.
  const answer = await get(`/search/?q=${'a'.repeat(10_000)}`);
  assert.equal(answer.status, 200);
  assert.match(answer.body.toString(), /<html lang="zh-CN"/);
});
