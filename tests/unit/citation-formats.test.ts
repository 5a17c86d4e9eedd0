/** The researcher's formats of one story: GB/T 7714—2025, RIS, BibTeX, CSL-JSON, COinS and the story's data record. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gbtNewspaperCitation, type GbtNewspaperInput } from '../../src/lib/gbt7714.ts';
import { referenceMeta } from '../../src/lib/structured-data.ts';
import { bibtexRecord, cslJson, risRecord, type ReferenceInput } from '../../src/lib/reference-formats.ts';
import { writeArchiveData } from '../../src/integrations/archive-data.ts';
import { writeStoryReferences } from '../../src/integrations/story-references.ts';
import { DATA_FIELDS, storyDataRecord } from '../../src/lib/story-data.ts';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';

const URL_ = 'https://archive.example/stories/pinglu-hazardous-waste-project/';
const pinglu: GbtNewspaperInput = {
  authors: ['袁兆辉', '张小菊'],
  headline: '机械轰鸣抢进度',
  headlineDerived: false,
  newspaper: '科学导报',
  date: new Date('2025-10-01'),
  precision: 'day',
  url: URL_,
};

test('GB/T 7714—2025: a newspaper article, offline [N] and online [N/OL], names whole, no 版次 or access date', () => {
  assert.equal(gbtNewspaperCitation(pinglu, 'print'), '袁兆辉，张小菊. 机械轰鸣抢进度[N]. 科学导报，2025-10-01.');
  assert.equal(
    gbtNewspaperCitation(pinglu, 'online'),
    `袁兆辉，张小菊. 机械轰鸣抢进度[N/OL]. 科学导报，2025-10-01. ${URL_}.`,
  );
});

test('GB/T 7714—2025: a month-only story is cited to its month; a derived headline is bracketed; more than three authors get 等', () => {
  const month = { ...pinglu, precision: 'month' as const };
  assert.equal(gbtNewspaperCitation(month, 'print'), '袁兆辉，张小菊. 机械轰鸣抢进度[N]. 科学导报，2025-10.');
  assert.doesNotMatch(gbtNewspaperCitation(month, 'online'), /2025-10-01/);
  const photo = { ...pinglu, authors: ['王瑞瑞'], headline: '俯瞰工地', headlineDerived: true };
  assert.equal(gbtNewspaperCitation(photo, 'print'), '王瑞瑞. [俯瞰工地][N]. 科学导报，2025-10-01.');
  const many = { ...pinglu, authors: ['甲', '乙', '丙', '丁'], subhead: '副题' };
  assert.equal(gbtNewspaperCitation(many, 'print'), '甲，乙，丙，等. 机械轰鸣抢进度：副题[N]. 科学导报，2025-10-01.');
  const anonymous = { ...pinglu, authors: [] };
  assert.equal(gbtNewspaperCitation(anonymous, 'print'), '机械轰鸣抢进度[N]. 科学导报，2025-10-01.');
});

test('head metadata for Zotero: a newspaper article, one citation_author per whole name, a month stays a month, no journal title', () => {
  const tags = referenceMeta({
    headline: '机械轰鸣抢进度',
    authors: ['袁兆辉', '张小菊'],
    date: new Date('2025-10-01'),
    precision: 'month',
    newspaper: '科学导报',
    section: '项目',
  });
  const value = (key: string) => tags.filter((t) => ('name' in t ? t.name : t.property) === key).map((t) => t.content);
  assert.deepEqual(value('DC.type'), ['newspaperArticle']);
  assert.deepEqual(value('citation_author'), ['袁兆辉', '张小菊']);
  assert.deepEqual(value('citation_date'), ['2025-10']);
  assert.deepEqual(value('DC.source'), ['科学导报']);
  assert.deepEqual(value('article:section'), ['项目']);
  assert.deepEqual(value('citation_journal_title'), []);
});

const reference: ReferenceInput = {
  slug: 'a-story',
  authors: [
    { name: '王瑞瑞', role: 'photographer' },
    { name: '长治高新区', role: 'supplied' },
  ],
  headline: '50%_R&D {新} #1 ~ $2',
  newspaper: '科学导报',
  date: new Date('2025-10-01'),
  precision: 'month',
  section: '项目',
  url: 'https://archive.example/stories/a-story/',
  notes: ['日期：推定到月'],
};

test('RIS, BibTeX and CSL-JSON read back (citation-js) with the headline exact, names whole, the month without a day', () => {
  const ris = risRecord(reference);
  assert.match(ris, /^TY {2}- NEWS\r\n/);
  assert.match(ris, /\r\nDA {2}- 2025\/10\/\/\r\n/);
  assert.match(ris, /\r\nER {2}- \r\n$/);
  const [fromRis] = new Cite(ris).data;
  assert.equal(fromRis.title, reference.headline);
  assert.deepEqual(fromRis.reporter, ['王瑞瑞', '长治高新区']);
  assert.equal(fromRis.note, '日期：推定到月');

  const [fromBib] = new Cite(bibtexRecord(reference)).data;
  assert.equal(fromBib.title, reference.headline, 'special characters escaped and read back');
  assert.deepEqual(fromBib.author, [{ family: '王瑞瑞' }, { family: '长治高新区' }], 'each name one part, never split');
  assert.deepEqual(fromBib.issued, { 'date-parts': [[2025, 10]] });
  assert.equal(fromBib.genre, 'newspaper');

  const [fromCsl] = new Cite(JSON.parse(cslJson(reference))).data;
  assert.deepEqual(fromCsl.author, [{ literal: '王瑞瑞' }, { literal: '长治高新区' }]);
  assert.deepEqual(fromCsl.issued, { 'date-parts': [[2025, 10]] });
  assert.equal(fromCsl.type, 'article-newspaper');
});

test('the data writer: one JSON file per story, each month as JSON Lines in archive order, and a stop when a story page has no record', async () => {
  const out = mkdtempSync(join(tmpdir(), 'archive-data-'));
  try {
    for (const slug of ['a', 'b', 'c']) {
      mkdirSync(join(out, 'stories', slug), { recursive: true });
      writeFileSync(join(out, 'stories', slug, 'index.html'), '');
    }
    const records = join(out, 'records.tsv');
    const order = join(out, 'order.txt');
    const line = (slug: string) => JSON.stringify({ slug, text: '甲\n乙' });
    writeFileSync(order, 'a\nb\nc\n');
    writeFileSync(records, `2025-10\tb\t${line('b')}\n2025-10\ta\t${line('a')}\n2025-09\tc\t${line('c')}\n`);
    const written = await writeArchiveData(out, records, order, join(out, 'kept'));
    assert.equal(written.stories, 3);
    assert.deepEqual(
      written.files.map((f) => [f.path, f.stories]),
      [
        ['/data/archive/2025-10.jsonl', 2],
        ['/data/archive/2025-09.jsonl', 1],
      ],
    );
    assert.equal(readFileSync(join(out, 'data/archive/2025-10.jsonl'), 'utf8'), `${line('a')}\n${line('b')}\n`);
    assert.equal(readFileSync(join(out, 'data/stories/c.json'), 'utf8'), `${line('c')}\n`);
    assert.equal(JSON.parse(readFileSync(join(out, 'data/index.json'), 'utf8')).stories, 3);

    writeFileSync(records, `2025-10\ta\t${line('a')}\n`);
    await assert.rejects(
      writeArchiveData(out, records, order, join(out, 'kept')),
      /recorded 1 stories, but there are 3 story pages/,
    );
    writeFileSync(records, `2025-10\ta\t${line('a')}\n2025-10\ta\t${line('a')}\n`);
    await assert.rejects(writeArchiveData(out, records, order, join(out, 'kept')), /story a was recorded twice/);
    writeFileSync(records, `2025-10\td\t${line('d')}\n`);
    await assert.rejects(
      writeArchiveData(out, records, order, join(out, 'kept')),
      /story d has no place in the archive's order/,
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('the reference files writer: three files per story from its record, and a stop when a story page has none or two', async () => {
  const out = mkdtempSync(join(tmpdir(), 'story-references-'));
  try {
    for (const slug of ['a', 'b']) {
      mkdirSync(join(out, 'stories', slug), { recursive: true });
      writeFileSync(join(out, 'stories', slug, 'index.html'), '');
    }
    const records = join(out, 'references.jsonl');
    const line = (slug: string) =>
      `${slug}\t${JSON.stringify({ ris: `TY  - NEWS\n${slug}`, bib: `@article{${slug}}`, csl: '[]\n' })}`;
    writeFileSync(records, `${line('b')}\n${line('a')}\n`);
    assert.equal(await writeStoryReferences(out, records, join(out, 'kept')), 2);
    assert.equal(readFileSync(join(out, 'stories/a.ris'), 'utf8'), 'TY  - NEWS\na');
    assert.equal(readFileSync(join(out, 'stories/b.bib'), 'utf8'), '@article{b}');
    assert.equal(readFileSync(join(out, 'stories/b.csl.json'), 'utf8'), '[]\n');

    writeFileSync(records, `${line('a')}\n`);
    await assert.rejects(
      writeStoryReferences(out, records, join(out, 'kept')),
      /recorded 1 stories, but there are 2 story pages/,
    );
    writeFileSync(records, `${line('a')}\n${line('a')}\n`);
    await assert.rejects(writeStoryReferences(out, records, join(out, 'kept')), /story a was recorded twice/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('a story record: text as printed, a month-only date without a day, derived values apart', () => {
  const record = storyDataRecord({
    slug: 'x',
    url: 'https://archive.example/stories/x/',
    headline: '题',
    headlineDerived: true,
    date: new Date('2025-10-01'),
    datePrecision: 'month',
    dateBasis: 'page',
    yearBasis: 'page',
    section: 'project',
    format: 'photo',
    place: { city: '太原市' },
    bylines: [],
    source: { name: '科学导报', file: 'p.txt', lines: [1, 2] },
    figures: [{ caption: '说明' }],
    editorNotes: [],
    paragraphs: [],
  });
  assert.equal(record.date, '2025-10');
  assert.deepEqual(Object.keys(record.derived as object), ['url', 'sectionLabel', 'date', 'headline']);
  for (const key of Object.keys(record))
    assert.ok(
      DATA_FIELDS.some(([field]) => field === key),
      `${key} is documented on /data/`,
    );
});
