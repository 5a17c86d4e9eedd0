/**
 * A story's text as readers get it, in one model: kicker, headline, subhead, captions with their
 * credits (caption ■ 王瑞瑞摄), body paragraphs as rendered (the archive's Markdown pipeline), and
 * the bylines' names. The build makes it once a story, from the body it renders
 * (src/data/story-text.ts); the story page, its feed items and the search index
 * (src/search/build/source.ts) read it, and cards, page and feed descriptions take their openings
 * from it (storyOpening), so what is searched and excerpted is exactly what is printed.
 */
import { formatCaption, formatPhotoCredit, groupByRole, type Credit } from './credits.ts';
import { htmlParagraphs, opening } from './text.ts';

export interface StoryTextModel {
  kicker?: string | undefined;
  headline: string;
  subhead?: string | undefined;
  /** `caption ■ credit`, as under each photo. */
  captions: string[];
  /** Each caption as written, without its credit: what photo news opens with (storyOpening). */
  bareCaptions: string[];
  /** Each caption's credit as printed at its end (王瑞瑞摄), or undefined. */
  credits: (string | undefined)[];
  paragraphs: string[];
  /** One line per role, names separated by spaces, as the byline prints them. */
  bylines: string[];
}

export interface StoryTextInput {
  kicker?: string | undefined;
  headline: string;
  subhead?: string | undefined;
  figures: readonly { caption: string; credit?: Credit | undefined }[];
  bylines: readonly Credit[];
}

/** The model of a story from its data and its rendered body (src/data/render.ts). */
export function storyTextModel(data: StoryTextInput, bodyHtml: string): StoryTextModel {
  return {
    kicker: data.kicker,
    headline: data.headline,
    subhead: data.subhead,
    captions: data.figures.map((figure) => formatCaption(figure.caption, figure.credit)),
    bareCaptions: data.figures.map((figure) => figure.caption),
    credits: data.figures.map((figure) => (figure.credit ? formatPhotoCredit(figure.credit) : undefined)),
    paragraphs: htmlParagraphs(bodyHtml),
    bylines: groupByRole(data.bylines).map((group) => group.names.join(' ')),
  };
}

/** Code points of a story's opening on listing cards. */
export const CARD_OPENING_CHARS = 90;
/** Code points of a story's opening in its page's meta description and its feed item's description. */
export const DESCRIPTION_OPENING_CHARS = 120;

/**
 * The opening of a story as cards, page descriptions and feed items show it: its paragraphs run
 * together, or, for photo news without text, its captions without credits, cut by `opening`.
 */
export function storyOpening(model: StoryTextModel, maxChars: number): string {
  return opening(model.paragraphs.join('') || model.bareCaptions.join(''), maxChars);
}

/** Kicker, headline and subhead, one a line: the lines a hit in ranks first. */
export const headLines = (model: StoryTextModel): string =>
  [model.kicker, model.headline, model.subhead].filter(Boolean).join('\n');

/** Captions, paragraphs, then bylines (a paper prints them after the text), one a line. */
export const bodyLines = (model: StoryTextModel): string =>
  [...model.captions, ...model.paragraphs, ...model.bylines].join('\n');

/**
 * Where the bylines and photo credits stand in bodyLines(model): [start, end) in code points,
 * ascending. Each credit is one range (it ends its caption); the bylines, one line per role at the
 * end, are one range together. A field search (`&in=byline`) matches inside one range.
 */
export function bylineRanges(model: StoryTextModel): [number, number][] {
  const ranges: [number, number][] = [];
  let at = 0;
  const length = (text: string) => Array.from(text).length;
  model.captions.forEach((caption, i) => {
    const credit = model.credits[i];
    at += length(caption);
    if (credit) ranges.push([at - length(credit), at]);
    at += 1;
  });
  for (const paragraph of model.paragraphs) at += length(paragraph) + 1;
  const bylines = model.bylines.join('\n');
  if (bylines) ranges.push([at, at + length(bylines)]);
  return ranges;
}
