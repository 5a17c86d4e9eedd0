/** schema.org data for search engines and link previews, as plain objects; pages serialise them with jsonLd(). */
import { isoDate, type DatePrecision } from './dates.ts';
import { isPerson, type Credit } from './credits.ts';

export interface NewsArticleInput {
  /** The story's canonical URL. */
  url: string;
  headline: string;
  kicker?: string | undefined;
  description: string;
  date: Date;
  precision: DatePrecision;
  authors: readonly Credit[];
  newspaper: string;
  /** Section as readers see it (开发区). */
  section: string;
  place: { city: string; county?: string | undefined };
}

/** NewsArticle for one story. A month-precision date stays a month (2025-10): the page gives no day. */
export function newsArticle(input: NewsArticleInput): Record<string, unknown> {
  const placeName = `${input.place.city}${input.place.county ?? ''}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: input.headline,
    ...(input.kicker && { alternativeHeadline: input.kicker }),
    description: input.description,
    inLanguage: 'zh-CN',
    datePublished: isoDate(input.date, input.precision),
    author: input.authors.map((credit) => ({
      '@type': isPerson(credit) ? 'Person' : 'Organization',
      name: credit.name,
    })),
    publisher: { '@type': 'Organization', name: input.newspaper },
    articleSection: input.section,
    // The place by name only, and no mainEntityOfPage (its @id would repeat url): the page's bytes
    // are within the weight budget's first round trip, and these said nothing the rest does not.
    contentLocation: { '@type': 'Place', name: placeName },
    url: input.url,
  };
}

/** BreadcrumbList for the trail a page shows; items carry absolute URLs. */
export function breadcrumbList(items: readonly { name: string; url: string }[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.name,
      item: item.url,
    })),
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped so text can never close the script. */
export function jsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export interface ReferenceMetaInput {
  headline: string;
  /** Names whole, as printed, in printed order: one citation_author each, never split into family and given name. */
  authors: readonly string[];
  date: Date;
  precision: DatePrecision;
  newspaper: string;
  /** Section as readers see it (开发区). */
  section: string;
}

/** One <meta>: `name` (Highwire, Dublin Core, PRISM) or `property` (Open Graph). */
export type MetaTag = { name: string; content: string } | { property: string; content: string };

/**
 * What reference managers read from a story's <head> to save it as a newspaper article: Zotero's
 * Embedded Metadata translator takes the item type from DC.type, the paper from DC.source (or
 * prism.publicationName, left out: every byte counts against the page's weight budget) and the section from article:section (the page's own Open Graph tag).
 * No citation_journal_title: it makes that translator save a journal article. A month-only date
 * stays a month (2025-10).
 */
export function referenceMeta(input: ReferenceMetaInput): MetaTag[] {
  const date = isoDate(input.date, input.precision);
  return [
    { name: 'DC.type', content: 'newspaperArticle' },
    { name: 'citation_title', content: input.headline },
    ...input.authors.map((name) => ({ name: 'citation_author', content: name })),
    { name: 'citation_date', content: date },
    { name: 'citation_language', content: 'zh-CN' },
    { name: 'DC.source', content: input.newspaper },
    { property: 'article:section', content: input.section },
  ];
}
