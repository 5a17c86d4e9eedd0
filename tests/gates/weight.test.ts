/** Weight gate: each story page's HTML + CSS fits one round trip, JS ≤ 2 KB, no web fonts. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { budgetProblems, measureWeight, type PageWeight } from '../../tooling/gates/weight.ts';
import { storyPages } from '../../tooling/gates/pages.ts';
import { DIST, useSite } from '../support/site.ts';

const site = useSite();

test('weight: every story page fits the budget', async () => {
  const stories = storyPages(DIST);
  assert.ok(stories.length > 0, `no story pages in ${DIST}`);
  const page = await (await site.context()).newPage();
  const weights: PageWeight[] = [];
  for (const story of stories) weights.push(await measureWeight(page, site.url(story.path)));
  const heaviest = weights.reduce((a, b) => (a.html + a.css >= b.html + b.css ? a : b));
  console.log(
    `# heaviest story page: ${new URL(heaviest.url).pathname} HTML ${heaviest.html} + CSS ${heaviest.css} bytes gzip, JS ${heaviest.js}`,
  );
  const problems = weights.flatMap(budgetProblems);
  assert.deepEqual(problems, [], problems.join('\n'));
});
