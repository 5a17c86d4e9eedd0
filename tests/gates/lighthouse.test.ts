/** Lighthouse gate: home, a story and the search page score 1.0 for accessibility, best practices, SEO. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchForLighthouse, runLighthouse } from '../../tooling/gates/lighthouse.ts';
import { startServer, type RunningServer } from '../../tooling/server/serve.ts';
import { storyPages } from '../../tooling/gates/pages.ts';
import { DIST } from '../support/site.ts';

let server: RunningServer;
let chrome: Awaited<ReturnType<typeof launchForLighthouse>>;
before(async () => {
  server = await startServer(DIST);
  chrome = await launchForLighthouse();
});
after(async () => {
  chrome?.close();
  await server?.close();
});

const PAGES = { home: '/', story: storyPages(DIST)[0]?.path ?? '/stories/', search: '/search/' };

for (const [name, path] of Object.entries(PAGES)) {
  test(`lighthouse: ${name} (${path}) scores 1 for accessibility, best practices, SEO`, async () => {
    const { scores, failing } = await runLighthouse(`${server.url}${path}`, chrome.port, [
      'accessibility',
      'best-practices',
      'seo',
    ]);
    assert.deepEqual(scores, { accessibility: 1, 'best-practices': 1, seo: 1 }, failing.join('\n'));
  });
}
