/** Helpers for linking, citing and moving between stories. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { archiveTrail, groupByMonth, monthLabel, yearLabel } from '../../src/lib/archive.ts';
import { formatCitation } from '../../src/lib/citation.ts';
import { storyAuthors } from '../../src/lib/credits.ts';
import { yearMonth } from '../../src/lib/dates.ts';
import { absoluteFragments, escapeHtml, feedHtml, withoutParagraphLinks } from '../../src/lib/feed-markup.ts';
import { neighbourLabel, olderAndNewer, relatedForAll, relatedStories } from '../../src/lib/story-links.ts';
import { breadcrumbList, jsonLd, newsArticle } from '../../src/lib/structured-data.ts';
import {
  archiveMonthPath,
  archivePath,
  archiveYearPath,
  feedPath,
  paragraphId,
  paragraphPath,
  sectionFeedPath,
  sitemapPath,
} from '../../src/lib/urls.ts';

test('archive, feed and paragraph URLs are built in urls.ts', () => {
  assert.equal(archivePath(), '/archive/');
  assert.equal(archiveYearPath(2025), '/archive/2025/');
  assert.equal(archiveMonthPath(2025, 10), '/archive/2025/10/');
  assert.equal(archiveMonthPath(2025, 9), '/archive/2025/09/');
  assert.equal(feedPath(), '/rss.xml');
  assert.equal(sectionFeedPath('project'), '/sections/project/rss.xml');
  assert.equal(sitemapPath(), '/sitemap-index.xml');
  assert.equal(paragraphId(3), 'p3');
  assert.equal(paragraphPath('a-b', 3), '/stories/a-b/#p3');
});

test('dates file under their UTC year and month', () => {
  assert.deepEqual(yearMonth(new Date('2025-10-01')), { year: 2025, month: 10 });
  assert.deepEqual(yearMonth(new Date('2025-12-31')), { year: 2025, month: 12 });
});

test('the date archive groups newest first, keeping the given order inside a month', () => {
  const items = ['2025-10-03', '2025-10-01', '2025-09-30', '2024-12-01'].map((d) => ({ d, date: new Date(d) }));
  const years = groupByMonth(items, (item) => item.date);
  assert.deepEqual(
    years.map((y) => [y.year, y.months.map((m) => [m.month, m.items.map((i) => i.d)])]),
    [
      [
        2025,
        [
          [10, ['2025-10-03', '2025-10-01']],
          [9, ['2025-09-30']],
        ],
      ],
      [2024, [[12, ['2024-12-01']]]],
    ],
  );
  assert.equal(years[0]!.items.length, 3);
  assert.equal(yearLabel(2025), '2025年');
  assert.equal(monthLabel(2025, 9), '2025年9月');
  assert.deepEqual(
    groupByMonth([], () => new Date()),
    [],
  );
});

test('older and newer come from the newest-first order, none past the ends', () => {
  const list = [{ key: 'c' }, { key: 'b' }, { key: 'a' }];
  assert.deepEqual(olderAndNewer(list, 1), { older: { key: 'a' }, newer: { key: 'c' } });
  assert.deepEqual(olderAndNewer(list, 0), { older: { key: 'b' } });
  assert.deepEqual(olderAndNewer(list, 2), { newer: { key: 'b' } });
  assert.deepEqual(olderAndNewer([], 0), {});
});

test('related stories share the place or section, closest first, never the story itself', () => {
  const story = { key: 'me', section: 'project', city: '晋中市', county: '灵石县' };
  const all = [
    story,
    { key: 'other-section-far', section: 'meeting', city: '长治市' },
    { key: 'same-section', section: 'project', city: '太原市' },
    { key: 'same-city', section: 'meeting', city: '晋中市', county: '昔阳县' },
    { key: 'same-county', section: 'meeting', city: '晋中市', county: '灵石县' },
    { key: 'same-city-and-section', section: 'project', city: '晋中市' },
  ];
  assert.deepEqual(
    relatedStories(all, story, 10).map((s) => s.key),
    ['same-county', 'same-city-and-section', 'same-city', 'same-section'],
  );
  assert.deepEqual(
    relatedStories(all, story, 2).map((s) => s.key),
    ['same-county', 'same-city-and-section'],
  );
  // Counties of the same name in different cities are not the same place.
  const elsewhere = { key: 'x', section: 'meeting', city: '朔州市', county: '灵石县' };
  assert.deepEqual(relatedStories([elsewhere], story), []);
});

/** A seeded shuffle of sections and places, including same-named counties in different cities. */
function shuffledStories(count: number, prefix = 's') {
  let seed = 7;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const places = [
    { city: '晋中市', county: '灵石县' },
    { city: '晋中市', county: '昔阳县' },
    { city: '晋中市' },
    { city: '朔州市', county: '灵石县' },
    { city: '太原市' },
  ];
  const sections = ['project', 'meeting', 'development-zone'];
  return Array.from({ length: count }, (_, i) => ({
    key: `${prefix}${i}`,
    section: sections[next(3)]!,
    ...places[next(5)]!,
    // Printed pages of eight stories, each day's new ones on pages of their own.
    page: `${prefix}-page-${Math.floor(i / 8)}`,
  }));
}

