/**
 * Typed spaces between Chinese and digits or Latin letters in interface text ("共 6 篇"): the
 * stylesheet draws that gap (text-autospace), so a typed space doubles it, or shows where the CSS
 * draws none. Story text is verbatim and keeps the spaces the paper printed ("科学导报讯 10月2日").
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';

/** Han, or CJK and full-width punctuation (（较早） 2025年: a typed space there is no better). */
const CJK = String.raw`[\p{Script=Han}\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]`;
const LATIN_OR_DIGIT = '[0-9A-Za-z]';
/** Ordinary and no-break spaces and line breaks (a line break in the source renders as a space). */
const SPACE = String.raw`[ \t\n\r\u00a0]+`;
// The second character is looked ahead at, so that 共 6 篇 counts both spaces.
const TYPED_SPACE = new RegExp(`${CJK}${SPACE}(?=${LATIN_OR_DIGIT})|${LATIN_OR_DIGIT}${SPACE}(?=${CJK})`, 'gu');

/** Each typed space in `text`, shown with a few characters either side. */
export function typedSpaces(text: string): string[] {
  return [...text.matchAll(TYPED_SPACE)].map((m) =>
    text.slice(Math.max(0, m.index - 8), m.index + m[0].length + 9).replace(/\s+/g, ' '),
  );
}

/** What the paper printed, quoted outside the story page's own verbatim elements. */
export interface StoryText {
  /** Kickers, headlines and subheads, exactly as printed: cards, breadcrumbs, 上一篇/下一篇, 相关稿件. */
  heads: ReadonlySet<string>;
  /** Each story's printed text run together: a card's opening is a cut of it, ended with …. */
  bodies: readonly string[];
}

/*
 * Left out of the scan, each because it is not interface text or has its own spacing rules:
 * - <head> (its <title> and descriptions repeat the <h1> and the story's opening), <script> (JSON-LD
 *   and code), <style>, <template> (the search page's result template holds a sample story; its
 *   labels are the cards' own, scanned on every listing). The search index is not HTML, so never read.
 * - Story text, verbatim: the story body's paragraphs (.story-body), captions and credits
 *   (<figcaption>), kicker, headline and byline on the story page (.story-kicker, .story-headline,
 *   .byline), the source page's extract lines (.source-lines), and the story text an editor's note
 *   quotes (<q>: the site uses it for nothing else). The editor's notes themselves are the archive's
 *   words, so they are scanned.
 * - Story text quoted elsewhere (see StoryText): a text node that is exactly a kicker, headline or
 *   subhead, or one of 20 characters or more found in a story's text (a card's opening).
 * - Code (<code>, <kbd>, <samp>, <pre>: file and field names, addresses as typed) and URLs in text.
 * - Citations (#citation, the GB/T 7714 strings #cite-gbt-print and #cite-gbt-online, and the
 *   example on /about/): citation formats set their own spacing ("王瑞瑞. [题名][N]. 科学导报").
 * A left-out element still counts as its first and last characters, so a typed space just outside
 * it is found ("文件 <code>000.txt</code>").
 */
const SKIPPED = new Set(['head', 'script', 'style', 'template']);
const OPAQUE_TAGS = new Set(['figcaption', 'q', 'code', 'kbd', 'samp', 'pre']);
const OPAQUE_CLASSES = ['story-body', 'story-kicker', 'story-headline', 'byline', 'source-lines'];
const OPAQUE_IDS = new Set(['citation', 'cite-gbt-print', 'cite-gbt-online']);
const OPAQUE_TEST_IDS = new Set(['about-citation']);
/** Elements that end a line of text: their text never runs into their neighbours'. */
const BLOCKS = new Set(
  'address article aside blockquote body br caption dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
/** Attributes whose text a reader meets (spoken, or shown on hover or in an empty box). */
const ATTRIBUTES = ['ariaLabel', 'title', 'alt', 'placeholder'] as const;
const URL_IN_TEXT = /https?:\/\/[^\s<>"“”（）]+/g;
const QUOTE_MIN = 20;

const textOf = (node: Nodes): string =>
  'value' in node && node.type === 'text' ? node.value : 'children' in node ? node.children.map(textOf).join('') : '';

/** First and last character with a stand-in between: still next to whatever is typed beside it. */
const standIn = (text: string): string => {
  const chars = Array.from(text.trim());
  return chars.length === 0 ? '' : `${chars[0]}\ufffc${chars.at(-1)}`;
};

function opaque(element: Element): boolean {
  const { className, id, dataTestid } = element.properties;
  const classes = Array.isArray(className) ? className.map(String) : [];
  return (
    OPAQUE_TAGS.has(element.tagName) ||
    OPAQUE_CLASSES.some((name) => classes.includes(name)) ||
    OPAQUE_IDS.has(String(id)) ||
    OPAQUE_TEST_IDS.has(String(dataTestid))
  );
}

function quotesStory(text: string, story: StoryText): boolean {
  const trimmed = text.trim().replace(/…$/, '');
  if (story.heads.has(trimmed)) return true;
  return Array.from(trimmed).length >= QUOTE_MIN && story.bodies.some((body) => body.includes(trimmed));
}

/** The interface text of a page, one string per line of text (see above for what is left out). */
export function interfaceText(html: string, story: StoryText): string[] {
  const lines: string[] = [];
  let line = '';
  const end = () => {
    if (line.trim()) lines.push(line);
    line = '';
  };
  const walk = (node: Nodes): void => {
    if (node.type === 'text') {
      line += quotesStory(node.value, story) ? standIn(node.value) : node.value.replace(URL_IN_TEXT, standIn);
      return;
    }
    if (node.type === 'element') {
      if (SKIPPED.has(node.tagName)) return;
      for (const name of ATTRIBUTES) {
        const value = node.properties[name];
        if (typeof value === 'string' && !quotesStory(value, story)) lines.push(value);
      }
      const block = BLOCKS.has(node.tagName);
      if (block) end();
      if (opaque(node)) line += standIn(textOf(node));
      else node.children.forEach(walk);
      if (block) end();
      return;
    }
    if ('children' in node) node.children.forEach(walk);
  };
  walk(fromHtml(html));
  end();
  return lines;
}
