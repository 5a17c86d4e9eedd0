/** The search page's state (src/search/client/state.ts): address ↔ state, history decisions, filter counts. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  filterCounts,
  historyStep,
  openPage,
  parseState,
  passes,
  reduce,
  stateUrl,
  type Page,
  type PageEvent,
  type State,
} from '../../src/search/client/state.ts';

const params = (query: string) => new URLSearchParams(query);
const state = (over: Partial<State> = {}): State => ({
  q: '',
  field: 'all',
  from: '',
  to: '',
  section: '',
  place: '',
  sort: 'relevance',
  ...over,
});
const offered = { section: ['', 'project', 'etdz'], place: ['', 'taiyuan', 'jinzhong'] };

test('an address gives the state; unknown and old parameters (?scope=) are ignored', () => {
  assert.deepEqual(parseState(params('')), state());
  assert.deepEqual(
    parseState(params('q=储能&section=project&place=taiyuan&sort=newest')),
    state({ q: '储能', section: 'project', place: 'taiyuan', sort: 'newest' }),
  );
  assert.deepEqual(parseState(params('q=%E5%8C%BA&scope=all&utm_source=x')), state({ q: '区' }));
  assert.deepEqual(parseState(params('q=a+b')), state({ q: 'a b' }), 'a + is a space, as a form sends it');
  assert.equal(parseState(params('sort=oldest')).sort, 'relevance', 'an unknown order is relevance');
  assert.equal(parseState(params('sort=NEWEST')).sort, 'relevance');
});

test('a filter value the page does not offer means all', () => {
  assert.deepEqual(
    parseState(params('q=区&section=nosuch&place=jinzhong'), offered),
    state({ q: '区', place: 'jinzhong' }),
  );
  assert.deepEqual(parseState(params('section=project&place=mars'), offered), state({ section: 'project' }));
  assert.equal(parseState(params('section=nosuch')).section, 'nosuch', 'without a list every value stands');
});

test('a state gives its address: only what differs from the defaults, and back again', () => {
  assert.equal(stateUrl(state()), '/search/');
  assert.equal(stateUrl(state({ q: '储能' })), `/search/?q=${encodeURIComponent('储能')}`);
  assert.equal(
    stateUrl(state({ q: '管委会 公司', place: 'jinzhong', sort: 'newest' })),
    `/search/?q=${encodeURIComponent('管委会')}+${encodeURIComponent('公司')}&place=jinzhong&sort=newest`,
  );
  assert.equal(stateUrl(state({ section: 'project' })), '/search/?section=project', 'filters without a query are kept');
  for (const s of [
    state(),
    state({ q: '"管委会+公司"&x=1#', section: 'project', place: 'taiyuan', sort: 'newest' }),
    state({ q: '100%　ＭＷ' }),
  ]) {
    assert.deepEqual(parseState(new URL(stateUrl(s), 'https://example.org').searchParams), s);
  }
});

test('history: a new entry only when the address already holds a search and changes', () => {
  const wang = stateUrl(state({ q: '王波' }));
  assert.deepEqual(historyStep('push', state({ q: '王波' }), '/search/?q=%E6%8B%9B%E5%95%86'), {
    method: 'push',
    url: wang,
  });
  assert.deepEqual(historyStep('replace', state({ q: '王波' }), '/search/?q=%E6%8B%9B%E5%95%86'), {
    method: 'replace',
    url: wang,
  });
  assert.deepEqual(
    historyStep('push', state({ q: '王波' }), '/search/'),
    { method: 'replace', url: wang },
    'the first query replaces the bare page',
  );
  assert.deepEqual(historyStep('push', state({ q: '王波' }), '/search/?section=project'), {
    method: 'replace',
    url: wang,
  });
  assert.equal(historyStep('push', state({ q: '王波' }), wang), null, 'same address: nothing');
  assert.equal(
    historyStep('push', state({ q: '区'.repeat(201) }), '/search/?q=x'),
    null,
    'an over-long query is no link',
  );
  assert.deepEqual(historyStep('push', state({ q: '区'.repeat(200) }), '/search/?q=x')?.method, 'push');
});

/** Runs `events` from `page` at `shown` (written plainly), following the address as the page would. */
function play(page: Page, shown: string, events: PageEvent[]) {
  // As location gives it: percent-encoded.
  let address = encodeURI(shown);
  const steps = [];
  for (const event of events) {
    const step = reduce(page, event, address);
    page = step.page;
    if (step.history) address = step.history.url;
    steps.push({
      history: step.history?.method ?? null,
      search: step.search,
      address: decodeURIComponent(address),
      settled: page.settled,
    });
  }
  return steps;
}

