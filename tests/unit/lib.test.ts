import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compareArchiveOrder,
  timeRelation,
  dateDerivationNote,
  formatChineseDate,
  inferredDateMark,
  isoDate,
} from '../../src/lib/dates.ts';
import { formatCaption, formatPhotoCredit, groupByRole } from '../../src/lib/credits.ts';
import { editorNoteId, splitOnAnchor } from '../../src/lib/editor-notes.ts';
import { CITIES, findCity, findCounty } from '../../src/lib/places.ts';
import { htmlParagraphs, opening } from '../../src/lib/text.ts';
import { absoluteUrl, placePath, searchPath, sectionPath, storyPath } from '../../src/lib/urls.ts';

test('dates format the Chinese way, to the day or the month', () => {
  const date = new Date('2025-10-03');
  assert.equal(formatChineseDate(date, 'day'), '2025年10月3日');
  assert.equal(formatChineseDate(date, 'month'), '2025年10月');
  assert.equal(isoDate(date, 'day'), '2025-10-03');
  assert.equal(isoDate(date, 'month'), '2025-10');
});

test('a date says where each of its parts comes from, as the frontmatter records it', () => {
  assert.equal(dateDerivationNote({ dateBasis: 'dateline', yearBasis: 'page' }), '月日据电头，年份据同版其他稿件推定');
  assert.equal(dateDerivationNote({ dateBasis: 'dateline', yearBasis: 'printed' }), '月日据电头');
  assert.equal(
    dateDerivationNote({ dateBasis: 'page', yearBasis: 'text' }),
    '原文未注明日期，据同版稿件推定到月，年份据本篇正文推定',
  );
  assert.equal(inferredDateMark({ dateBasis: 'dateline', yearBasis: 'page' }), '年份据同版稿件推定');
  assert.equal(inferredDateMark({ dateBasis: 'dateline', yearBasis: 'text' }), '年份据本篇正文推定');
  assert.equal(inferredDateMark({ dateBasis: 'dateline', yearBasis: 'printed' }), undefined);
  assert.equal(inferredDateMark({ dateBasis: 'page', yearBasis: 'page' }), '据同版稿件推定');
  assert.equal(inferredDateMark({ dateBasis: 'page', yearBasis: 'text' }), '月份据同版稿件推定，年份据本篇正文');
});

test('the archive order: newest month first; in a month the dated stories newest first, then the month-only ones by slug', () => {
  const day = (iso: string, key: string) => ({ date: new Date(iso), precision: 'day' as const, key });
  const month = (iso: string, key: string) => ({ date: new Date(iso), precision: 'month' as const, key });
  const items = [
    month('2025-10-01', 'lingshi'),
    day('2025-09-30', 'changzhi'),
    day('2025-10-01', 'b-pinglu'),
    month('2025-10-01', 'jincheng'),
    day('2025-10-03', 'taiyuan'),
    day('2025-10-01', 'a-same-day'),
    month('2025-11-01', 'november'),
    // A month-only date stored on another day of the month stands in the same place.
    month('2025-10-20', 'kaifa'),
  ];
  assert.deepEqual(
    items.sort(compareArchiveOrder).map((i) => i.key),
    ['november', 'taiyuan', 'a-same-day', 'b-pinglu', 'jincheng', 'kaifa', 'lingshi', 'changzhi'],
  );
});

test('older or newer only when the dates say so', () => {
  const pinglu = { date: new Date('2025-10-01'), precision: 'day' as const, key: 'p' };
  const jincheng = { date: new Date('2025-10-01'), precision: 'month' as const, key: 'j' };
  const lingshi = { date: new Date('2025-10-01'), precision: 'month' as const, key: 'l' };
  const changzhi = { date: new Date('2025-09-30'), precision: 'day' as const, key: 'c' };
  assert.equal(timeRelation(jincheng, lingshi), 'unknown');
  assert.equal(timeRelation(pinglu, jincheng), 'unknown');
  assert.equal(timeRelation(lingshi, changzhi), 'older');
  assert.equal(timeRelation(changzhi, pinglu), 'newer');
  assert.equal(timeRelation(pinglu, { ...pinglu, key: 'q' }), 'same-day');
});

