/**
 * Where short lines may break. Browsers break Chinese between any two characters, so a headline
 * can end a line inside a word ("主⏎战场"), and a URL anywhere ("htt⏎ps://"). These give the parts
 * a line may break between; the page puts a <wbr> between parts (components/WithBreaks.astro)
 * and CSS allows no other break inside them (`word-break: keep-all` for phrases, `white-space:
 * nowrap` for URLs). The text itself is unchanged: <wbr> adds no character to read or copy.
 */
import { loadDefaultSimplifiedChineseParser } from 'budoux';

const chinese = loadDefaultSimplifiedChineseParser();

const ONE_HAN = /^\p{Script=Han}$/u;
const STARTS_HAN = /^\p{Script=Han}/u;

/**
 * A part of a headline between printed spaces that is at most this long stays whole: it fits a
 * phone's line (about 11 characters of headline type on 375 px), so the headline breaks where the
 * paper put its space ("系统打造产业生态 重塑资源型城市创新基因"), not between two phrases of a part.
 */
const SHORT_PART = 11;

/**
 * BudouX's phrases (a phrase segmenter made for line breaking), except that a phrase of one Han
 * character joins the phrase after it, or the one before when none follows or the next starts
 * with Latin or digits. BudouX's lone characters are mostly halves of a word it missed (晋|城市,
 * 工|地, 储|能, 智储|100MW), and a line that starts or ends with one character of a word reads
 * worse than a longer line.
 */
function budouxPhrases(text: string): string[] {
  const out: string[] = [];
  let lone = '';
  for (const phrase of chinese.parse(text)) {
    if (lone && !STARTS_HAN.test(phrase) && out.length > 0) {
      out[out.length - 1] += lone;
      lone = '';
    }
    const joined = lone + phrase;
    if (ONE_HAN.test(joined)) lone = joined;
    else {
      out.push(joined);
      lone = '';
    }
  }
  if (lone && out.length > 0) out[out.length - 1] += lone;
  else if (lone) out.push(lone);
  return out;
}

/** Phrases of a headline or a short line: its printed parts, the long ones in phrases. */
export function phrases(text: string): string[] {
  return text
    .split(/( +)/u)
    .filter((part) => part !== '')
    .flatMap((part) => (part.length <= SHORT_PART || part.trim() === '' ? [part] : budouxPhrases(part)));
}

/**
 * A path part of a URL longer than this also breaks after its hyphens, so that no part is wider
 * than a phone's line (about 45 characters of 14 px type on 375 px).
 */
const LONG_PART = 40;

/**
 * A URL's parts, each ending at a "/" ("https://" stays whole), so that a URL breaks between
 * the parts of its path, never inside a word; a part longer than LONG_PART splits after each "-".
 */
export function urlParts(url: string): string[] {
  const parts = url.split(/(?<=[^/:]\/|:\/\/)/u);
  return parts.flatMap((part) => (part.length > LONG_PART ? part.split(/(?<=-)/u) : [part]));
}
