/**
 * The search page (/search/): reads and writes ?q=&section=&place=&sort=&scope= so every search is
 * a link, searches as the reader types, shows counts, filters and highlighted excerpts. A search
 * covers the newest stories first; "再检索更早的…" widens it (src/lib/search-scope.ts).
 * History: while the reader types, the address is replaced; a search that settles (a pause,
 * Enter, a filter) becomes its own history entry, so Back steps through distinct searches.
 */
import { excerpt, firstHit, headText, markTerms, parseQuery, queryLength, queryTooLong, type Segment } from '../lib/search-tokens.ts';
import { EMPTY_QUERY_STATUS, resultStatus, searchTitle, tooLongStatus } from '../lib/search-messages.ts';
import { parseScope, scopeParam, scopePhrase, widenLabel, widerScope, type Scope, type ShardInfo } from '../lib/search-scope.ts';
import { searchPath } from '../lib/urls.ts';
import { FILTERS, preload, search, type FilterName, type Hit } from './exact-search.ts';
import { excerptSource } from './search-text.ts';

type Sort = 'relevance' | 'newest';
interface State {
  q: string;
  section: string;
  place: string;
  sort: Sort;
  /** ?scope= as given: a number of shards, 'all', or '' (the newest shard). */
  scope: string;
}

const PAGE_SIZE = 10;
/** Characters of text an excerpt shows around its hit. */
const EXCERPT_WIDTH = 90;
const TYPING_PAUSE_MS = 200;
const SETTLE_MS = 1000;

const app = document.getElementById('search-app')!;
const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-q') as HTMLInputElement;
const selects: Record<FilterName | 'sort', HTMLSelectElement> = {
  section: document.getElementById('search-section') as HTMLSelectElement,
  place: document.getElementById('search-place') as HTMLSelectElement,
  sort: document.getElementById('search-sort') as HTMLSelectElement,
};
const status = document.getElementById('search-status')!;
const list = document.getElementById('search-results')!;
const more = document.getElementById('search-more') as HTMLButtonElement;
const older = document.getElementById('search-older') as HTMLButtonElement;
/** Next steps shown when a search shows nothing; its first item only when filters hide results. */
const empty = document.getElementById('search-empty')!;
const emptyFilters = document.getElementById('search-empty-filters')!;
/** The archive's shards, known after the first search (pagefind/shards.json). */
let shards: ShardInfo[] = [];

function readUrl(): State {
  const params = new URLSearchParams(location.search);
  return {
    q: params.get('q') ?? '',
    section: params.get('section') ?? '',
    place: params.get('place') ?? '',
    sort: params.get('sort') === 'newest' ? 'newest' : 'relevance',
    scope: params.get('scope') ?? '',
  };
}

function urlOf(state: State): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.section) params.set('section', state.section);
  if (state.place) params.set('place', state.place);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.scope) params.set('scope', state.scope);
  const query = params.toString();
  return query ? `${searchPath()}?${query}` : searchPath();
}

let state = readUrl();
/** Whether the current history entry is a finished search (the next change gets its own entry). */
let settled = true;
let settleTimer: ReturnType<typeof setTimeout> | undefined;
let typingTimer: ReturnType<typeof setTimeout> | undefined;

function writeUrl(entry: 'push' | 'replace'): void {
  // An over-long query is not searched, so it is no link either (and could pass a URL's length limit).
  if (queryTooLong(state.q)) return;
  const url = urlOf(state);
  if (url === location.pathname + location.search) return;
  const hadQuery = new URLSearchParams(location.search).has('q');
  if (entry === 'push' && hadQuery) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function showForm(): void {
  input.value = state.q;
  selects.section.value = state.section;
  selects.place.value = state.place;
  selects.sort.value = state.sort;
  // A value from the address that the list does not offer falls back to "all".
  state.section = selects.section.value;
  state.place = selects.place.value;
}

// ---- rendering ----------------------------------------------------------------------------

function segments(parent: HTMLElement, parts: Segment[]): HTMLElement {
  for (const part of parts) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      parent.append(mark);
    } else parent.append(part.text);
  }
  return parent;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}

async function resultItem(hit: Hit, terms: string[]): Promise<HTMLLIElement> {
  const { content: opening, meta } = await hit.data();
  const { text: content, cut } = await excerptSource(meta, opening, terms, EXCERPT_WIDTH, hit.starts);
  const head = headText(meta);
  const link = el('a', 'hover:underline');
  const highlight = new URLSearchParams();
  for (const term of terms) {
    // The hit as printed (100MW for 100mw); a term past the text fetched so far, as typed.
    highlight.append('hl', firstHit(`${head}\n${content}`, [term]) ?? term);
  }
  link.href = `${meta.url}?${highlight.toString()}`;
  segments(link, markTerms(meta.headline, terms));
  const article = el('article', '');
  if (meta.kicker) article.append(segments(el('p', 'text-sm text-accent'), markTerms(meta.kicker, terms)));
  article.append(el('h2', 'mt-1 font-serif text-xl leading-snug font-bold', link));
  if (meta.subhead) article.append(segments(el('p', 'mt-1 font-serif'), markTerms(meta.subhead, terms)));
  const time = el('time', '', meta.date);
  time.dateTime = meta.datetime;
  article.append(
    el('p', 'mt-2 flex flex-wrap gap-x-3 text-sm text-muted', time, el('span', '', meta.section), el('span', '', meta.place)),
    segments(el('p', 'search-excerpt mt-2 leading-relaxed'), excerpt(content, terms, EXCERPT_WIDTH, cut)),
  );
  return el('li', 'border-b border-rule py-5', article);
}