test('typing replaces the entry until the search settles; the next typing gets a new entry', () => {
  const start = openPage(params('q=招商'));
  assert.equal(start.settled, true);
  const steps = play(start, '/search/?q=招商', [
    { type: 'typed', q: '王' },
    { type: 'typed', q: '王波' },
    { type: 'settled' },
    { type: 'typed', q: '储' },
    { type: 'typed', q: '储能' },
  ]);
  assert.deepEqual(steps, [
    { history: 'push', search: 'after-pause', address: '/search/?q=王', settled: false },
    { history: 'replace', search: 'after-pause', address: '/search/?q=王波', settled: false },
    { history: null, search: 'no', address: '/search/?q=王波', settled: true },
    { history: 'push', search: 'after-pause', address: '/search/?q=储', settled: false },
    { history: 'replace', search: 'after-pause', address: '/search/?q=储能', settled: false },
  ]);
});

test('typing on a bare /search/ replaces it; clearing the box leaves a bare /search/', () => {
  const steps = play(openPage(params('')), '/search/', [
    { type: 'typed', q: '压' },
    { type: 'settled' },
    { type: 'typed', q: '' },
  ]);
  assert.deepEqual(
    steps.map((s) => [s.history, s.address]),
    [
      ['replace', '/search/?q=压'],
      [null, '/search/?q=压'],
      ['push', '/search/'],
    ],
  );
});

test('Enter: a new entry after a settled search, the typed entry kept while typing; it searches unless the results are shown', () => {
  const start = openPage(params('q=招商'));
  assert.deepEqual(play(start, '/search/?q=招商', [{ type: 'submitted', q: '赵赞', current: true }]), [
    { history: 'push', search: 'now', address: '/search/?q=赵赞', settled: true },
  ]);
  assert.deepEqual(
    play(start, '/search/?q=招商', [
      { type: 'typed', q: '赵赞' },
      { type: 'submitted', q: '赵赞', current: false },
    ]).at(-1),
    {
      history: null,
      search: 'now',
      address: '/search/?q=赵赞',
      settled: true,
    },
  );
  assert.deepEqual(play(start, '/search/?q=招商', [{ type: 'submitted', q: '招商', current: true }]), [
    { history: null, search: 'no', address: '/search/?q=招商', settled: true },
  ]);
  assert.equal(
    play(start, '/search/?q=招商', [{ type: 'submitted', q: '招商', current: false }])[0]!.search,
    'now',
    'a pending or failed search runs again',
  );
  // Typing after Enter starts a new entry.
  assert.equal(
    play(start, '/search/?q=招商', [
      { type: 'typed', q: '赵' },
      { type: 'submitted', q: '赵', current: true },
      { type: 'typed', q: '赵赞' },
    ]).at(-1)!.history,
    'push',
  );
});

test('a filter or sort change is its own entry and searches at once', () => {
  const start = openPage(params('q=区'));
  const steps = play(start, '/search/?q=区', [
    { type: 'filtered', name: 'section', value: 'project' },
    { type: 'filtered', name: 'place', value: 'jinzhong' },
    { type: 'filtered', name: 'sort', value: 'newest' },
    { type: 'filtered', name: 'sort', value: 'bogus' },
    { type: 'filtered', name: 'section', value: '' },
  ]);
  assert.deepEqual(steps, [
    { history: 'push', search: 'now', address: '/search/?q=区&section=project', settled: true },
    { history: 'push', search: 'now', address: '/search/?q=区&section=project&place=jinzhong', settled: true },
    {
      history: 'push',
      search: 'now',
      address: '/search/?q=区&section=project&place=jinzhong&sort=newest',
      settled: true,
    },
    { history: 'push', search: 'now', address: '/search/?q=区&section=project&place=jinzhong', settled: true },
    { history: 'push', search: 'now', address: '/search/?q=区&place=jinzhong', settled: true },
  ]);
  // While typing, a filter change still gets its own entry and ends the typing entry.
  const typing = play(start, '/search/?q=区', [
    { type: 'typed', q: '区块' },
    { type: 'filtered', name: 'place', value: 'taiyuan' },
    { type: 'typed', q: '区块链' },
  ]);
  assert.deepEqual(
    typing.map((s) => s.history),
    ['push', 'push', 'push'],
  );
});

test('Back restores the state from the address, writes no history and searches', () => {
  const page: Page = { state: state({ q: '储能', place: 'taiyuan' }), settled: false };
  const back = parseState(params('q=王波&sort=newest'), offered);
  const step = reduce(page, { type: 'popped', state: back }, '/search/?q=王波&sort=newest');
  assert.deepEqual(step, {
    page: { state: state({ q: '王波', sort: 'newest' }), settled: true },
    history: null,
    search: 'now',
  });
  assert.notEqual(step.page.state, page.state);
});

