/**
 * Built without SITE_URL, every address a reader can scan, copy or follow points to where
 * `npm start` serves the build (http://localhost:4321), never to an address that does not exist.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readStoryFiles } from '../support/stories.ts';
import { useSite } from '../support/site.ts';
import { DEFAULT_SITE_URL, PREVIEW_PORT } from '../../src/lib/site.ts';
import { aboutPath, feedPath, storyPath } from '../../src/lib/urls.ts';

const site = useSite();
const slug = readStoryFiles()[0]!.data.slug;
/** What the build was made for: SITE_URL when the run sets one (then these checks are about it). */
const expected = process.env.SITE_URL ?? 'http://localhost:4321';

test('without SITE_URL the build is addressed where npm start serves it', () => {
  assert.equal(DEFAULT_SITE_URL, `http://localhost:${PREVIEW_PORT}`);
  assert.equal(PREVIEW_PORT, 4321);
});

test('永久链接, citations, feeds and /about/ show only the build’s own address', async () => {
  const page = await (await site.context()).newPage();
  await page.goto(site.url(storyPath(slug)));
  const absolute = (text: string) => text.match(/https?:\/\/[^\s，。、）)<"]+/g) ?? [];
  const shown = [
    ...absolute(await page.locator('.story-source').innerText()),
    ...absolute(await page.locator('.story-cite').innerText()),
    ...(
      await page
        .locator('[data-permalink], [data-copy]')
        .evaluateAll((els) => els.flatMap((el) => Object.values((el as HTMLElement).dataset)))
    ).flatMap((value) => absolute(value ?? '')),
  ];
  const about = await (await site.context()).newPage();
  await about.goto(site.url(aboutPath()));
  shown.push(...absolute(await about.locator('main').innerText()));
  shown.push(
    ...absolute(await (await fetch(site.url(feedPath()))).text()).filter((url) => !/www\.w3\.org|purl\.org/.test(url)),
  );
  assert.ok(shown.length > 5, `addresses found: ${shown.join(' ')}`);
  for (const url of shown) assert.ok(url.startsWith(`${expected}/`), url);
  // Each of them, served here, is a page of the build.
  for (const url of new Set(shown)) {
    const response = await fetch(site.url(new URL(url).pathname));
    assert.equal(response.status, 200, url);
  }
});
