/**
 * The search page's entry (src/pages/search.astro): passes what the reader does to the state
 * (./state.ts), carries out its decisions (history, searching now or after a typing pause) and
 * runs searches one at a time, the newest winning, handing each outcome to the renderer
 * (./render.ts). A search that Pagefind answers shows the newest stories' results first and goes
 * on through older ones (./engine.ts); `data-complete` on the status line says when the count is
 * final, `aria-busy` on the list whether a search is pending or running.
 */
import { EMPTY_QUERY_STATUS, reversedRangeStatus, searchTitle, tooLongStatus } from '../core/messages.ts';
import { boundLabel, dateRange, reversedRange } from '../core/date-range.ts';
import { parseQuery, queryLength, queryTooLong } from '../core/query.ts';
import { createSearch } from './engine.ts';
import { resultsView } from './render.ts';
import { openPage, parseState, reduce, type Offered, type PageEvent, type Setting } from './state.ts';

const TYPING_PAUSE_MS = 200;
const SETTLE_MS = 1000;

/** Thrown from a running search's progress when a newer search is waiting. */
class Superseded extends Error {}

/** Wires the search page: everything it holds lives in this call. */
function startSearchPage(): void {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('search-q') as HTMLInputElement;
  const list = document.getElementById('search-results')!;
  const selects: Record<Setting, HTMLSelectElement> = {
    field: document.getElementById('search-in') as HTMLSelectElement,
    from: document.getElementById('search-from') as HTMLSelectElement,
    to: document.getElementById('search-to') as HTMLSelectElement,
    section: document.getElementById('search-section') as HTMLSelectElement,
    place: document.getElementById('search-place') as HTMLSelectElement,
    sort: document.getElementById('search-sort') as HTMLSelectElement,
  };
  const SETTINGS = Object.keys(selects) as Setting[];
  const view = resultsView();
  const search = createSearch();
  const offered: Offered = {
    section: [...selects.section.options].map((option) => option.value),
    place: [...selects.place.options].map((option) => option.value),
  };
  const addressParams = () => new URLSearchParams(location.search);

  let page = openPage(addressParams(), offered);
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  function showForm(): void {
    input.value = page.state.q;
    for (const name of ['from', 'to'] as const) {
      // A bound the lists do not offer (a day from a link, a month without stories) joins its list.
      const value = page.state[name];
      if (value && ![...selects[name].options].some((option) => option.value === value))
        selects[name].add(new Option(boundLabel(value), value));
    }
    for (const name of SETTINGS) selects[name].value = page.state[name];
  }

  const setBusy = (busy: boolean) => list.setAttribute('aria-busy', String(busy));

  function dispatch(event: PageEvent): void {
    const step = reduce(page, event, location.pathname + location.search);
    page = step.page;
    if (step.history?.method === 'push') history.pushState(null, '', step.history.url);
    else if (step.history) history.replaceState(null, '', step.history.url);
    clearTimeout(settleTimer);
    if (!page.settled) settleTimer = setTimeout(() => dispatch({ type: 'settled' }), SETTLE_MS);
    if (step.search === 'no') return;
    clearTimeout(typingTimer);
    if (step.search === 'now') run();
    else {
      // The query changed: a search still running is stale from now on (its results would show the
      // old query's count, and mark the list done, while the reader waits for the new one).
      generation++;
      setBusy(true);
      typingTimer = setTimeout(run, TYPING_PAUSE_MS);
    }
  }

  // ---- searching: one at a time, the newest request wins -------------------------------------

  /** Bumped by each search and by each change of the query: a search whose number is no longer it is stale. */
  let generation = 0;
  let queue: Promise<void> = Promise.resolve();

  function run(): void {
    const mine = ++generation;
    const wanted = { ...page.state };
    setBusy(true);
    document.title = searchTitle(wanted.q);
    queue = queue.then(async () => {
      if (mine !== generation) return;
      try {
        if (queryTooLong(wanted.q)) view.nothing(tooLongStatus(queryLength(wanted.q)));
        // No story can lie in a range that ends before it starts: say why, rather than "nothing found".
        else if (reversedRange(wanted.from, wanted.to)) view.nothing(reversedRangeStatus(wanted.from, wanted.to), true);
        else if (parseQuery(wanted.q).length === 0) view.nothing(EMPTY_QUERY_STATUS);
        else {
          // Partial outcomes (newest stories first) are shown while older ones are searched; a
          // newer search stops the older one at its next step.
          const options = { sort: wanted.sort, field: wanted.field, range: dateRange(wanted.from, wanted.to) };
          const outcome = await search.run(wanted.q, options, async (partial) => {
            if (mine !== generation) throw new Superseded();
            await view.show(partial, wanted);
          });
          if (mine !== generation) return;
          await view.show(outcome, wanted);
        }
      } catch (error) {
        if (error instanceof Superseded) return;
        console.error(error);
        if (mine !== generation) return;
        view.nothing('搜索出错，请稍后重试。');
      }
      if (mine === generation) setBusy(false);
    });
  }

  // ---- events -------------------------------------------------------------------------------

  // Pagefind is fetched when the reader starts typing (or arrives with a query), not before.
  input.addEventListener('keydown', search.preload, { once: true });

  // While an input method composes (pinyin letters), nothing is searched; the chosen characters are.
  input.addEventListener('input', (event) => {
    if (!(event as InputEvent).isComposing) dispatch({ type: 'typed', q: input.value });
  });
  input.addEventListener('compositionend', () => dispatch({ type: 'typed', q: input.value }));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    dispatch({
      type: 'submitted',
      q: input.value,
      current: list.getAttribute('aria-busy') === 'false' && view.showing,
    });
  });

  for (const name of SETTINGS) {
    selects[name].addEventListener('change', () => dispatch({ type: 'filtered', name, value: selects[name].value }));
  }

  document.getElementById('search-more')!.addEventListener('click', () => void view.more());

  document.getElementById('search-swap')!.addEventListener('click', () => {
    dispatch({ type: 'swapped' });
    showForm();
    // The button hides with the swap: keyboard users go on from the dates, not the page's top.
    selects.from.focus();
  });

  addEventListener('popstate', () => {
    dispatch({ type: 'popped', state: parseState(addressParams(), offered) });
    showForm();
  });

  // The page works without this script only as a form that sends the query: the options and the
  // / key hint come alive here, with the results.
  for (const name of SETTINGS) selects[name].disabled = false;
  document.getElementById('search-slash-hint')!.hidden = false;
  document.getElementById('search-app')!.hidden = false;
  showForm();
  if (!page.state.q) input.focus();
  run();
}

startSearchPage();
