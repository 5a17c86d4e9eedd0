/** /sections/ and /places/: every section and place with its story count, linked to its listing, and reached from the header and from listings. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readStoryFiles } from '../support/stories.ts';
import { useSite } from '../support/site.ts';
import { CITIES } from '../../src/lib/places.ts';
import { SECTIONS, SECTION_LABELS } from '../../src/lib/taxonomy.ts';
import { homePath, placePath, placesIndexPath, sectionPath, sectionsIndexPath, storyPath } from '../../src/lib/urls.ts';

const site = useSite();
const stories = readStoryFiles();
const count = (keep: (s: (typeof stories)[number]) => boolean): number => stories.filter(keep).length;

/** Links under `selector` with the count (data-count) shown next to each. */
async function linksWithCounts(page: import('playwright-core').Page, selector: string) {
  return page.locator(selector).evaluateAll((items) =>
    items.map((item) => ({
      href: item.querySelector('a')!.getAttribute('href'),
      text: item.querySelector('a')!.textContent!.trim(),
      count: Number(item.querySelector('[data-count]')!.getAttribute('data-count')),
      shown: item.querySelector('[data-count]')!.textContent!.trim(),
    })),
  );
}

test('/sections/ lists every section with its story count, linked to its listing', async () => {
  const page = await (await site.context()).newPage();
  const response = await page.goto(site.url(sectionsIndexPath()));
  assert.equal(response?.status(), 200);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), '栏目');
  assert.match(await page.locator('main').innerText(), new RegExp(`共${stories.length}篇`));
  const found = await linksWithCounts(page, '[data-testid="section-index"] > li');
  assert.deepEqual(
    found.map(({ href, text, count }) => ({ href, text, count })),
    SECTIONS.map((section) => ({
      href: sectionPath(section),
      text: SECTION_LABELS[section],
      count: count((s) => s.data.section === section),
    })),
  );
  for (const item of found) assert.equal(item.shown, `${item.count}篇`);
  for (const item of found) {
    assert.equal((await page.goto(site.url(item.href!)))?.status(), 200, item.href!);
    assert.match(await page.locator('main header').first().innerText(), new RegExp(`共${item.count}篇`));
  }
});

test('/places/ lists every city with stories, and under it its counties with stories, each with its count', async () => {
  const page = await (await site.context()).newPage();
  const response = await page.goto(site.url(placesIndexPath()));
  assert.equal(response?.status(), 200);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), '地区');
  const cities = await linksWithCounts(page, '[data-testid="place-index"] > li > p');
  const expectedCities = CITIES.filter((city) => stories.some((s) => s.data.place.city === city.name));
  assert.deepEqual(
    cities.map(({ href, text, count }) => ({ href, text, count })),
    expectedCities.map((city) => ({
      href: placePath(city.slug),
      text: city.name,
      count: count((s) => s.data.place.city === city.name),
    })),
  );
  const counties = await linksWithCounts(page, '[data-testid="place-index"] li li');
  const expectedCounties = expectedCities.flatMap((city) =>
    city.counties
      .filter((county) => stories.some((s) => s.data.place.county === county.name))
      .map((county) => ({
        href: placePath(city.slug, county.slug),
        text: county.name,
        count: count((s) => s.data.place.city === city.name && s.data.place.county === county.name),
      })),
  );
  assert.deepEqual(
    counties.map(({ href, text, count }) => ({ href, text, count })),
    expectedCounties,
  );
  // One way of writing a count on the page, for cities and counties alike: （6篇）.
  assert.deepEqual(
    [...cities, ...counties].map((item) => item.shown),
    [...cities, ...counties].map((item) => `（${item.count}篇）`),
  );
  for (const item of [...cities, ...counties]) {
    assert.equal((await page.goto(site.url(item.href!)))?.status(), 200, item.href!);
    const listed = await page
      .locator('main a[href^="/stories/"]')
      .evaluateAll((as) => new Set(as.map((a) => a.getAttribute('href'))).size);
    assert.equal(listed, item.count, `${item.href} lists ${item.count} stories`);
  }
});

test('the header leads to /places/ (地区) on every kind of page', async () => {
  const page = await (await site.context()).newPage();
  for (const path of [homePath(), storyPath(stories[0]!.data.slug), sectionsIndexPath()]) {
    await page.goto(site.url(path));
    const link = page.getByRole('navigation', { name: '浏览' }).getByRole('link', { name: '地区', exact: true });
    assert.equal(await link.getAttribute('href'), placesIndexPath(), path);
  }
  await page.getByRole('navigation', { name: '浏览' }).getByRole('link', { name: '地区', exact: true }).click();
  assert.equal(new URL(page.url()).pathname, placesIndexPath());
});

/** The breadcrumb links of a page: text and href. */
async function crumbs(page: import('playwright-core').Page) {
  return page
    .getByRole('navigation', { name: '面包屑' })
    .locator('a')
    .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
}

test('section, city and county listings lead up to their index through breadcrumbs', async () => {
  const page = await (await site.context()).newPage();
  for (const section of SECTIONS.filter((section) => stories.some((s) => s.data.section === section))) {
    await page.goto(site.url(sectionPath(section)));
    assert.deepEqual(await crumbs(page), [
      ['首页', homePath()],
      ['栏目', sectionsIndexPath()],
      [SECTION_LABELS[section], sectionPath(section)],
    ]);
  }
  const county = stories.find((s) => s.data.place.county)!;
  const city = CITIES.find((c) => c.name === county.data.place.city)!;
  const countySlug = city.counties.find((c) => c.name === county.data.place.county)!.slug;
  await page.goto(site.url(placePath(city.slug)));
  assert.deepEqual(await crumbs(page), [
    ['首页', homePath()],
    ['地区', placesIndexPath()],
    [city.name, placePath(city.slug)],
  ]);
  await page.goto(site.url(placePath(city.slug, countySlug)));
  assert.deepEqual(await crumbs(page), [
    ['首页', homePath()],
    ['地区', placesIndexPath()],
    [city.name, placePath(city.slug)],
    [county.data.place.county, placePath(city.slug, countySlug)],
  ]);
});