test('filters: a hit passes when it has every chosen value; counts for one filter respect the other', () => {
  const hits = [
    { section: 'project', place: 'taiyuan' },
    { section: 'project', place: 'jinzhong' },
    { section: 'etdz', place: 'jinzhong' },
    { section: 'etdz', place: undefined },
  ];
  assert.equal(hits.filter((h) => passes(h, state())).length, 4);
  assert.equal(hits.filter((h) => passes(h, state({ section: 'project' }))).length, 2);
  assert.equal(hits.filter((h) => passes(h, state({ section: 'etdz', place: 'jinzhong' }))).length, 1);
  assert.equal(passes(hits[3]!, state({ place: 'jinzhong' })), false, 'no place: not in a chosen place');
  const all = filterCounts(hits, state());
  assert.deepEqual(Object.fromEntries(all.section), { project: 2, etdz: 2 });
  assert.deepEqual(Object.fromEntries(all.place), { taiyuan: 1, jinzhong: 2 }, 'a hit without a place counts nowhere');
  const project = filterCounts(hits, state({ section: 'project' }));
  assert.deepEqual(
    Object.fromEntries(project.place),
    { taiyuan: 1, jinzhong: 1 },
    'places counted among project stories',
  );
  assert.deepEqual(
    Object.fromEntries(project.section),
    { project: 2, etdz: 2 },
    'sections counted regardless of the chosen section',
  );
  const both = filterCounts(hits, state({ section: 'project', place: 'jinzhong' }));
  assert.deepEqual(Object.fromEntries(both.section), { project: 1, etdz: 1 });
  assert.deepEqual(Object.fromEntries(both.place), { taiyuan: 1, jinzhong: 1 });
});

test('field and date range: read from ?in=&from=&to=, bad values dropped, written back only when set', () => {
  assert.deepEqual(
    parseState(params('q=王瑞瑞&in=byline&from=2025-09&to=2025-10-02')),
    state({ q: '王瑞瑞', field: 'byline', from: '2025-09', to: '2025-10-02' }),
  );
  assert.equal(parseState(params('in=headline')).field, 'all', 'an unknown field is all the text');
  assert.equal(parseState(params('from=2025-02-30')).from, '', 'an impossible date is no bound');
  assert.equal(parseState(params('to=2025-13')).to, '');
  assert.equal(parseState(params('from=25')).from, '');
  assert.equal(
    stateUrl(state({ q: '储能', field: 'title', from: '2025', to: '2025-10' })),
    '/search/?q=%E5%82%A8%E8%83%BD&in=title&from=2025&to=2025-10',
  );
  assert.equal(
    stateUrl(state({ q: '储能', field: 'all' })),
    '/search/?q=%E5%82%A8%E8%83%BD',
    'the default field stays out of the address',
  );
});

test('changing the field or a date bound searches at once and gets its own history entry', () => {
  const page: Page = { state: state({ q: '储能' }), settled: true };
  const field = reduce(page, { type: 'filtered', name: 'field', value: 'title' }, '/search/?q=储能');
  assert.equal(field.page.state.field, 'title');
  assert.equal(field.search, 'now');
  assert.deepEqual(field.history, { method: 'push', url: '/search/?q=%E5%82%A8%E8%83%BD&in=title' });
  const from = reduce(field.page, { type: 'filtered', name: 'from', value: '2025-10' }, field.history!.url);
  assert.equal(from.page.state.from, '2025-10');
  assert.equal(from.history?.url, '/search/?q=%E5%82%A8%E8%83%BD&in=title&from=2025-10');
  const bad = reduce(from.page, { type: 'filtered', name: 'to', value: '2025-02-30' }, from.history!.url);
  assert.equal(bad.page.state.to, '', 'a bad bound from a control is no bound');
});

test('对调起止日期 exchanges the bounds as one step of history and searches at once; Back returns to the reversed range', () => {
  const address = '/search/?q=%E5%8C%BA&from=2025-10&to=2025-09';
  const page: Page = { state: state({ q: '区', from: '2025-10', to: '2025-09', section: 'project' }), settled: true };
  const step = reduce(page, { type: 'swapped' }, address);
  assert.deepEqual(step.page.state, state({ q: '区', from: '2025-09', to: '2025-10', section: 'project' }));
  assert.equal(step.search, 'now');
  assert.deepEqual(step.history, {
    method: 'push',
    url: '/search/?q=%E5%8C%BA&from=2025-09&to=2025-10&section=project',
  });
  const back = reduce(step.page, { type: 'popped', state: parseState(params(address.split('?')[1]!)) }, address);
  assert.deepEqual([back.page.state.from, back.page.state.to], ['2025-10', '2025-09']);
});