test('related links for the whole archive at once equal the one-by-one answer', () => {
  const stories = shuffledStories(300);
  const all = relatedForAll(stories);
  for (const story of stories) {
    assert.deepEqual(all.get(story.key), relatedStories(stories, story), story.key);
  }
});

test('related: a story alone in its place and section gets the other stories of its printed page', () => {
  const page = 'page-1.txt';
  const list = [
    { key: 'a', section: 'project', city: '太原市', page },
    { key: 'b', section: 'project', city: '太原市', page },
    { key: 'c', section: 'meeting', city: '长治市', page },
    { key: 'd', section: 'project', city: '太原市', page },
    { key: 'e', section: 'project', city: '朔州市', page: 'page-2.txt' },
    { key: 'f', section: 'development-zone', city: '晋城市', page },
  ];
  // c's 上一篇/下一篇 are b and d; a and f share only its page; e shares nothing.
  assert.deepEqual(
    relatedStories(list, list[2]!).map((s) => s.key),
    ['a', 'f'],
  );
  assert.deepEqual(
    relatedForAll(list)
      .get('c')
      ?.map((s) => s.key),
    ['a', 'f'],
  );
  // Place and section come before the page: for a, e (its section, another page) before c and f
  // (the page only), of which c is the nearer.
  assert.deepEqual(
    relatedStories(list, list[0]!).map((s) => s.key),
    ['d', 'e', 'c'],
  );
});

test("related: among equally close stories the nearest in time, never the story's 上一篇 or 下一篇", () => {
  // All of one city and section (equally close), newest first.
  const list = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((key) => ({ key, section: 'project', city: '太原市' }));
  // d's neighbours c and e are linked as 上一篇/下一篇; then b and f (two away, the newer first), then a.
  assert.deepEqual(
    relatedStories(list, list[3]!).map((s) => s.key),
    ['b', 'f', 'a'],
  );
  assert.deepEqual(
    relatedForAll(list)
      .get('d')!
      .map((s) => s.key),
    ['b', 'f', 'a'],
  );
});

test("a day's new stories change the related links of a few stories only, not of their whole section and place", () => {
  const old = shuffledStories(300);
  const before = relatedForAll(old);
  const after = relatedForAll([...shuffledStories(5, 'new'), ...old]);
  const keys = (stories: { key: string }[] | undefined) => stories?.map((s) => s.key).join();
  const changed = old.filter((story) => keys(before.get(story.key)) !== keys(after.get(story.key)));
  // Each group a new story joins changes for its newest few members only (limit + 2 of them, at most).
  assert.ok(changed.length < 30, `${changed.length} of 300 stories' related links changed`);
});

test('a citation names authors, 《headline》, newspaper, date and permalink', () => {
  const base = { headline: '机械轰鸣抢进度', newspaper: '科学导报', permalink: 'https://a.example/stories/x/' };
  assert.equal(
    formatCitation({ ...base, authors: ['袁兆辉', '张小菊'], date: new Date('2025-10-01'), precision: 'day' }),
    '袁兆辉、张小菊，《机械轰鸣抢进度》，科学导报，2025年10月1日，https://a.example/stories/x/',
  );
  assert.equal(
    formatCitation({ ...base, authors: [], date: new Date('2025-10-01'), precision: 'month' }),
    '《机械轰鸣抢进度》，科学导报，2025年10月，https://a.example/stories/x/',
  );
});

test('authors are the bylines, or the photo credits of photo news without one', () => {
  const photographer = { name: '王瑞瑞', role: 'photographer' as const };
  assert.deepEqual(storyAuthors({ bylines: [], format: 'photo', figures: [{ credit: photographer }, {}] }), [
    photographer,
  ]);
  assert.deepEqual(storyAuthors({ bylines: [], format: 'article', figures: [{ credit: photographer }] }), []);
  const reporter = { name: '王佳琪', role: 'reporter' as const };
  assert.deepEqual(storyAuthors({ bylines: [reporter], format: 'photo', figures: [{ credit: photographer }] }), [
    reporter,
  ]);
});