function setCounts(select: HTMLSelectElement, counts: Map<string, number>): void {
  for (const option of select.options) {
    if (!option.value) continue;
    const n = counts.get(option.value) ?? 0;
    option.textContent = `${option.dataset.label}（${n}）`;
    option.disabled = n === 0 && option.value !== select.value;
  }
}

function clearCounts(): void {
  for (const name of FILTERS) {
    for (const option of selects[name].options) {
      if (option.value) {
        option.textContent = option.dataset.label ?? option.textContent;
        option.disabled = false;
      }
    }
  }
}

let shown: { hits: Hit[]; terms: string[]; count: number } = { hits: [], terms: [], count: 0 };

async function showMore(): Promise<void> {
  const next = shown.hits.slice(shown.count, shown.count + PAGE_SIZE);
  const items = await Promise.all(next.map((hit) => resultItem(hit, shown.terms)));
  list.append(...items);
  shown.count += next.length;
  more.hidden = shown.count >= shown.hits.length;
}

async function render(hits: Hit[], terms: string[], scope: Scope): Promise<void> {
  const matches = (hit: Hit, skip?: FilterName) =>
    FILTERS.every((name) => name === skip || !state[name] || hit[name] === state[name]);
  for (const name of FILTERS) {
    const counts = new Map<string, number>();
    for (const hit of hits) if (matches(hit, name) && hit[name]) counts.set(hit[name], (counts.get(hit[name]) ?? 0) + 1);
    setCounts(selects[name], counts);
  }
  const filtered = hits.filter((hit) => matches(hit));
  shown = { hits: filtered, terms, count: 0 };
  list.replaceChildren();
  await showMore();
  status.textContent = resultStatus({ terms, found: hits.length, shown: filtered.length, where: scopePhrase(scope) });
  empty.hidden = filtered.length > 0;
  emptyFilters.hidden = hits.length === 0;
  older.hidden = scope.complete;
  if (!scope.complete) older.textContent = widenLabel(shards, scope.shards);
}

// ---- searching: one at a time, the newest request wins -------------------------------------

let generation = 0;
let queue: Promise<void> = Promise.resolve();

/** No results to show: the list emptied, `message` in the status line. */
function showNothing(message: string): void {
  list.replaceChildren();
  more.hidden = true;
  older.hidden = true;
  empty.hidden = true;
  clearCounts();
  status.textContent = message;
}

function run(): void {
  const mine = ++generation;
  const wanted = { ...state };
  list.setAttribute('aria-busy', 'true');
  document.title = searchTitle(wanted.q);
  queue = queue.then(async () => {
    if (mine !== generation) return;
    try {
      if (queryTooLong(wanted.q)) showNothing(tooLongStatus(queryLength(wanted.q)));
      else if (parseQuery(wanted.q).length === 0) showNothing(EMPTY_QUERY_STATUS);
      else {
        const outcome = await search(wanted.q, wanted.sort, parseScope(wanted.scope || null, shards.length || Number.MAX_SAFE_INTEGER));
        shards = outcome.shards;
        if (mine !== generation) return;
        await render(outcome.hits, outcome.terms, outcome.scope);
      }
    } catch (error) {
      console.error(error);
      if (mine !== generation) return;
      showNothing('搜索出错，请稍后重试。');
    }
    if (mine === generation) list.setAttribute('aria-busy', 'false');
  });
}

// ---- events -------------------------------------------------------------------------------

// Pagefind is fetched when the reader starts typing (or arrives with a query), not before.
input.addEventListener('keydown', preload, { once: true });

function typed(): void {
  // A new query starts again from the newest stories.
  if (state.q !== input.value) state.scope = '';
  state.q = input.value;
  writeUrl(settled ? 'push' : 'replace');
  settled = false;
  clearTimeout(settleTimer);
  settleTimer = setTimeout(() => (settled = true), SETTLE_MS);
  clearTimeout(typingTimer);
  list.setAttribute('aria-busy', 'true');
  typingTimer = setTimeout(run, TYPING_PAUSE_MS);
}
// While an input method composes (pinyin letters), nothing is searched; the chosen characters are.
input.addEventListener('input', (event) => {
  if (!(event as InputEvent).isComposing) typed();
});
input.addEventListener('compositionend', typed);

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  clearTimeout(settleTimer);
  const changed = state.q !== input.value;
  if (changed) state.scope = '';
  state.q = input.value;
  writeUrl(settled ? 'push' : 'replace');
  settled = true;
  if (changed || list.getAttribute('aria-busy') === 'true' || shown.terms.length === 0) run();
});

for (const name of ['section', 'place', 'sort'] as const) {
  selects[name].addEventListener('change', () => {
    clearTimeout(settleTimer);
    if (name === 'sort') state.sort = selects.sort.value === 'newest' ? 'newest' : 'relevance';
    else state[name] = selects[name].value;
    writeUrl('push');
    settled = true;
    run();
  });
}

more.addEventListener('click', () => {
  const first = shown.count;
  void showMore().then(() => {
    // Keyboard users continue from the first new result.
    list.children[first]?.querySelector('a')?.focus();
  });
});

older.addEventListener('click', () => {
  const current = parseScope(state.scope || null, shards.length);
  const next = widerScope(current, shards.length);
  state.scope = scopeParam(next, shards.length) ?? '';
  writeUrl('push');
  settled = true;
  run();
  // The button may vanish (everything searched): keyboard users continue from the first result,
  // or from the status line when there is none.
  void queue.then(() => (list.querySelector('a') ?? status).focus());
});

addEventListener('popstate', () => {
  state = readUrl();
  showForm();
  settled = true;
  run();
});

app.hidden = false;
for (const name of FILTERS) for (const option of selects[name].options) option.dataset.label = option.textContent ?? '';
showForm();
if (!state.q) input.focus();
run();
