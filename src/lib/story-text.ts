/**
 * A story's text as readers get it, in one model: kicker, headline, subhead, captions with their
 * credits (caption ■ 王瑞瑞摄), body paragraphs as rendered (the archive's Markdown pipeline), and
 * the bylines' names. The story page builds it from what it renders; the search index reads it
 * (src/search/build/collect.ts), so what is searched is exactly what is printed, derived once.
 */
import { formatCaption, formatPhotoCredit, groupByRole, type Credit } from './credits.ts';
import { htmlParagraphs } from './text.ts';

export interface StoryTextModel {
  kicker?: string | undefined;
  headline: string;
  subhead?: string | undefined;
  /** `caption ■ credit`, as under each photo. */
  captions: string[];
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
    credits: data.figures.map((figure) => (figure.credit ? formatPhotoCredit(figure.credit) : undefined)),
    paragraphs: htmlParagraphs(bodyHtml),
    bylines: groupByRole(data.bylines).map((group) => group.names.join(' ')),
  };
}

/** Kicker, headline and subhead, one a line: the lines a hit in ranks first. */
export const headLines = (model: StoryTextModel): string => [model.kicker, model.headline, model.subhead].filter(Boolean).join('\n');

/** Captions, paragraphs, then bylines (a paper prints them after the text), one a line. */
export const bodyLines = (model: StoryTextModel): string => [...model.captions, ...model.paragraphs, ...model.bylines].join('\n');


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
