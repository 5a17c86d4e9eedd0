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
export const searchPath = (query?: string): string =>
  query ? `/search/?q=${encodeURIComponent(query)}` : '/search/';

/** An absolute URL on the archive's configured site. */
export const absoluteUrl = (path: string, site: URL | string): string => new URL(path, site).href;
