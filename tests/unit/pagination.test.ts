import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PAGE_SIZE, pageParam, pageWindow, pagedPaths, pagedTitle, paginate } from '../../src/lib/pagination.ts';
import { listingPagePath } from '../../src/lib/urls.ts';

test('listings are cut into pages of PAGE_SIZE, nothing lost or repeated', () => {
  const items = Array.from({ length: PAGE_SIZE * 2 + 3 }, (_, i) => i);
  const pages = paginate(items);
  assert.equal(pages.length, 3);
  assert.deepEqual(
    pages.flatMap((p) => p.items),
    items,
  );
  assert.deepEqual(
    pages.map((p) => [p.page, p.pageCount, p.total]),
    [
      [1, 3, 43],
      [2, 3, 43],
      [3, 3, 43],
    ],
  );
  assert.deepEqual(paginate([]), [{ items: [], page: 1, pageCount: 1, total: 0 }]);
});

test('page URLs: the first page is the listing itself', () => {
  assert.equal(listingPagePath('/sections/project/', 1), '/sections/project/');
  assert.equal(listingPagePath('/sections/project/', 3), '/sections/project/page/3/');
  assert.equal(listingPagePath('/', 2), '/page/2/');
  assert.equal(pageParam(1), undefined);
  assert.equal(pageParam(2), 'page/2');
});

test('static paths carry params, props and the page', () => {
  const paths = pagedPaths(
    Array.from({ length: PAGE_SIZE + 1 }, (_, i) => i),
    { section: 'project' },
    { label: '项目' },
  );
  assert.deepEqual(
    paths.map((p) => [p.params, p.props.label, p.props.listing.items.length]),
    [
      [{ section: 'project', page: undefined }, '项目', PAGE_SIZE],
      [{ section: 'project', page: 'page/2' }, '项目', 1],
    ],
  );
});

test('page numbers around the current page, gaps as null', () => {
  assert.deepEqual(pageWindow(1, 1), [1]);
  assert.deepEqual(pageWindow(1, 10), [1, 2, 3, null, 10]);
  assert.deepEqual(pageWindow(6, 10), [1, null, 4, 5, 6, 7, 8, null, 10]);
  assert.deepEqual(pageWindow(4, 5), [1, 2, 3, 4, 5]);
});

test('titles name the page after the first', () => {
  assert.equal(pagedTitle('栏目：项目', 1), '栏目：项目');
  assert.equal(pagedTitle('栏目：项目', 2), '栏目：项目（第2页）');
});
