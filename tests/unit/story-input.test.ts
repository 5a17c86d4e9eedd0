/** A story file from bytes to checked frontmatter: encoding, frontmatter, dates, and the plain-words messages. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { parseCalendarDate } from '../../src/lib/dates.ts';
import { allowedFields, fieldName, formatIssues } from '../../src/lib/schema-issues.ts';
import { decodeStoryText, splitStoryFile, StoryFileError } from '../../src/lib/story-file.ts';
import { STORY_FIELDS, storySchema } from '../../src/lib/story-schema.ts';
import { isNonStoryFile } from '../../src/loaders/stories.ts';
import { encodeGbk } from '../support/gbk.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

const STORY = `---
slug: fixture-story
headline: 加紧施工干劲足
date: 2025-10-02
datePrecision: day
dateBasis: dateline
yearBasis: page
section: project
format: article
place:
  city: 晋中市
source:
  file: 000_d8543457e77b1294.txt
  lines: [1, 2]
---

科学导报讯 正文第一段。

第二段。
`;

/** The issues of `frontmatter` as the loader reports them. */
function messages(frontmatter: Record<string, unknown>): string {
  const checked = storySchema.safeParse(frontmatter);
  assert.equal(checked.success, false, 'the frontmatter should be refused');
  return formatIssues('content/stories/x.md', checked.error!.issues, frontmatter, STORY_FIELDS);
}

function frontmatterOf(text: string): Record<string, unknown> {
  return splitStoryFile(text).frontmatter;
}

test('a calendar date is YYYY-MM-DD and a day that exists', () => {
  assert.equal((parseCalendarDate('2025-10-02') as { date: Date }).date.toISOString(), '2025-10-02T00:00:00.000Z');
  assert.equal((parseCalendarDate('2024-02-29') as { date: Date }).date.toISOString(), '2024-02-29T00:00:00.000Z');
  for (const impossible of ['2025-13-45', '2025-02-30', '2025-02-29', '2025-00-10', '2025-10-00']) {
    assert.deepEqual(parseCalendarDate(impossible), { problem: 'no such day on the calendar' }, impossible);
  }
  for (const ambiguous of [
    '2025',
    '2025-10-2',
    '2025/10/02',
    '2025-10',
    '2025-10-02T00:00:00Z',
    ' 2025-10-02',
    '十月二日',
  ]) {
    assert.deepEqual(parseCalendarDate(ambiguous), { problem: 'not written YYYY-MM-DD' }, ambiguous);
  }
});

test('unquoted and quoted dates reach the schema as written, so js-yaml cannot roll 2025-13-45 over', () => {
  assert.equal(frontmatterOf(STORY).date, '2025-10-02');
  assert.equal(frontmatterOf(STORY.replace('date: 2025-10-02', "date: '2025-10-02'")).date, '2025-10-02');
  assert.equal(frontmatterOf(STORY.replace('date: 2025-10-02', 'date: 2025-13-45')).date, '2025-13-45');
  const parsed = storySchema.parse(frontmatterOf(STORY));
  assert.equal(parsed.date.toISOString(), '2025-10-02T00:00:00.000Z');
});

test('each bad date names the field and the one allowed form', () => {
  const allowed = '(allowed: a calendar date written YYYY-MM-DD, e.g. 2025-10-03)';
  const cases: [string, string][] = [
    ['2025-13-45', `field "date" is "2025-13-45": no such day on the calendar ${allowed}`],
    ["'2025-02-30'", `field "date" is "2025-02-30": no such day on the calendar ${allowed}`],
    ['2025', `field "date" is 2025 ${allowed}`],
    ['2025-10-2', `field "date" is "2025-10-2": not written YYYY-MM-DD ${allowed}`],
    ['2025/10/02', `field "date" is "2025/10/02": not written YYYY-MM-DD ${allowed}`],
  ];
  for (const [written, message] of cases) {
    assert.equal(
      messages(frontmatterOf(STORY.replace('date: 2025-10-02', `date: ${written}`))),
      `content/stories/x.md: ${message}`,
    );
  }
});

