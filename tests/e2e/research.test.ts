/**
 * What a researcher takes away: each story's citation files, linked from 引用本文 and read back by
 * citation-js (the parser reference tools build on), and the archive as data (/data/).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { SITE_URL } from '../../astro.config.mjs';
import { readStoryFiles, type StoryFile } from '../support/stories.ts';
import { useSite } from '../support/site.ts';
import { SECTION_LABELS, type Section } from '../../src/lib/taxonomy.ts';
import { storyPath } from '../../src/lib/urls.ts';

const site = useSite();
const stories = readStoryFiles();

const authorsOf = (story: StoryFile): string[] =>
  (story.data.bylines ?? []).length > 0
    ? story.data.bylines!.map((b) => b.name)
    : (story.data.figures ?? []).flatMap((f) => (f.credit ? [f.credit.name] : []));
/** Year, month and, for a story dated to the day, the day: what the page gives. */
const dateParts = (story: StoryFile): number[] => {
  const d = new Date(story.data.date);
  const parts = [d.getUTCFullYear(), d.getUTCMonth() + 1];
  return story.data.datePrecision === 'day' ? [...parts, d.getUTCDate()] : parts;
};

test('引用本文 links RIS, BibTeX and CSL-JSON for every story; citation-js reads each as this newspaper article', async () => {
  const page = await (await site.context({ javaScriptEnabled: false })).newPage();
  for (const story of stories) {
    const { slug, headline, section } = story.data;
    await page.goto(site.url(storyPath(slug)));
    const links = await page
      .getByRole('region', { name: '引用本文' })
      .locator('.cite-downloads a')
      .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')] as [string, string]));
    assert.deepEqual(links.map(([label]) => label), ['RIS', 'BibTeX', 'CSL-JSON'], slug);
    const files: Record<string, string> = {};
    for (const [label, href] of links) {
      const response = await page.request.get(site.url(href));
      assert.equal(response.status(), 200, href);
      files[label] = await response.text();
    }
    const permalink = new URL(storyPath(slug), SITE_URL).href;

    const [ris] = new Cite(files.RIS).data;
    assert.equal(ris.type, 'article-newspaper', `${slug} RIS type`);
    assert.equal(ris.title, headline);
    assert.equal(ris['container-title'], '科学导报');
    // citation-js files RIS authors of a newspaper (AU) as its reporters; names stay whole.
    assert.deepEqual([ris.reporter ?? []].flat(), authorsOf(story));
    assert.equal(ris.section, SECTION_LABELS[section as Section]);
    assert.equal(ris.language, 'zh-CN');
    assert.equal(ris.URL, permalink);
    const da = /^DA {2}- (.*)$/m.exec(files.RIS!)?.[1];
    const [y, m, d] = dateParts(story);
    assert.equal(da, `${y}/${String(m).padStart(2, '0')}/${d ? String(d).padStart(2, '0') : ''}/`, `${slug}: no day the page does not give`);

    const [bib] = new Cite(files.BibTeX).data;
    assert.equal(bib.genre, 'newspaper', `${slug} BibTeX entrysubtype`);
    assert.equal(bib.id, slug);
    assert.equal(bib.title, headline);
    assert.equal(bib['container-title'], '科学导报');
    assert.deepEqual((bib.author ?? []).map((a: { family?: string; given?: string }) => [a.family, a.given]), authorsOf(story).map((name) => [name, undefined]));
    assert.deepEqual(bib.issued['date-parts'], [dateParts(story)]);
    assert.equal(bib.URL, permalink);

    const csl = JSON.parse(files['CSL-JSON']!);
    const [item] = new Cite(csl).data;
    assert.equal(item.type, 'article-newspaper');
    assert.equal(item.title, headline);
    assert.deepEqual((item.author ?? []).map((a: { literal?: string }) => a.literal), authorsOf(story));
    assert.deepEqual(item.issued['date-parts'], [dateParts(story)]);
    assert.equal(item.URL, permalink);
    if ((story.data as { headlineDerived?: boolean }).headlineDerived) assert.match(item.note, /原版未印标题/);
  }
  await page.context().close();
});
