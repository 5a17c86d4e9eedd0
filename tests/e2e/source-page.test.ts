/** /sources/<file>/: the printed page as received, its stories in page order, every line numbered and linkable; each story's 来源 links there. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSourceLines, readStoryFiles } from '../support/stories.ts';
import { useSite } from '../support/site.ts';
import { sourceLineId, sourceLinesPath, sourcePath, storyPath } from '../../src/lib/urls.ts';

const site = useSite();
const stories = readStoryFiles();
const files = [...new Set(stories.map((s) => s.data.source.file))];

for (const file of files) {
  const onPage = stories
    .filter((s) => s.data.source.file === file)
    .sort((a, b) => a.data.source.lines[0] - b.data.source.lines[0]);

  test(`${sourcePath(file)} lists its stories in page order, each linked to its story and its lines`, async () => {
    const page = await (await site.context()).newPage();
    const response = await page.goto(site.url(sourcePath(file)));
    assert.equal(response?.status(), 200);
    const items = await page
      .locator('[data-testid="source-items"] > li')
      .evaluateAll((lis) => lis.map((li) => [...li.querySelectorAll('a')].map((a) => a.getAttribute('href'))));
    assert.deepEqual(
      items,
      onPage.map((s) => [storyPath(s.data.slug), sourceLinesPath(file, s.data.source.lines[0])]),
    );
  });

  test(`${sourcePath(file)} is named by its newspaper, date as far as known and 版次, never by its file`, async () => {
    const page = await (await site.context()).newPage();
    await page.goto(site.url(sourcePath(file)));
    const hash = file.replace(/\.txt$/, '');
    const name = '原版文字：《科学导报》2025年10月（推定），版次不详';
    assert.equal(await page.locator('h1').innerText(), name);
    assert.equal(await page.title(), `${name} - 科学导报新闻档案`);
    const crumb = await page.getByRole('navigation', { name: '面包屑' }).innerText();
    assert.ok(crumb.includes(name) && !crumb.includes(hash), crumb);
    assert.match(await page.locator('[data-testid="source-date-note"]').innerText(), /推定/);
    const about = await (await site.context()).newPage();
    await about.goto(site.url('/about/'));
    const holdings = await about.locator('[data-testid="about-holdings"]').innerText();
    assert.ok(holdings.includes('《科学导报》2025年10月（推定），版次不详') && !holdings.includes(hash), holdings);
  });

  test(`${sourcePath(file)} numbers every line with its own id and link, and groups each story's lines under a heading linked to it`, async () => {
    const page = await (await site.context()).newPage();
    await page.goto(site.url(sourcePath(file)));
    const lines = readSourceLines(file);
    const shown = await page.locator('[data-testid="source-text"] li[id]').evaluateAll((lis) =>
      lis.map((li) => ({
        id: li.id,
        href: li.querySelector('a')!.getAttribute('href'),
        number: li.querySelector('a')!.textContent!.trim(),
      })),
    );
    assert.deepEqual(
      shown,
      lines.map((_, i) => ({ id: sourceLineId(i + 1), href: `#${sourceLineId(i + 1)}`, number: String(i + 1) })),
    );
    for (const story of onPage) {
      const [first, last] = story.data.source.lines;
      const group = page.locator(`[data-story="${story.data.slug}"]`);
      assert.equal(await group.locator('h3 a').getAttribute('href'), storyPath(story.data.slug));
      assert.equal(await group.locator('h3 a').innerText(), story.data.headline);
      const ids = await group.locator('li[id]').evaluateAll((lis) => lis.map((li) => li.id));
      assert.deepEqual(
        ids,
        Array.from({ length: last - first + 1 }, (_, i) => sourceLineId(first + i)),
        `${story.data.slug}: its lines, no more`,
      );
      // The group is marked apart from the lines between stories.
      const border = await group.evaluate((el) => getComputedStyle(el).borderLeftWidth);
      assert.notEqual(border, '0px');
    }
    // Line numbers stay out of a copied selection, so a copy is the page's text.
    const select = await page.locator(`a[href="#${sourceLineId(1)}"]`).evaluate((a) => getComputedStyle(a).userSelect);
    assert.equal(select, 'none');
  });

  for (const story of onPage) {
    test(`${storyPath(story.data.slug)}: 来源 links to its lines on the source page, which is marked on arrival`, async () => {
      const page = await (await site.context({ viewport: { width: 375, height: 812 } })).newPage();
      await page.goto(site.url(storyPath(story.data.slug)));
      const [first] = story.data.source.lines;
      const link = page.locator('.story-source a', { hasText: '原版文字' });
      assert.equal(await link.getAttribute('href'), sourceLinesPath(file, first));
      await link.click();
      await page.waitForURL(`**${sourceLinesPath(file, first)}`);
      const target = page.locator(`#${sourceLineId(first)}`);
      const background = await target.evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'the linked line is highlighted');
      assert.ok(await target.isVisible());
      const box = (await target.boundingBox())!;
      assert.ok(box.y >= 0 && box.y < 812, `line ${first} scrolled into view (y = ${box.y})`);
    });
  }
}