test('a valid date publishes as the same day in every time zone', () => {
  const script = `
    import { splitStoryFile } from './src/lib/story-file.ts';
    import { storySchema } from './src/lib/story-schema.ts';
    import { formatChineseDate, isoDate } from './src/lib/dates.ts';
    const out = [];
    for (const date of ['2025-10-02', "'2025-10-02'", '2025-01-01', '2025-12-31']) {
      const story = storySchema.parse(splitStoryFile(process.env.STORY_TEXT.replace('date: 2025-10-02', 'date: ' + date)).frontmatter);
      out.push(isoDate(story.date, 'day'), formatChineseDate(story.date, 'day'), isoDate(story.date, 'month'));
    }
    console.log(JSON.stringify(out));`;
  const published = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'].map((zone) => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, TZ: zone, STORY_TEXT: STORY },
    });
    assert.equal(run.status, 0, run.stderr);
    return run.stdout;
  });
  assert.deepEqual(JSON.parse(published[0] ?? ''), [
    '2025-10-02',
    '2025年10月2日',
    '2025-10',
    '2025-10-02',
    '2025年10月2日',
    '2025-10',
    '2025-01-01',
    '2025年1月1日',
    '2025-01',
    '2025-12-31',
    '2025年12月31日',
    '2025-12',
  ]);
  assert.equal(published[1], published[0], 'Asia/Shanghai');
  assert.equal(published[2], published[0], 'America/Los_Angeles');
});

test('UTF-8 with a BOM and CRLF line endings reads like plain UTF-8 with LF', () => {
  const plain = splitStoryFile(decodeStoryText(utf8(STORY)));
  const windows = splitStoryFile(decodeStoryText(utf8(`\ufeff${STORY.replaceAll('\n', '\r\n')}`)));
  assert.deepEqual(windows, plain);
  assert.equal(decodeStoryText(utf8('\ufeff---')), '---');
});

test("the body keeps the file's line numbers", () => {
  const { body } = splitStoryFile(STORY);
  assert.equal(body.split('\n')[16], '科学导报讯 正文第一段。');
  assert.equal(STORY.split('\n')[16], '科学导报讯 正文第一段。');
});

test('GBK and UTF-16 are "not UTF-8", with the line and byte where it stops', () => {
  const gbkBody = new Uint8Array([...utf8('---\nslug: x\n---\n\n'), ...encodeGbk('科学导报讯')]);
  assert.throws(() => decodeStoryText(gbkBody), {
    message: 'the file is not UTF-8 (line 5, byte 18: 0xbf); save it as UTF-8',
  });
  assert.throws(() => decodeStoryText(encodeGbk(STORY)), {
    message: 'the file is not UTF-8 (line 3, byte 35: 0xbc); save it as UTF-8',
  });
  assert.throws(() => decodeStoryText(encodeGbk(STORY)), StoryFileError);
  const utf16 = Buffer.from(`\ufeff${STORY}`, 'utf16le');
  assert.throws(() => decodeStoryText(utf16), {
    message: 'the file is not UTF-8 (line 1, byte 1: 0xff); save it as UTF-8',
  });
  // Without a BOM, UTF-16 of ASCII is valid UTF-8 with NUL bytes in between.
  assert.throws(() => decodeStoryText(Buffer.from('---\nslug: x', 'utf16le')), {
    message: 'the file is not UTF-8 text (line 1, byte 2: a NUL byte, as in UTF-16); save it as UTF-8',
  });
  assert.throws(() => decodeStoryText(utf8('\ufeff正\n\0')), /line 2, byte 8: a NUL byte/);
  // A character cut off at the very end is invalid too.
  assert.throws(() => decodeStoryText(utf8('正文').subarray(0, 5)), /line 1, byte 4: 0xe6/);
});

test('an empty, blank or CR-only file says it is empty, not "slug: Required"', () => {
  for (const text of ['', '\r\r\r', ' \n\n', '\r\n']) {
    assert.throws(
      () => splitStoryFile(text),
      { message: 'the file is empty: a story needs frontmatter between --- lines and a body' },
      JSON.stringify(text),
    );
  }
  assert.throws(() => splitStoryFile('科学导报讯 正文'), /does not start with a --- line/);
  assert.throws(() => splitStoryFile('---\nslug: x\n'), /no closing --- line/);
  assert.throws(() => splitStoryFile('---\n---\n正文'), /the frontmatter is empty/);
  assert.throws(() => splitStoryFile('---\n- a\n---\n'), /not a list of fields/);
  assert.throws(() => splitStoryFile('---\nslug: x\nslug: [\n---\n'), /not valid YAML.*\(4:1\)/s);
});

