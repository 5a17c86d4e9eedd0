/**
 * The search page's results: each result a clone of the `<template id="search-result">` that
 * src/pages/search.astro renders from StoryCard.astro (the listings' card), its `data-field`s
 * filled with text and <mark> elements (no HTML strings: Trusted Types are enforced); the status
 * line, the filters' counts, "more" and the next steps when nothing shows.
 */
import { leftOutNote, resultStatus } from '../core/messages.ts';
import { excerpt, firstHit, markTerms, type Segment } from '../core/marks.ts';
import { headText } from '../core/result.ts';
import { readDerived } from '../core/derived.ts';
import { inferredDateMark } from '../../lib/dates.ts';
import type { Hit, SearchOutcome } from './hits.ts';
import { excerptSource } from './excerpt-text.ts';
import { FILTER_NAMES, filterCounts, passes, type FilterName, type State } from './state.ts';

const PAGE_SIZE = 10;
/** Characters of text an excerpt shows around its hit. */
const EXCERPT_WIDTH = 90;

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** `parts` as the children of `element`: marked parts in <mark>, the rest as text. */
function fill(element: Element, parts: Segment[]): void {
  element.replaceChildren(
    ...parts.map((part) => {
      if (!part.mark) return part.text;
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      return mark;
    }),
  );
}

/** One result: the template's card with the story's fields, every hit marked, the link carrying ?hl=. */
async function resultItem(template: HTMLTemplateElement, hit: Hit, terms: string[]): Promise<Element> {
  const { content: opening, meta, starts, fold, textPart } = await hit.data();
  const { text, cut } = await excerptSource(meta, opening, terms, fold, textPart, EXCERPT_WIDTH, starts);
  const item = template.content.firstElementChild!.cloneNode(true) as Element;
  const field = (name: string) => item.querySelector(`[data-field="${name}"]`)!;
  const highlight = new URLSearchParams();
  for (const term of terms) {
    // The hit as printed (100MW for 100mw); a term past the text fetched so far, as typed.
    highlight.append('hl', firstHit(`${headText(meta)}\n${text}`, [term], fold) ?? term);
  }
  const link = field('headline') as HTMLAnchorElement;
  link.href = `${meta.url}?${highlight.toString()}`;
  fill(link, markTerms(meta.headline, terms, fold));
  for (const name of ['kicker', 'subhead'] as const) {
    if (meta[name]) fill(field(name), markTerms(meta[name], terms, fold));
    else field(name).remove();
  }
  const date = field('date').querySelector('time')!;
  date.dateTime = meta.datetime;
  date.textContent = meta.date;
  // What the archive derived is marked as the story's listing marks it (StoryMeta, StoryCard).
  const derived = readDerived(meta.derived);
  const dateMark = inferredDateMark(derived);
  if (dateMark) field('date-mark').textContent = `（${dateMark}）`;
  else field('date-mark').remove();
  if (!derived.headlineDerived) field('headline-mark').remove();
  field('section').textContent = meta.section;
  field('place').textContent = meta.place;
  fill(field('excerpt'), excerpt(text, terms, fold, EXCERPT_WIDTH, cut));
  return item;
}

export interface ResultsView {
  /** Shows an outcome under the filters of `state`: results, counts, status, next steps. */
  show(outcome: SearchOutcome, state: State): Promise<void>;
  /** No results to show: the list emptied, `message` in the status line; `swap`: offer 对调起止日期. */
  nothing(message: string, swap?: boolean): void;
  /** Appends the next page of results and moves focus to the first of them. */
  more(): Promise<void>;
  /** The finished results of a search are shown (not an empty query, a message or an error). */
  readonly showing: boolean;
}

export function resultsView(): ResultsView {
  const template = byId<HTMLTemplateElement>('search-result');
  const list = byId('search-results');
  const status = byId('search-status');
  const moreButton = byId<HTMLButtonElement>('search-more');
  /** Next steps shown when a search shows nothing; its first item only when filters hide results. */
  const empty = byId('search-empty');
  const emptyFilters = byId('search-empty-filters');
  /** Says how many stories dated only to a month a date range left out. */
  const leftOut = byId('search-left-out');
  /** 对调起止日期, shown only when the date range is reversed. */
  const reversed = byId('search-reversed');
  const selects = {
    section: byId<HTMLSelectElement>('search-section'),
    place: byId<HTMLSelectElement>('search-place'),
  };
  // The options' own labels, to which the counts are added.
  for (const name of FILTER_NAMES)
    for (const option of selects[name].options) option.dataset.label = option.textContent ?? '';

  let shown: { hits: Hit[]; terms: string[]; count: number } = { hits: [], terms: [], count: 0 };

  function setCounts(counts?: Record<FilterName, Map<string, number>>): void {
    for (const name of FILTER_NAMES) {
      const select = selects[name];
      for (const option of select.options) {
        if (!option.value) continue;
        const n = counts?.[name].get(option.value) ?? 0;
        option.textContent = counts ? `${option.dataset.label}（${n}）` : option.dataset.label!;
        option.disabled = !!counts && n === 0 && option.value !== select.value;
      }
    }
  }

  async function showMore(): Promise<void> {
    const next = shown.hits.slice(shown.count, shown.count + PAGE_SIZE);
    list.append(...(await Promise.all(next.map((hit) => resultItem(template, hit, shown.terms)))));
    shown.count += next.length;
    moreButton.hidden = shown.count >= shown.hits.length;
  }

  function setStatus(message: string, complete: boolean): void {
    status.textContent = message;
    status.dataset.complete = String(complete);
  }

  return {
    get showing() {
      return shown.terms.length > 0;
    },
    async show({ hits, terms, searched, total, complete, leftOut: months }, state) {
      setCounts(filterCounts(hits, state));
      const filtered = hits.filter((hit) => passes(hit, state));
      shown = { hits: filtered, terms, count: 0 };
      list.replaceChildren();
      await showMore();
      const dated = Boolean(state.from || state.to);
      setStatus(
        resultStatus({ terms, found: hits.length, shown: filtered.length, searched, total, field: state.field, dated }),
        complete,
      );
      reversed.hidden = true;
      leftOut.textContent = leftOutNote(months);
      leftOut.hidden = months.length === 0;
      empty.hidden = filtered.length > 0 || !complete;
      emptyFilters.hidden = hits.length === 0;
    },
    nothing(message, swap = false) {
      shown = { hits: [], terms: [], count: 0 };
      reversed.hidden = !swap;
      list.replaceChildren();
      moreButton.hidden = true;
      empty.hidden = true;
      leftOut.hidden = true;
      setCounts();
      setStatus(message, true);
    },
    async more() {
      const first = shown.count;
      await showMore();
      // Keyboard users continue from the first new result.
      list.children[first]?.querySelector('a')?.focus();
    },
  };
}
