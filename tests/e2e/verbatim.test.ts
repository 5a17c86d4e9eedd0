/** Every line of the kept source page stands verbatim on its story's page in the built site. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSourceLines, readStoryFiles } from '../support/stories.ts';
import { useSite } from '../support/site.ts';
import { sourcePath, sourceLineId, storyPath } from '../../src/lib/urls.ts';

const site = useSite();
const stories = readStoryFiles();

test('the stories together cover every non-empty line of the source page', () => {
  const files = new Set(stories.map((s) => s.data.source.file));
  for (const file of files) {
    const lines = readSourceLines(file);
    const covered = new Set<number>();
    for (const story of stories.filter((s) => s.data.source.file === file)) {
      const [first, last] = story.data.source.lines;
      for (let n = first; n <= last; n++) covered.add(n);
    }
    const missing = lines
      .map((line, i) => ({ line, n: i + 1 }))
      .filter(({ line, n }) => line.trim() !== '' && !covered.has(n));
    assert.deepEqual(missing, [], `${file}: lines not assigned to any story`);
  }
});

for (const story of stories) {
  test(`${story.file}: each of its source lines appears verbatim on ${storyPath(story.data.slug)}`, async () => {
    const context = await site.context();
    const page = await context.newPage();
    const response = await page.goto(site.url(storyPath(story.data.slug)));
    assert.equal(response?.status(), 200);
    const text = await page.locator('article.story').innerText();
    const [first, last] = story.data.source.lines;
    const lines = readSourceLines(story.data.source.file).slice(first - 1, last);
    const absent = lines.filter((line) => line.trim() !== '' && !text.includes(line));
    assert.deepEqual(absent, [], 'lines missing from the page');
    await context.close();
  });
}

for (const file of new Set(stories.map((s) => s.data.source.file))) {
  test(`${file}: every line stands verbatim, in order, on ${sourcePath(file)}`, async () => {
    const context = await site.context();
    const page = await context.newPage();
    const response = await page.goto(site.url(sourcePath(file)));
    assert.equal(response?.status(), 200);
    const lines = readSourceLines(file);
    const shown = await page
      .locator('[data-testid="source-text"] li[id]')
      .evaluateAll((lis) => lis.map((li) => ({ id: li.id, text: li.querySelector('[data-line]')!.textContent })));
    assert.deepEqual(
      shown,
      lines.map((text, i) => ({ id: sourceLineId(i + 1), text })),
    );
    // What a reader sees (and copies) holds each non-empty line too, not only the DOM.
    const seen = await page.locator('[data-testid="source-text"]').innerText();
    assert.deepEqual(
      lines.filter((line) => line.trim() !== '' && !seen.includes(line)),
      [],
      'lines missing from what the page shows',
    );
    await context.close();
  });
}