test('schema issues read as field, value and what is allowed', () => {
  const good = frontmatterOf(STORY);
  const without = ({ headline: _, ...rest }: Record<string, unknown>) => rest;
  assert.equal(
    messages(without(good)),
    'content/stories/x.md: field "headline" is missing (required: the headline as printed)',
  );
  assert.equal(
    messages({ ...good, foo: 1 }),
    'content/stories/x.md: unknown field "foo" (allowed: slug, kicker, headline, headlineDerived, subhead, date, datePrecision, dateBasis, yearBasis, section, format, place, bylines, source, figures, editorNotes)',
  );
  assert.equal(
    messages({ ...good, place: { city: '晋中市', town: 'x' } }),
    'content/stories/x.md: unknown field "place.town" (allowed in "place": city, county)',
  );
  assert.equal(
    messages({ ...good, section: 'sports' }),
    'content/stories/x.md: field "section" is "sports" (allowed: development-zone, project, meeting)',
  );
  assert.equal(
    messages({ ...good, bylines: [{ name: '张谦', role: 'writer' }] }),
    'content/stories/x.md: field "bylines[0].role" is "writer" (allowed: reporter, photographer, supplied (文, 摄, 供图))',
  );
  assert.match(
    messages({ ...good, place: { city: '上海市' } }),
    /^content\/stories\/x\.md: field "place\.city" is "上海市": not a city of src\/lib\/places\.ts \(allowed: a city of src\/lib\/places\.ts by its printed name: 太原市、.*晋中市/,
  );
  assert.equal(
    messages({ ...good, slug: 'Bad Slug' }),
    'content/stories/x.md: field "slug" is "Bad Slug" (allowed: lowercase ASCII words joined by "-", e.g. xiyang-vehicle-recycling-project)',
  );
  assert.equal(
    messages({ ...good, format: 'photo' }),
    'content/stories/x.md: field "figures" is missing: photo news needs at least one figure (required: a list of { caption, credit }; photo news needs at least one)',
  );
  // Several issues: a line each, each naming the file; nothing like "**headline**" or "Required".
  const many = messages({ foo: 1 });
  for (const line of many.split('\n'))
    assert.match(
      line,
      /^content\/stories\/x\.md: (field "[a-zA-Z.]+" is missing \(required: .+\)|unknown field "foo" \(allowed: .+\))$/,
    );
  assert.doesNotMatch(many, /\*\*|Required|Invalid input/);
});

test('every field of the schema has its plain-words help', () => {
  assert.deepEqual(allowedFields(STORY_FIELDS, []), Object.keys(storySchema.shape));
  assert.equal(fieldName(['bylines', 0, 'role']), 'bylines[0].role');
  assert.equal(fieldName([]), '');
});

test('only .md files are stories; hidden files and a README are left alone', () => {
  for (const name of ['README.md', 'readme', 'README.txt', '.gitkeep', '.DS_Store', '.x.md.swp', 'sub/.keep'])
    assert.equal(isNonStoryFile(name), true, name);
  for (const name of ['x.md', 'extra.MD', 'extra.markdown', 'x.md~', 'x.txt', 'sub/x.md', 'readme.markdown'])
    assert.equal(isNonStoryFile(name), false, name);
});

test('a GBK character that starts like a UTF-8 one is located at its first byte', () => {
  // 昔 is CE F4 in GBK: CE opens a two-byte UTF-8 character, F4 cannot continue it.
  assert.throws(() => decodeStoryText(new Uint8Array([...utf8('---\n'), ...encodeGbk('昔阳')])), {
    message: 'the file is not UTF-8 (line 2, byte 5: 0xce); save it as UTF-8',
  });
  // An ASCII byte cutting a three-byte character short: the character's first byte.
  assert.throws(() => decodeStoryText(new Uint8Array([0x61, 0xe6, 0xad, 0x61])), /line 1, byte 2: 0xe6/);
});
