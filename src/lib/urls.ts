/** Every URL of the archive is built here; pages, feeds, tests and the search index call these. */
import type { Section } from './taxonomy.ts';

/** The home page. */
export const homePath = (): string => '/';

/** A story's permanent address, from its frontmatter slug. */
export const storyPath = (slug: string): string => `/stories/${slug}/`;

/** A section listing. */
export const sectionPath = (section: Section): string => `/sections/${section}/`;

/** A city listing, or a county listing under its city. */
export const placePath = (citySlug: string, countySlug?: string): string =>
  countySlug ? `/places/${citySlug}/${countySlug}/` : `/places/${citySlug}/`;

/** The search page, optionally opened with a query. */
export const searchPath = (query?: string): string => (query ? `/search/?q=${encodeURIComponent(query)}` : '/search/');

/** The search page limited to one month of the date archive (from and to that month). */
export const monthSearchPath = (year: number, month: number): string => {
  const bound = `${year}-${monthSegment(month)}`;
  return `/search/?from=${bound}&to=${bound}`;
};

/** Page `page` of a listing whose first page is `firstPage` (a path ending in /): page 2 is `firstPage`page/2/. */
export const listingPagePath = (firstPage: string, page: number): string =>
  page === 1 ? firstPage : `${firstPage}page/${page}/`;

/** An absolute URL on the archive's configured site. */
export const absoluteUrl = (path: string, site: URL | string): string => new URL(path, site).href;

/** The date archive: every year and month with stories. */
export const archivePath = (): string => '/archive/';

/** A year of the date archive, e.g. /archive/2025/. */
export const archiveYearPath = (year: number): string => `/archive/${year}/`;

/** A month's URL segment: two digits (09), so months sort as text. */
export const monthSegment = (month: number): string => String(month).padStart(2, '0');

/** A month of the date archive, e.g. /archive/2025/10/. */
export const archiveMonthPath = (year: number, month: number): string => `/archive/${year}/${monthSegment(month)}/`;

/** The RSS feed of every story. */
export const feedPath = (): string => '/rss.xml';

/** The RSS feed of one section, beside its listing. */
export const sectionFeedPath = (section: Section): string => `${sectionPath(section)}rss.xml`;

/** The sitemap index written by @astrojs/sitemap. */
export const sitemapPath = (): string => '/sitemap-index.xml';

/** Id of the n-th (1-based) paragraph of a story body; stable because the text is verbatim. */
export const paragraphId = (n: number): string => `p${n}`;

/** Link to one paragraph of a story. */
export const paragraphPath = (slug: string, n: number): string => `${storyPath(slug)}#${paragraphId(n)}`;

/**
 * Part `part` (1, 2, …) of a story's text for search excerpts (gzip text), written by the search
 * indexer: `textId` is the story's slug and a hash of its text, so a changed text gets new names.
 */
export const searchTextPartPath = (textId: string, part: number): string => `/excerpts/${textId}.${part}.txt.gz`;

/** The search index's manifest (src/search/core/lexicon.ts): revalidated, it names the build's folder. */
export const searchManifestPath = (): string => '/lexicon.json';

/** The 繁體 = 简体 fold table of build `id` (gzip text, src/search/core/fold-table.ts). */
export const searchFoldTablePath = (id: string): string => `/lexicon-files/${id}/fold.bin`;

/** Bucket `n` of the lexicon of build `id` (gzip JSON). */
export const lexiconBucketPath = (id: string, n: number): string => `/lexicon-files/${id}/b/${n}.bin`;

/** The filter values (facets) of the stories of Pagefind shard `shard`, in the shard's order, of build `id` (gzip JSON). */
export const searchFacetsPath = (id: string, shard: number): string => `/lexicon-files/${id}/f/${shard}.bin`;

/** The stories' dates, for a search limited to a date range (src/search/core/date-range.ts DateRuns). */
export const searchDatesPath = (id: string): string => `/lexicon-files/${id}/dates.bin`;

/** What a result shows for story number `story` (archive order) of build `id` (gzip JSON). */
export const searchStoryPath = (id: string, story: number): string => `/lexicon-files/${id}/s/${story}.bin`;

/** Index of every section, with story counts. */
export const sectionsIndexPath = (): string => '/sections/';

/** Index of every place (cities and their counties), with story counts. */
export const placesIndexPath = (): string => '/places/';

/** 关于本档案: what the archive holds, its editorial rules, how to cite and subscribe. */
export const aboutPath = (): string => '/about/';

/** A kept source page as received, e.g. /sources/000_d8543457e77b1294/ for content/source/000_d8543457e77b1294.txt. */
export const sourcePath = (file: string): string => `/sources/${file.replace(/\.txt$/, '')}/`;

/** Id of line `n` (1-based) of a source page. */
export const sourceLineId = (n: number): string => `L${n}`;

/** Link to lines of a source page: the first line's anchor (`#L12`). */
export const sourceLinesPath = (file: string, first: number): string => `${sourcePath(file)}#${sourceLineId(first)}`;

/** A story's QR code (SVG) of its permanent link, for 分享. */
export const storyQrPath = (slug: string): string => `${storyPath(slug)}qr.svg`;

/** A story's citation for reference managers, beside its page: RIS (/stories/<slug>.ris). */
export const storyRisPath = (slug: string): string => `/stories/${slug}.ris`;

/** A story's citation as BibTeX (biblatex newspaper article). */
export const storyBibtexPath = (slug: string): string => `/stories/${slug}.bib`;

/** A story's citation as CSL-JSON (a list of one item). */
export const storyCslJsonPath = (slug: string): string => `/stories/${slug}.csl.json`;

/** 数据下载: the archive as data files, their schema, provenance and sizes. */
export const dataPath = (): string => '/data/';

/** One story as JSON (src/lib/story-data.ts). */
export const storyDataPath = (slug: string): string => `/data/stories/${slug}.json`;

/** The stories filed under one month, as JSON Lines (one story a line): a file stays small however large the archive grows. */
export const monthDataPath = (year: number, month: number): string =>
  `/data/archive/${year}-${monthSegment(month)}.jsonl`;

/** What the build wrote under /data/: every file with its story count and bytes (src/integrations/archive-data.ts). */
export const dataManifestPath = (): string => '/data/index.json';

/** The slug of a story page's path (with or without the leading slash, as Astro lists built pages); undefined for any other path. */
export const storySlugOfPath = (path: string): string | undefined => /^\/?stories\/([^/]+)\/$/.exec(path)?.[1];

/** The stylesheet a browser applies to the RSS feeds (public/rss.css), named in their <?xml-stylesheet?>. */
export const feedStylesheetPath = (): string => '/rss.css';
