/**
 * The contract between the archive and Pagefind's browser runtime, as src/search/client/pagefind.ts
 * relies on it, checked in Chromium against a real bundle (re-indexed in shards of two stories,
 * every word left to Pagefind). A Pagefind upgrade that changes any of it fails here.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { termQuery, TEXT_START } from '../../src/search/core/tokens.ts';
import { shardStarts, type SearchManifest } from '../../src/search/core/lexicon.ts';
import { startServer, type RunningServer } from '../../tooling/server/serve.ts';
import { reindexedCopy } from '../support/reindex.ts';
import { useSite } from '../support/site.ts';

const site = useSite();
const skip = process.env.ARCHIVE_SERVER === 'nginx' && 'serves its own re-indexed copy with the preview server';
let root = '';
let server: RunningServer | undefined;
let manifest: SearchManifest;

before(() => {
  if (skip) return;
  ({ root } = reindexedCopy({ SEARCH_SHARD_SIZE: '2', SEARCH_RARE_LIMIT: '0' }));
  manifest = JSON.parse(readFileSync(join(root, 'lexicon.json'), 'utf8')) as SearchManifest;
});
after(async () => {
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

interface Found {
  id: string;
  score: number;
  words: number[];
  url: string;
  meta: Record<string, unknown>;
}

/** Runs Pagefind as the adapter does: lang switched to the first shard for createInstance, older shards merged by absolute URL. */
async function pagefindIn(page: Page, languages: string[], query: string, sorted: boolean): Promise<Found[]> {
  return page.evaluate(
    async ({ languages, query, sorted }) => {
      const module = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
      document.documentElement.setAttribute('lang', languages[0]!);
      const pagefind = module.createInstance({ basePath: '/pagefind/' });
      document.documentElement.setAttribute('lang', 'zh-CN');
      await pagefind.init();
      for (const language of languages.slice(1)) await pagefind.mergeIndex(new URL('/pagefind/', location.href).href, { language });
      const { results } = await pagefind.search(query, sorted ? { sort: { rank: 'desc' } } : {});
      return Promise.all(
        results.map(async (r: { id: string; score: number; words: number[]; data(): Promise<{ url: string; meta: Record<string, unknown> }> }) => {
          const data = await r.data();
          return { id: r.id, score: r.score, words: r.words, url: data.url, meta: data.meta };
        }),
      );
    },
    { languages, query, sorted },
  );
}

test('Pagefind: an instance opens the shard named by the page lang; merged shards add theirs; ids carry the shard', { skip }, async () => {
  server = await startServer(root);
  const page = await (await site.context()).newPage();
  await page.goto(`${server.url}/search/`);
  const languages = manifest.shards.map((s) => s.language);
  assert.deepEqual(languages, ['qaa', 'qab', 'qac']);
  const q = termQuery('区');
  const newest = await pagefindIn(page, languages.slice(0, 1), q.query, true);
  assert.equal(newest.length, 2, 'the newest shard alone holds two stories');
  assert.ok(newest.every((r) => r.id.startsWith('qaa_')), newest.map((r) => r.id).join());
  const all = await pagefindIn(page, languages, q.query, true);
  assert.equal(all.length, 6);
  for (const r of all) assert.match(r.id, /^qa[abc]_/);
  // Under sort {rank: desc} a result's score is its place in the shard counted from the oldest:
  // the adapter's locate() reads the story's place and archive number from it (the meta says the truth).
  const starts = shardStarts(manifest.shards);
  for (const r of all) {
    const shard = languages.indexOf(r.id.slice(0, 3));
    assert.equal(starts[shard]! + manifest.shards[shard]!.stories - 1 - r.score, r.meta.story, `${r.id}: score ${r.score}`);
  }
  assert.deepEqual(all.map((r) => r.meta.story).sort(), [0, 1, 2, 3, 4, 5]);
});

test("Pagefind: a phrase of the archive's words matches consecutive positions exactly; a loose search returns every position; fragments carry the archive's meta", { skip }, async () => {
  server ??= await startServer(root);
  const page = await (await site.context()).newPage();
  await page.goto(`${server.url}/search/`);
  const languages = manifest.shards.map((s) => s.language);
  const q = termQuery('管委会');
  const phrase = await pagefindIn(page, languages, q.query, true);
  assert.ok(phrase.length >= 1);
  const loose = await pagefindIn(page, languages, q.words.join(' '), false);
  for (const hit of phrase) {
    const positions = loose.find((r) => r.id === hit.id)!.words.filter((p) => p >= TEXT_START);
    assert.ok(positions.length >= q.words.length, 'every position of every word');
    assert.ok(hit.words.length >= 1);
    // The fragment was rewritten by the indexer (src/search/build/pagefind.ts): readable meta.
    assert.equal(typeof hit.meta.headline, 'string');
    // Links use the meta's path: a merged shard's own URLs are absolute (merged by the bundle's absolute URL).
    assert.match(String(hit.meta.url), /^\/stories\/[a-z0-9-]+\/$/);
    assert.ok(hit.url.endsWith(String(hit.meta.url)), hit.url);
  }
  // A word no story holds finds nothing, and an exact phrase never prefix-matches.
  assert.deepEqual(await pagefindIn(page, languages, termQuery('管委会会').query, true), []);
});

test('Pagefind: each copy of pagefind.js (pagefind.js?worker=k) starts a worker of its own, and their instances search their own shards side by side', { skip }, async () => {
  server ??= await startServer(root);
  const page = await (await site.context()).newPage();
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto(`${server.url}/search/`);
  const languages = manifest.shards.map((s) => s.language);
  const q = termQuery('区');
  // The adapter's split (src/search/client/pagefind.ts): worker 0 holds shards 0 and 2, worker 1 shard 1.
  const found = await page.evaluate(
    async ({ groups, query }) => {
      const instances = await Promise.all(
        groups.map(async (languages, k) => {
          const module = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js${k ? `?worker=${k}` : ''}`);
          document.documentElement.setAttribute('lang', languages[0]!);
          const pagefind = module.createInstance({ basePath: '/pagefind/' });
          document.documentElement.setAttribute('lang', 'zh-CN');
          await pagefind.init();
          for (const language of languages.slice(1)) await pagefind.mergeIndex(new URL('/pagefind/', location.href).href, { language });
          return pagefind;
        }),
      );
      const answers = await Promise.all(instances.map(async (pagefind) => (await pagefind.search(query, { sort: { rank: 'desc' } })).results.map((r: { id: string }) => r.id)));
      return answers as string[][];
    },
    { groups: [[languages[0]!, languages[2]!], [languages[1]!]], query: q.query },
  );
  assert.equal(workers.filter((url) => url.endsWith('/pagefind/pagefind-worker.js')).length, 2, `two workers: ${workers.join()}`);
  assert.deepEqual(found[0]!.map((id) => id.slice(0, 3)).sort(), ['qaa', 'qaa', 'qac', 'qac']);
  assert.deepEqual(found[1]!.map((id) => id.slice(0, 3)), ['qab', 'qab']);
});
