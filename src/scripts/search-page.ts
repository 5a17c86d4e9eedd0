/**
 * The search page (/search/): reads and writes ?q=&section=&place=&sort= so every search is a
 * link, searches the whole archive as the reader types, shows counts, filters and highlighted
 * excerpts. A search that Pagefind answers shows the newest stories' results first and goes on
 * through older ones (src/search/client/engine.ts); `data-complete` on the status line says when
 * the count is final.
 * History: while the reader types, the address is replaced; a search that settles (a pause,
 * Enter, a filter) becomes its own history entry, so Back steps through distinct searches.
 */
import { excerpt, firstHit, headText, markTerms, parseQuery, queryLength, queryTooLong, type Segment } from '../lib/search-tokens.ts';
import { EMPTY_QUERY_STATUS, resultStatus, searchTitle, tooLongStatus } from '../lib/search-messages.ts';
import { searchPath } from '../lib/urls.ts';
import { FILTERS, preload, search, type FilterName, type Hit, type SearchOutcome, type Sort } from '../search/client/engine.ts';
import { excerptSource } from './search-text.ts';

interface State {
  q: string;
  section: string;
  place: string;
  sort: Sort;
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
/** Next steps shown when a search shows nothing; its first item only when filters hide results. */
const empty = document.getElementById('search-empty')!;
const emptyFilters = document.getElementById('search-empty-filters')!;

function readUrl(): State {
  const params = new URLSearchParams(location.search);
  return {
    q: params.get('q') ?? '',
    section: params.get('section') ?? '',
    place: params.get('place') ?? '',
    sort: params.get('sort') === 'newest' ? 'newest' : 'relevance',
  };
}

function urlOf(state: State): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.section) params.set('section', state.section);
  if (state.place) params.set('place', state.place);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
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
  const { content: opening, meta, starts } = await hit.data();
  const { text: content, cut } = await excerptSource(meta, opening, terms, EXCERPT_WIDTH, starts);
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

async function render({ hits, terms, searched, total, complete }: SearchOutcome): Promise<void> {
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
  status.textContent = resultStatus({ terms, found: hits.length, shown: filtered.length, searched, total });
  status.dataset.complete = String(complete);
  empty.hidden = filtered.length > 0 || !complete;
  emptyFilters.hidden = hits.length === 0;
}

// ---- searching: one at a time, the newest request wins -------------------------------------

let generation = 0;
/** Thrown from a running search's progress when a newer search is waiting. */
class Superseded extends Error {}
let queue: Promise<void> = Promise.resolve();

/** No results to show: the list emptied, `message` in the status line. */
function showNothing(message: string): void {
  list.replaceChildren();
  more.hidden = true;
  empty.hidden = true;
  clearCounts();
  status.textContent = message;
  status.dataset.complete = 'true';
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
        // Partial outcomes (newest stories first) are shown while older ones are searched; a
        // newer search stops the older one at its next step.
        const outcome = await search(wanted.q, wanted.sort, async (partial) => {
          if (mine !== generation) throw new Superseded();
          await render(partial);
        });
        if (mine !== generation) return;
        await render(outcome);
      }
    } catch (error) {
      if (error instanceof Superseded) return;
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
