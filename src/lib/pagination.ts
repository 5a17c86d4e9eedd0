/** Listings are cut into pages so they stay small however large the archive grows. */
import { cacheKeyOf } from './cache-key.ts';

/** Stories per listing page. */
export const PAGE_SIZE = 20;

export interface ListingPage<T> {
  items: T[];
  /** 1-based. */
  page: number;
  pageCount: number;
  /** Items in the whole listing. */
  total: number;
}

/** Cuts `items` into pages; an empty listing still has one (empty) page. */
export function paginate<T>(items: readonly T[], pageSize = PAGE_SIZE): ListingPage<T>[] {
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: pageCount }, (_, i) => ({
    items: items.slice(i * pageSize, (i + 1) * pageSize),
    page: i + 1,
    pageCount,
    total: items.length,
  }));
}

/** The `[...page]` route parameter of a page: none for page 1, `page/N` after. */
export const pageParam = (page: number): string | undefined => (page === 1 ? undefined : `page/${page}`);

/**
 * Page numbers to offer around the current one: first, last, and two either side,
 * with null where numbers are skipped (shown as …).
 */
export function pageWindow(page: number, pageCount: number, radius = 2): (number | null)[] {
  const shown: (number | null)[] = [];
  for (let n = 1; n <= pageCount; n++) {
    if (n === 1 || n === pageCount || Math.abs(n - page) <= radius) shown.push(n);
    else if (shown.at(-1) !== null) shown.push(null);
  }
  return shown;
}

/** Which page of how many, under a listing's title: 第2/3页; none for a listing of one page. */
export const pageNote = (page: number, pageCount: number): string | undefined =>
  pageCount > 1 ? `第${page}/${pageCount}页` : undefined;

/** A listing's page title: the title, plus the page number after page 1. */
export const pagedTitle = (title: string, page: number): string => (page === 1 ? title : `${title}（第${page}页）`);

/**
 * getStaticPaths entries for every page of a listing under `params`, each with its page and
 * `props`, and a cache key of what it shows (./cache-key.ts): a page whose stories, numbers and
 * props are unchanged is not rendered again.
 */
export function pagedPaths<P extends Record<string, string>, X extends object, T>(
  items: readonly T[],
  params: P,
  props: X,
): { params: P & { page: string | undefined }; props: X & { listing: ListingPage<T> }; cacheKey: string }[] {
  // Hashed once for the listing's pages: props may hold every story of the listing.
  const shared = cacheKeyOf(params, props);
  return paginate(items).map((listing) => ({
    params: { ...params, page: pageParam(listing.page) },
    props: { ...props, listing },
    cacheKey: cacheKeyOf(shared, listing),
  }));
}
