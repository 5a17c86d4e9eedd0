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
  place: { city: string; county?: string | undefined; province: string };
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
    author: input.authors.map((credit) => ({ '@type': isPerson(credit) ? 'Person' : 'Organization', name: credit.name })),
    publisher: { '@type': 'Organization', name: input.newspaper },
    articleSection: input.section,
    contentLocation: {
      '@type': 'Place',
      name: placeName,
      address: {
        '@type': 'PostalAddress',
        addressCountry: 'CN',
        addressRegion: input.place.province,
        addressLocality: input.place.city,
      },
    },
    url: input.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
  };
}

/** BreadcrumbList for the trail a page shows; items carry absolute URLs. */
export function breadcrumbList(items: readonly { name: string; url: string }[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.name, item: item.url })),
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped so text can never close the script. */
export function jsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