test('credits print as on the page', () => {
  assert.equal(formatPhotoCredit({ name: '王瑞瑞', role: 'photographer' }), '王瑞瑞摄');
  assert.equal(formatCaption('学习会议。', { name: '长治高新区', role: 'supplied' }), '学习会议。 ■ 长治高新区供图');
  assert.equal(formatCaption('无署名'), '无署名');
  assert.deepEqual(
    groupByRole([
      { name: '袁兆辉', role: 'reporter' },
      { name: '王瑞瑞', role: 'photographer' },
      { name: '张小菊', role: 'reporter' },
    ]),
    [
      { role: 'reporter', label: '文', names: ['袁兆辉', '张小菊'] },
      { role: 'photographer', label: '摄', names: ['王瑞瑞'] },
    ],
  );
});

test('anchors split text without changing it', () => {
  const split = splitOnAnchor('甲乙丙乙', '乙');
  assert.deepEqual(split, { before: '甲', match: '乙', after: '丙乙' });
  assert.equal(splitOnAnchor('甲', '丁'), null);
  assert.equal(editorNoteId(0), 'editor-note-1');
});

test('places resolve by printed name, counties only inside their city', () => {
  const jinzhong = findCity('晋中市');
  assert.ok(jinzhong);
  assert.equal(findCounty(jinzhong, '灵石县')?.slug, 'lingshi');
  assert.equal(findCounty(jinzhong, '平鲁区'), undefined);
  assert.equal(findCity('上海市'), undefined);
  const slugs = CITIES.flatMap((c) => [c.slug, ...c.counties.map((k) => `${c.slug}/${k.slug}`)]);
  assert.equal(new Set(slugs).size, slugs.length, 'place slugs are unique');
});

test('paragraphs and openings', () => {
  assert.deepEqual(
    htmlParagraphs(
      '<p id="p1">甲<a href="#editor-note-1" class="editor-flag">乙 and 丙</a>&amp;&lt;“1+N”<a href="#p1" class="para-link" aria-label="链接到第1段"></a></p>\n<p>  </p>\n<p id="p2">丁</p>',
    ),
    ['甲乙 and 丙&<“1+N”', '丁'],
  );
  assert.equal(opening('一二三四五', 3), '一二三…');
  assert.equal(opening('一二三', 3), '一二三');
  assert.equal(opening('😀😀😀😀', 2), '😀😀…');
  // Ends at a clause in its second half, without the pause mark before the ellipsis.
  assert.equal(opening('本报讯 近日，晋城开发区召开会议，部署工作。', 18), '本报讯 近日，晋城开发区召开会议…');
  assert.equal(opening('一二三四五六。七八九十', 9), '一二三四五六。…');
  // No clause in reach: never inside a number or a Latin word.
  assert.equal(opening('项目建设规模为100MW储能', 9), '项目建设规模为…');
  assert.equal(opening('共计10000吨', 4), '共计…');
});

test('every URL is built in one place', () => {
  assert.equal(storyPath('a-b'), '/stories/a-b/');
  assert.equal(sectionPath('meeting'), '/sections/meeting/');
  assert.equal(placePath('jinzhong'), '/places/jinzhong/');
  assert.equal(placePath('jinzhong', 'lingshi'), '/places/jinzhong/lingshi/');
  assert.equal(searchPath(), '/search/');
  assert.equal(searchPath('高新区 招商'), '/search/?q=%E9%AB%98%E6%96%B0%E5%8C%BA%20%E6%8B%9B%E5%95%86');
  assert.equal(absoluteUrl('/stories/x/', 'https://example.org'), 'https://example.org/stories/x/');
});
