/**
 * Reads one built story page (dist/stories/<slug>/index.html) the way the search index needs it.
 *
 * Why the built HTML and not the Markdown files: the page is what readers see and what a result
 * link opens, so the indexed text is exactly the page's text (the same Markdown plugins, the same
 * caption ■ credit join, nothing re-implemented), and "one story page = one record" can be checked
 * by counting files. The story page marks what is searchable with data attributes:
 * `data-search-story` (+ date, precision, section, city, county) on the <article>, and
 * `data-search="kicker" | "headline" | "subhead" | "body" | "byline"` on the parts (captions and
 * body paragraphs are "body").
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment'];
type Element = DefaultTreeAdapterMap['element'];

export interface ExtractedStory {
  slug: string;
  /** YYYY-MM-DD */
  date: string;
  precision: 'day' | 'month';
  section: string;
  city: string;
  county?: string;
  kicker?: string;
  headline: string;
  subhead?: string;
  /** Captions and body paragraphs in page order, then the bylines' names; one per line. */
  body: string;
}

const ARTICLE = /<article\b[^>]*\bdata-search-story="/;

/** Slug and date of a story page without parsing it (for sorting a large archive cheaply). */
export function peekStory(html: string, file: string): { slug: string; date: string } {
  const tag = /<article\b[^>]*\bdata-search-story="[^>]*>/.exec(html)?.[0] ?? '';
  const slug = /\bdata-search-story="([^"]+)"/.exec(tag)?.[1];
  const date = /\bdata-search-date="(\d{4}-\d{2}-\d{2})"/.exec(tag)?.[1];
  if (!slug || !date) throw new Error(`${file}: no <article data-search-story data-search-date> to index`);
  return { slug: ownCopy(slug), date: ownCopy(date) };
}

/**
 * A string of its own: a regex match is a slice that keeps the whole page's HTML alive, and the
 * indexer keeps one slug and date per story (2.4 GB of pages held at 100,000 stories).
 */
const ownCopy = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

const isElement = (node: Node): node is Element => 'tagName' in node;
const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;
const BLOCKS = new Set(['p', 'div', 'figcaption', 'li', 'br', 'h1', 'h2', 'h3', 'blockquote']);

/** Text of a node, blocks on their own lines. */
function textOf(node: Node): string {
  if ('value' in node && node.nodeName === '#text') return node.value;
  if (!('childNodes' in node)) return '';
  const inner = node.childNodes.map(textOf).join('');
  return isElement(node) && BLOCKS.has(node.tagName) ? `\n${inner}\n` : inner;
}

const clean = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');

export function extractStory(html: string, file: string): ExtractedStory {
  const start = html.search(ARTICLE);
  const end = html.indexOf('</article>', start);
  if (start < 0 || end < 0) throw new Error(`${file}: no <article data-search-story> to index`);
  const fragment = parseFragment(html.slice(start, end + '</article>'.length));
  const article = fragment.childNodes.find(isElement);
  if (!article) throw new Error(`${file}: could not parse the story article`);
  const parts: Record<string, string[]> = { kicker: [], headline: [], subhead: [], body: [], byline: [] };
  const walk = (node: Node): void => {
    if (isElement(node)) {
      const role = attr(node, 'data-search');
      if (role) {
        if (!(role in parts)) throw new Error(`${file}: unknown data-search="${role}"`);
        parts[role]!.push(clean(textOf(node)));
        return;
      }
    }
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(article);
  const need = (name: string): string => {
    const value = attr(article, `data-search-${name}`);
    if (!value) throw new Error(`${file}: <article> lacks data-search-${name}`);
    return value;
  };
  const headline = parts.headline!.join('\n');
  if (!headline) throw new Error(`${file}: no data-search="headline" text`);
  const precision = need('precision');
  if (precision !== 'day' && precision !== 'month') throw new Error(`${file}: bad data-search-precision "${precision}"`);
  const kicker = parts.kicker!.join('\n');
  const subhead = parts.subhead!.join('\n');
  const county = attr(article, 'data-search-county');
  return {
    slug: need('story'),
    date: need('date'),
    precision,
    section: need('section'),
    city: need('city'),
    ...(county ? { county } : {}),
    ...(kicker ? { kicker } : {}),
    headline,
    ...(subhead ? { subhead } : {}),
    // Bylines last, as a paper prints them after the text: excerpts then open on the story itself.
    body: [...parts.body!, ...parts.byline!].filter(Boolean).join('\n'),
  };
}
