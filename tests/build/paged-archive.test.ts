/** A larger archive: listings are paged and every story is on exactly one page of each listing. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeSyntheticArchive } from '../../scripts/bench/synthetic.ts';
import { PAGE_SIZE } from '../../src/lib/pagination.ts';
import { listingPagePath, sectionPath, storyPath } from '../../src/lib/urls.ts';
import { buildWithStories } from '../support/build.ts';

const SYNTHETIC = 2 * PAGE_SIZE + 5;

/** Story links of a listing page: the headline link of each card. */
function storyLinks(html: string): string[] {
  return [...html.matchAll(/<h2[^>]*>\s*<a href="(\/stories\/[^"]+)"/g)].map((m) => m[1]!);
}

/** Every page of a listing, following its pages until one does not exist. */
function listingStories(dist: string, firstPage: string): { pages: number; links: string[] } {
  const links: string[] = [];
  let page = 1;
  for (; ; page++) {
    const file = join(dist, listingPagePath(firstPage, page), 'index.html');
    if (!existsSync(file)) break;
    links.push(...storyLinks(readFileSync(file, 'utf8')));
  }
  return { pages: page - 1, links };
}

test(`home and section listings of ${SYNTHETIC + 6} stories are paged, none dropped or repeated`, () => {
  let slugs: string[] = [];
  const { status, output } = buildWithStories(
    (dir) => {
      slugs = writeSyntheticArchive(dir, SYNTHETIC).map((s) => s.slug);
    },
    (dist) => {
      const home = listingStories(dist, '/');
      assert.equal(home.pages, 3);
      assert.equal(storyLinks(readFileSync(join(dist, 'index.html'), 'utf8')).length, PAGE_SIZE);
      assert.equal(home.links.length, SYNTHETIC + 6);
      assert.equal(new Set(home.links).size, home.links.length, 'no story twice');
      for (const slug of slugs) assert.ok(home.links.includes(storyPath(slug)), `${slug} on a home page`);
      const homePage2 = readFileSync(join(dist, 'page/2/index.html'), 'utf8');
      assert.match(homePage2, /<nav aria-label="分页"/);
      assert.match(homePage2, /<title>最新稿件（第2页）/);
      const bySection = ['development-zone', 'project', 'meeting'].map((s) =>
        listingStories(dist, sectionPath(s as 'project')),
      );
      assert.equal(
        bySection.reduce((sum, s) => sum + s.links.length, 0),
        SYNTHETIC + 6,
        'sections partition the archive',
      );
      assert.ok(existsSync(join(dist, 'sitemap-index.xml')));
    },
  );
  assert.equal(status, 0, output);
});
