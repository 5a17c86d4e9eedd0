/**
 * The search page's state, pure (no DOM; tests/unit/search-state.test.ts): what the address says
 * (?q=&in=&from=&to=&section=&place=&sort=), how each thing the reader does changes it, and what that does to
 * the address and the history. The controller (./controller.ts) carries the decisions out.
 * History: while the reader types, the current entry is replaced; a search that settles (a pause,
 * Enter) or a filter or sort change gets an entry of its own, so Back steps through distinct
 * searches.
 */
import { DEFAULT_FIELD, SEARCH_FIELDS, type SearchField } from '../core/fields.ts';
import { queryTooLong } from '../core/query.ts';
import { isDateBound } from '../core/date-range.ts';
import { searchPath } from '../../lib/urls.ts';
import type { Sort } from '../core/ranking.ts';

export interface State {
  q: string;
  /** Where the terms must stand (?in=title|byline; all by default). */
  field: SearchField;
  /** Date bounds, YYYY, YYYY-MM or YYYY-MM-DD (src/search/core/date-range.ts); '' for open. */
  from: string;
  to: string;
  /** A section or city slug; '' for all. */
  section: string;
  place: string;
  sort: Sort;
}

/** What the reader can change beside the query: the filters, and the field, dates and order of the search. */
export type Setting = FilterName | 'field' | 'from' | 'to' | 'sort';

/** The filters, in the order the page shows them; a Hit (./hits.ts) carries a value for each. */
export const FILTER_NAMES = ['section', 'place'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/** The values each filter list offers: a value from the address that is not offered means “all”. */
export type Offered = Record<FilterName, readonly string[]>;

const sortOf = (value: string | null): Sort => (value === 'newest' ? 'newest' : 'relevance');
const fieldOf = (value: string | null): SearchField => SEARCH_FIELDS.find((field) => field === value) ?? DEFAULT_FIELD;
const boundOf = (value: string | null): string => (value && isDateBound(value) ? value : '');

/** The state an address holds. Other parameters (an old link's ?scope=, trackers) are ignored. */
export function parseState(params: URLSearchParams, offered?: Offered): State {
  const filter = (name: FilterName): string => {
    const value = params.get(name) ?? '';
    return !offered || offered[name].includes(value) ? value : '';
  };
  return {
    q: params.get('q') ?? '',
    field: fieldOf(params.get('in')),
    from: boundOf(params.get('from')),
    to: boundOf(params.get('to')),
    section: filter('section'),
    place: filter('place'),
    sort: sortOf(params.get('sort')),
  };
}

/** The address of a state: only what differs from the defaults, so a plain search is /search/?q=…. */
export function stateUrl(state: State): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.field !== DEFAULT_FIELD) params.set('in', state.field);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.section) params.set('section', state.section);
  if (state.place) params.set('place', state.place);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const query = params.toString();
  return query ? `${searchPath()}?${query}` : searchPath();
}

export interface Page {
  state: State;
  /** The current history entry holds a finished search: the next change gets an entry of its own. */
  settled: boolean;
}

/** A page opened at an address: nothing typed yet, so the entry is settled. */
export const openPage = (params: URLSearchParams, offered?: Offered): Page => ({
  state: parseState(params, offered),
  settled: true,
});

export type PageEvent =
  /** The box changed (not while an input method composes). */
  | { type: 'typed'; q: string }
  /** No typing for a while after the last keystroke: the search in the address is finished. */
  | { type: 'settled' }
  /** Enter. `current`: the page shows this query's finished results, with no search pending. */
  | { type: 'submitted'; q: string; current: boolean }
  | { type: 'filtered'; name: Setting; value: string }
  /** Back or Forward: the state read from the address now shown. */
  | { type: 'popped'; state: State }
  /** 对调起止日期: a reversed range's bounds exchanged. */
  | { type: 'swapped' };

export interface Step {
  page: Page;
  /** A new history entry or the current one replaced, with this URL; null: the address stays. */
  history: { method: 'push' | 'replace'; url: string } | null;
  /** Search at once, after the typing pause (the reader may type on), or not at all. */
  search: 'now' | 'after-pause' | 'no';
}

/**
 * How the address follows `state`, from `address` (the path and query shown now): a new entry
 * when `entry` is 'push' and the address already holds a search (typing the first query on a bare
 * /search/ replaces it, so Back leaves the page), else the current entry replaced. Nothing when the
 * address would not change, or for an over-long query, which is not searched and so is no link
 * (and could pass a server's URL limit).
 */
export function historyStep(entry: 'push' | 'replace', state: State, address: string): Step['history'] {
  if (queryTooLong(state.q)) return null;
  const url = stateUrl(state);
  if (url === address) return null;
  const hadQuery = new URLSearchParams(address.split('?')[1] ?? '').has('q');
  return { method: entry === 'push' && hadQuery ? 'push' : 'replace', url };
}

/** What `event` does to `page`, shown at `address` (path and query). */
export function reduce(page: Page, event: PageEvent, address: string): Step {
  switch (event.type) {
    case 'typed': {
      const state = { ...page.state, q: event.q };
      return {
        page: { state, settled: false },
        history: historyStep(page.settled ? 'push' : 'replace', state, address),
        search: 'after-pause',
      };
    }
    case 'settled':
      return { page: { ...page, settled: true }, history: null, search: 'no' };
    case 'submitted': {
      const state = { ...page.state, q: event.q };
      const again = event.q !== page.state.q || !event.current;
      return {
        page: { state, settled: true },
        history: historyStep(page.settled ? 'push' : 'replace', state, address),
        search: again ? 'now' : 'no',
      };
    }
    case 'filtered': {
      const state = { ...page.state, [event.name]: setting(event.name, event.value) };
      return { page: { state, settled: true }, history: historyStep('push', state, address), search: 'now' };
    }
    case 'popped':
      return { page: { state: event.state, settled: true }, history: null, search: 'now' };
    case 'swapped': {
      // One step, like one control changed: Back returns to the reversed range as it was.
      const state = { ...page.state, from: page.state.to, to: page.state.from };
      return { page: { state, settled: true }, history: historyStep('push', state, address), search: 'now' };
    }
  }
}

/** A setting's value as the state holds it: an unknown field or sort is the default, a bad date bound open. */
function setting(name: Setting, value: string): string {
  if (name === 'sort') return sortOf(value);
  if (name === 'field') return fieldOf(value);
  if (name === 'from' || name === 'to') return boundOf(value);
  return value;
}

/** A hit's section and city, as filters see them (undefined: none). */
export type Facets = Record<FilterName, string | undefined>;

/** Whether `hit` passes the filters of `state`, leaving out `skip` (to count that filter's values). */
export const passes = (hit: Facets, state: State, skip?: FilterName): boolean =>
  FILTER_NAMES.every((name) => name === skip || !state[name] || hit[name] === state[name]);

/**
 * For each filter, how many of `hits` each value would show: counted under the other filter's
 * choice, so the section counts are those of the chosen place and the other way round.
 */
export function filterCounts(hits: readonly Facets[], state: State): Record<FilterName, Map<string, number>> {
  const counts = { section: new Map<string, number>(), place: new Map<string, number>() };
  for (const name of FILTER_NAMES) {
    for (const hit of hits) {
      const value = hit[name];
      if (value && passes(hit, state, name)) counts[name].set(value, (counts[name].get(value) ?? 0) + 1);
    }
  }
  return counts;
}
