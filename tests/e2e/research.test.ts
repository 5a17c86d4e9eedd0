/**
 * What a researcher takes away: each story's citation files, linked from 引用本文 and read back by
 * citation-js (the parser reference tools build on), and the archive as data (/data/).
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { SITE_URL } from '../../astro.config.mjs';
import { readStoryFiles, type StoryFile } from '../support/stories.ts';
import { DIST, useSite } from '../support/site.ts';
import { FEED_ITEMS } from '../../src/data/feed.ts';
import { DATA_FIELDS } from '../../src/lib/story-data.ts';
import { SECTION_LABELS, type Section } from '../../src/lib/taxonomy.ts';
import {
  aboutPath,
  dataManifestPath,
  dataPath,
  feedPath,
  searchManifestPath,
  storyDataPath,
  storyPath,
} from '../../src/lib/urls.ts';

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
    assert.deepEqual(
      links.map(([label]) => label),
      ['RIS', 'BibTeX', 'CSL-JSON'],
      slug,
    );
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
    assert.equal(
      da,
      `${y}/${String(m).padStart(2, '0')}/${d ? String(d).padStart(2, '0') : ''}/`,
      `${slug}: no day the page does not give`,
    );

    const [bib] = new Cite(files.BibTeX).data;
    assert.equal(bib.genre, 'newspaper', `${slug} BibTeX entrysubtype`);
    assert.equal(bib.id, slug);
    assert.equal(bib.title, headline);
    assert.equal(bib['container-title'], '科学导报');
    assert.deepEqual(
      (bib.author ?? []).map((a: { family?: string; given?: string }) => [a.family, a.given]),
      authorsOf(story).map((name) => [name, undefined]),
    );
    assert.deepEqual(bib.issued['date-parts'], [dateParts(story)]);
    assert.equal(bib.URL, permalink);

    const csl = JSON.parse(files['CSL-JSON']!);
    const [item] = new Cite(csl).data;
    assert.equal(item.type, 'article-newspaper');
    assert.equal(item.title, headline);
    assert.deepEqual(
      (item.author ?? []).map((a: { literal?: string }) => a.literal),
      authorsOf(story),
    );
    assert.deepEqual(item.issued['date-parts'], [dateParts(story)]);
    assert.equal(item.URL, permalink);
    if ((story.data as { headlineDerived?: boolean }).headlineDerived) assert.match(item.note, /原版未印标题/);
  }
  await page.context().close();
});

test('数据下载 (/data/), linked from /about/: files with their real sizes, the schema, and counts equal to pages, feed and search index', async () => {
  const page = await (await site.context({ javaScriptEnabled: false })).newPage();
  await page.goto(site.url(aboutPath()));
  assert.equal(await page.locator(`main a[href="${dataPath()}"]`).count(), 1, '/about/ links 数据下载');
  await page.locator(`main a[href="${dataPath()}"]`).click();
  await page.waitForURL(site.url(dataPath()));
  assert.equal(await page.locator('h1').innerText(), '数据下载');

  // The manifest, the page, the story pages, the feed and the search index count the same stories.
  const manifest = (await (await page.request.get(site.url(dataManifestPath()))).json()) as {
    stories: number;
    files: { path: string; stories: number; bytes: number }[];
  };
  const pages = readdirSync(join(DIST, 'stories'), { withFileTypes: true }).filter((e) => e.isDirectory()).length;
  const lexicon = (await (await page.request.get(site.url(searchManifestPath()))).json()) as {
    shards: { stories: number }[];
  };
  const feedItems = ((await (await page.request.get(site.url(feedPath()))).text()).match(/<item>/g) ?? []).length;
  assert.equal(manifest.stories, stories.length);
  assert.equal(pages, stories.length);
  assert.equal(
    lexicon.shards.reduce((sum, s) => sum + s.stories, 0),
    stories.length,
  );
  assert.equal(feedItems, Math.min(FEED_ITEMS, stories.length));
  assert.equal(await page.locator('[data-fact="data-stories"]').innerText(), String(stories.length));

  const rows = await page.locator('[data-testid="data-files"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      path: tr.querySelector('a')!.getAttribute('href')!,
      stories: Number(tr.querySelector('[data-stories]')!.getAttribute('data-stories')),
      bytes: Number(tr.querySelector('[data-bytes]')!.getAttribute('data-bytes')),
    })),
  );
  assert.deepEqual(rows, manifest.files, 'the page lists the files the build wrote, with their sizes');
  const seen = new Set<string>();
  for (const row of rows) {
    const body = await (await page.request.get(site.url(row.path))).body();
    assert.equal(body.length, row.bytes, `${row.path}: size shown is the file's`);
    const lines = body.toString('utf8').split('\n').filter(Boolean);
    assert.equal(lines.length, row.stories, row.path);
    for (const line of lines) {
      const record = JSON.parse(line);
      seen.add(record.slug);
      // A month file's line is the story's own JSON file.
      assert.equal(
        `${line}\n`,
        await (await page.request.get(site.url(storyDataPath(record.slug)))).text(),
        record.slug,
      );
    }
  }
  assert.deepEqual([...seen].sort(), stories.map((s) => s.data.slug).sort());

  for (const story of stories) {
    const record = await (await page.request.get(site.url(storyDataPath(story.data.slug)))).json();
    assert.equal(record.headline, story.data.headline);
    assert.equal(record.kicker, story.data.kicker);
    assert.deepEqual(
      record.paragraphs,
      story.body
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean),
      `${story.data.slug}: the text verbatim`,
    );
    assert.deepEqual(
      record.figures.map((f: { caption: string }) => f.caption),
      (story.data.figures ?? []).map((f) => f.caption),
    );
    const day = new Date(story.data.date).toISOString().slice(0, 10);
    assert.equal(
      record.date,
      story.data.datePrecision === 'day' ? day : day.slice(0, 7),
      `${story.data.slug}: no day the page does not give`,
    );
    assert.equal(record.derived.url, new URL(storyPath(story.data.slug), SITE_URL).href);
    assert.ok(record.derived.date, 'which parts of the date are derived');
  }
  const documented = await page.locator('[data-testid="data-fields"] tbody th code').allInnerTexts();
  assert.deepEqual(
    documented,
    DATA_FIELDS.map(([field]) => field),
  );
  await page.context().close();
});
