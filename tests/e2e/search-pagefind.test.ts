/**
 * The contract between the archive and Pagefind's browser runtime, as src/search/client/pagefind.ts
 * relies on it, checked in Chromium against a real bundle (re-indexed in shards of two stories,
 * every word left to Pagefind). A Pagefind upgrade that changes any of it fails here.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { termPhrase, TEXT_START } from '../../src/search/core/record.ts';
import type { StoryView } from '../../src/search/core/result.ts';
import { holds, stories as plainStories } from '../support/plain-scan.ts';
import { storyPath } from '../../src/lib/urls.ts';
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
}

/** The phrase query the adapter sends for a term: its words, quoted. */
const phraseQuery = (term: string): string => `"${termPhrase(term, 'all').words.join(' ')}"`;

/** What the archive's own file says a story number shows (src/search/core/result.ts). */
const storyFile = (story: number): StoryView =>
  JSON.parse(
    gunzipSync(readFileSync(join(root, 'lexicon-files', manifest.id, 's', `${story}.bin`))).toString(),
  ) as StoryView;

/** Runs Pagefind as the adapter does: lang switched to the first shard for createInstance, older shards merged by absolute URL. */
async function pagefindIn(page: Page, languages: string[], query: string, sorted: boolean): Promise<Found[]> {
  return page.evaluate(
    async ({ languages, query, sorted }) => {
      const module = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
      document.documentElement.setAttribute('lang', languages[0]!);
      const pagefind = module.createInstance({ basePath: '/pagefind/' });
      document.documentElement.setAttribute('lang', 'zh-CN');
      await pagefind.init();
      for (const language of languages.slice(1))
        await pagefind.mergeIndex(new URL('/pagefind/', location.href).href, { language });
      const { results } = await pagefind.search(query, sorted ? { sort: { rank: 'desc' } } : {});
      return results.map((r: Found) => ({ id: r.id, score: r.score, words: r.words }));
    },
    { languages, query, sorted },
  );
}

test(
  'Pagefind: an instance opens the shard named by the page lang; merged shards add theirs; ids carry the shard; the score is the place',
  { skip },
  async () => {
    server = await startServer(root);
    const page = await (await site.context()).newPage();
    await page.goto(`${server.url}/search/`);
    const languages = manifest.shards.map((s) => s.name);
    // Shards are blocks counted from the oldest story (qaa: the two oldest), listed newest first.
    assert.deepEqual(languages, ['qac', 'qab', 'qaa']);
    const newest = await pagefindIn(page, languages.slice(0, 1), phraseQuery('区'), true);
    assert.equal(newest.length, 2, 'the first shard alone holds two stories');
    assert.ok(
      newest.every((r) => r.id.startsWith('qac_')),
      newest.map((r) => r.id).join(),
    );
    const all = await pagefindIn(page, languages, phraseQuery('区'), true);
    assert.equal(all.length, 6);
    for (const r of all) assert.match(r.id, /^qa[abc]_/);
    // Under sort {rank: desc} a result's score is its place in the shard (the indexer ranks by
    // place + 1): the adapter reads the story's archive number from it.
    const starts = shardStarts(manifest.shards);
    const stories = all.map((r) => starts[languages.indexOf(r.id.slice(0, 3))]! + r.score);
    assert.deepEqual(stories.sort(), [0, 1, 2, 3, 4, 5]);
    // ... and it is the right story: each 管委会 result is a story whose text holds it.
    const holders = new Set(
      plainStories.filter((story) => holds(story, '管委会')).map((story) => storyPath(story.data.slug)),
    );
    const found = (await pagefindIn(page, languages, phraseQuery('管委会'), true)).map(
      (r) => storyFile(starts[languages.indexOf(r.id.slice(0, 3))]! + r.score).meta.url,
    );
    assert.deepEqual(found.sort(), [...holders].sort());
  },
);

test(
  "Pagefind: a phrase of the archive's words matches consecutive positions exactly; a loose search returns every position; no fragment is kept or needed",
  { skip },
  async () => {
    server ??= await startServer(root);
    const page = await (await site.context()).newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}/search/`);
    const languages = manifest.shards.map((s) => s.name);
    const q = termPhrase('管委会', 'all');
    const phrase = await pagefindIn(page, languages, phraseQuery('管委会'), true);
    assert.ok(phrase.length >= 1);
    const loose = await pagefindIn(page, languages, q.words.join(' '), false);
    for (const hit of phrase) {
      const positions = loose.find((r) => r.id === hit.id)!.words.filter((p) => p >= TEXT_START);
      assert.ok(positions.length >= q.words.length, 'every position of every word');
      assert.ok(hit.words.length >= 1, 'a phrase result carries the positions of its first occurrence');
    }
    // A word no story holds finds nothing, and an exact phrase never prefix-matches.
    assert.deepEqual(await pagefindIn(page, languages, phraseQuery('管委会会'), true), []);
    assert.ok(!existsSync(join(root, 'pagefind', 'fragment')), 'the indexer drops the fragments');
    assert.deepEqual(
      requested.filter((path) => path.includes('fragment')),
      [],
      'searching fetches none',
    );
  },
);

test(
  'Pagefind: each copy of pagefind.js (pagefind.js?worker=k) starts a worker of its own, and their instances search their own shards side by side',
  { skip },
  async () => {
    server ??= await startServer(root);
    const page = await (await site.context()).newPage();
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto(`${server.url}/search/`);
    const languages = manifest.shards.map((s) => s.name);
    // The adapter's split (src/search/client/pagefind.ts): worker 0 holds shards 0 and 2, worker 1 shard 1.
    const found = await page.evaluate(
      async ({ groups, query }) => {
        const instances = await Promise.all(
          groups.map(async (languages, k) => {
            const module = await import(
              /* @vite-ignore */ `${location.origin}/pagefind/pagefind.js${k ? `?worker=${k}` : ''}`
            );
            document.documentElement.setAttribute('lang', languages[0]!);
            const pagefind = module.createInstance({ basePath: '/pagefind/' });
            document.documentElement.setAttribute('lang', 'zh-CN');
            await pagefind.init();
            for (const language of languages.slice(1))
              await pagefind.mergeIndex(new URL('/pagefind/', location.href).href, { language });
            return pagefind;
          }),
        );
        const answers = await Promise.all(
          instances.map(async (pagefind) =>
            (await pagefind.search(query, { sort: { rank: 'desc' } })).results.map((r: { id: string }) => r.id),
          ),
        );
        return answers as string[][];
      },
      { groups: [[languages[0]!, languages[2]!], [languages[1]!]], query: phraseQuery('区') },
    );
    assert.equal(
      workers.filter((url) => url.endsWith('/pagefind/pagefind-worker.js')).length,
      2,
      `two workers: ${workers.join()}`,
    );
    assert.deepEqual(found[0]!.map((id) => id.slice(0, 3)).sort(), ['qaa', 'qaa', 'qac', 'qac']);
    assert.deepEqual(
      found[1]!.map((id) => id.slice(0, 3)),
      ['qab', 'qab'],
    );
  },
);