test('NewsArticle carries the fields search engines read; a month-precision date claims no day', () => {
  const input = {
    url: 'https://a.example/stories/x/',
    headline: '多元施策突围转型发展主战场',
    kicker: '灵石经济技术开发区',
    description: '摘要',
    date: new Date('2025-10-01'),
    precision: 'month' as const,
    authors: [
      { name: '赵赞', role: 'reporter' as const },
      { name: '长治高新区', role: 'supplied' as const },
    ],
    newspaper: '科学导报',
    section: '开发区',
    place: { city: '晋中市', county: '灵石县' },
  };
  const data = newsArticle(input) as Record<string, any>;
  assert.equal(data['@type'], 'NewsArticle');
  assert.equal(data.datePublished, '2025-10');
  assert.equal(data.alternativeHeadline, '灵石经济技术开发区');
  assert.deepEqual(data.author, [
    { '@type': 'Person', name: '赵赞' },
    { '@type': 'Organization', name: '长治高新区' },
  ]);
  assert.deepEqual(data.publisher, { '@type': 'Organization', name: '科学导报' });
  assert.equal(data.contentLocation.name, '晋中市灵石县');
  assert.equal(data.url, input.url);
  assert.equal((newsArticle({ ...input, precision: 'day' }) as any).datePublished, '2025-10-01');
  assert.equal('alternativeHeadline' in newsArticle({ ...input, kicker: undefined }), false);
});

test('breadcrumbs number their items; JSON-LD can never close its script element', () => {
  const list = breadcrumbList([
    { name: '首页', url: 'https://a.example/' },
    { name: '项目', url: 'https://a.example/sections/project/' },
  ]) as any;
  assert.deepEqual(
    list.itemListElement.map((i: any) => i.position),
    [1, 2],
  );
  const text = jsonLd({ headline: '</script><script>alert(1)</script>' });
  assert.equal(text.includes('</script>'), false);
  assert.equal(JSON.parse(text).headline, '</script><script>alert(1)</script>');
});

test('feed HTML: captions with credits, the body, notes, and fragments made absolute', () => {
  assert.equal(escapeHtml('<a href="x">&</a>'), '&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  assert.equal(
    absoluteFragments('<a href="#p1"></a><a href="/x">', 'https://a.example/s/'),
    '<a href="https://a.example/s/#p1"></a><a href="/x">',
  );
  const html = feedHtml({
    bodyHtml: '<p id="p1">正文<a href="#p1"></a></p>\n',
    figures: [{ caption: '俯瞰<工地>。', credit: { name: '王瑞瑞', role: 'photographer' } }],
    notes: [{ text: '原文如此。', anchor: '正文' }],
    permalink: 'https://a.example/s/',
  });
  assert.equal(
    html,
    [
      '<figure><figcaption>俯瞰&lt;工地&gt;。 ■ 王瑞瑞摄</figcaption></figure>',
      '<p id="p1">正文<a href="https://a.example/s/#p1"></a></p>',
      '<aside><p>编者注（本档案编者所加，不属原文）：</p><ol>',
      '<li id="editor-note-1">“正文”：原文如此。</li>',
      '</ol></aside>',
    ].join('\n'),
  );
  assert.equal(
    feedHtml({ bodyHtml: '', figures: [{ caption: '图' }], notes: [], permalink: 'https://a.example/' }),
    '<figure><figcaption>图</figcaption></figure>',
  );
});

test('feeds drop the empty paragraph self-links but keep the text and ids', () => {
  const body = '<p id="p1">第一段。<a href="#p1" class="para-link" aria-label="链接到第1段"></a></p>';
  assert.equal(withoutParagraphLinks(body), '<p id="p1">第一段。</p>');
  assert.equal(withoutParagraphLinks('<p><a href="/x/">链接</a></p>'), '<p><a href="/x/">链接</a></p>');
});

test('上一篇/下一篇 say older or newer only when the dates do', () => {
  assert.equal(neighbourLabel('older', 'older'), '上一篇（较早）');
  assert.equal(neighbourLabel('newer', 'newer'), '下一篇（较新）');
  assert.equal(neighbourLabel('newer', 'same-day'), '下一篇（同日）');
  assert.equal(neighbourLabel('older', 'unknown'), '上一篇（同月，先后不详）');
  assert.equal(neighbourLabel('newer', 'unknown'), '下一篇（同月，先后不详）');
});

test('the date archive leads down 首页 › 按日期 › 2025年 › 10月, a later page of a listing last', () => {
  assert.deepEqual(archiveTrail(), [
    { name: '首页', path: '/' },
    { name: '按日期', path: '/archive/' },
  ]);
  assert.deepEqual(archiveTrail({ year: 2025 }).slice(2), [{ name: '2025年', path: '/archive/2025/' }]);
  assert.deepEqual(archiveTrail({ year: 2025, month: 10 }).slice(2), [
    { name: '2025年', path: '/archive/2025/' },
    { name: '10月', path: '/archive/2025/10/' },
  ]);
  assert.deepEqual(archiveTrail({ year: 2025, month: 9, page: 2 }).slice(2), [
    { name: '2025年', path: '/archive/2025/' },
    { name: '9月（第2页）', path: '/archive/2025/09/page/2/' },
  ]);
  assert.deepEqual(archiveTrail({ year: 2025, page: 3 }).at(-1), {
    name: '2025年（第3页）',
    path: '/archive/2025/page/3/',
  });
});
