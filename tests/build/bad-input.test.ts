/**
 * Bad story files stop the build with a message naming the file, the field and what is allowed.
 * Each case is a full `astro build` of a throwaway archive, so the loader's cases (anything wrong
 * with a file or its frontmatter, all reported at once) share one build; render errors stop at the
 * first, so each has its own. tests/build/last-good-site.test.ts covers an editor's note anchored
 * to missing text, and shows the real stories build.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildWithStories, writeStory } from '../support/build.ts';
import { encodeGbk } from '../support/gbk.ts';

const GOOD_FILE = 'xiyang-vehicle-recycling-project.md';
const GOOD = readFileSync(join('content/stories', GOOD_FILE), 'utf8');

/** The good story under the slug `fixture-<n>`, with `change` applied to its text. */
let fixtures = 0;
function variant(change: (text: string) => string = (t) => t): string {
  return change(GOOD.replace('slug: xiyang-vehicle-recycling-project', `slug: fixture-${++fixtures}`));
}

const withDate = (date: string) => variant((t) => t.replace(/^date: .*$/m, `date: ${date}`));
const DATE_ALLOWED = /\(allowed: a calendar date written YYYY-MM-DD, e\.g\. 2025-10-03\)/;
const OUTPUT_LINE = /^.*$/gm;

/** File name → text or bytes, and what its line of the build output must say. */
const LOADER_CASES: [string, string | Uint8Array, RegExp[]][] = [
  // 1. dates: impossible or ambiguous, quoted or not
  ['date-month-13.md', withDate('2025-13-45'), [/field "date" is "2025-13-45": no such day on the calendar/, DATE_ALLOWED]],
  ['date-feb-30.md', withDate("'2025-02-30'"), [/field "date" is "2025-02-30": no such day on the calendar/, DATE_ALLOWED]],
  ['date-year-only.md', withDate('2025'), [/field "date" is 2025 /, DATE_ALLOWED]],
  ['date-one-digit-day.md', withDate('2025-10-2'), [/field "date" is "2025-10-2": not written YYYY-MM-DD/, DATE_ALLOWED]],
  ['date-slashes.md', withDate('2025/10/02'), [/field "date" is "2025\/10\/02": not written YYYY-MM-DD/, DATE_ALLOWED]],
  ['date-words.md', withDate('十月二日'), [/field "date" is "十月二日": not written YYYY-MM-DD/, DATE_ALLOWED]],
  // 2. not UTF-8: wholly GBK, a GBK body under UTF-8 frontmatter, UTF-16 as Windows saves it
  ['gbk.md', encodeGbk(variant()), [/the file is not UTF-8 \(line 3, byte \d+: 0xce\); save it as UTF-8/]],
  ['gbk-body.md', (() => {
    const text = variant();
    const body = text.indexOf('\n---\n', 4) + 5;
    return new Uint8Array([...Buffer.from(text.slice(0, body)), ...encodeGbk(text.slice(body))]);
  })(), [/the file is not UTF-8 \(line 23, byte \d+: 0x[0-9a-f]{2}\)/]],
  ['utf-16.md', Buffer.from(`\ufeff${variant()}`, 'utf16le'), [/the file is not UTF-8 \(line 1, byte 1: 0xff\)/]],
  // 3. other extensions
  ['extra.MD', variant(), [/not a story file: story files end in \.md \(lowercase\)/]],
  ['extra.markdown', variant(), [/not a story file: story files end in \.md \(lowercase\)/]],
  // 5. plain words for what zod and the frontmatter parser used to garble
  ['empty.md', '', [/the file is empty: a story needs frontmatter between --- lines and a body/]],
  ['cr-only.md', '\r\r\r', [/the file is empty: a story needs frontmatter between --- lines and a body/]],
  ['no-headline.md', variant((t) => t.replace(/^headline: .*\n/m, '')), [/field "headline" is missing \(required: the headline as printed\)/]],
  ['unknown-field.md', variant((t) => t.replace('format: article', 'format: article\nfoo: 1')), [/unknown field "foo" \(allowed: slug, kicker, headline, .*editorNotes\)/]],
  ['bad-section.md', variant((t) => t.replace(/^section: .*$/m, 'section: sports')), [/field "section" is "sports" \(allowed: development-zone, project, meeting\)/]],
  ['bad-place.md', variant((t) => t.replace('city: 晋中市', 'city: 上海市')), [/field "place\.city" is "上海市": not a city of src\/lib\/places\.ts \(allowed: .*晋中市/]],
  ['broken-yaml.md', '---\nslug: [\n---\n', [/the frontmatter is not valid YAML/]],
  ['copy-of-xiyang.md', GOOD, [/field "slug" is "xiyang-vehicle-recycling-project", already the slug of .*/]],
];

test('every bad story file is named at once, with the field and what is allowed', () => {
  const { status, output } = buildWithStories((dir) => {
    for (const [name, text] of LOADER_CASES) writeStory(dir, name, text);
    // Not stories, and allowed in the folder.
    writeStory(dir, 'README.md', '# 稿件说明\n');
    writeStory(dir, '.DS_Store', new Uint8Array([0, 0, 0, 1]));
  });
  assert.notEqual(status, 0, `the build should stop:\n${output}`);
  assert.match(output, new RegExp(`${LOADER_CASES.length} story files are not fit to publish`));
  const lines = output.match(OUTPUT_LINE) ?? [];
  for (const [name, , expected] of LOADER_CASES) {
    // The duplicate is reported on the second file to claim the slug (in name order).
    const file = name === 'copy-of-xiyang.md' ? GOOD_FILE : name;
    const line = lines.find((l) => l.includes(`stories/${file}: `));
    assert.ok(line, `${file} is named:\n${output}`);
    for (const pattern of expected) assert.match(line, pattern, file);
    if (name === 'copy-of-xiyang.md') assert.match(line, /copy-of-xiyang\.md/);
  }
  assert.doesNotMatch(output, /README\.md|\.DS_Store|Required|Unrecognized key|\*\*/);
  for (const real of ['changzhi-hi-tech-zone-study-meeting.md', 'lingshi-etdz-transformation.md', 'taiyuan-energy-storage-station-photo.md']) {
    assert.doesNotMatch(output, new RegExp(real), `${real} is fine`);
  }
});

function assertRenderFails(name: string, text: string, ...expected: RegExp[]): string {
  const { status, output } = buildWithStories((dir) => writeStory(dir, name, text));
  assert.notEqual(status, 0, `the build should stop:\n${output}`);
  assert.match(output, new RegExp(`stories/${name.replace('.', '\\.')}`), 'names the file');
  for (const pattern of expected) assert.match(output, pattern);
  return output;
}

test('an article with an empty body stops the build', () => {
  assertRenderFails('empty-body.md', variant((t) => t.slice(0, t.indexOf('\n---\n') + 5)), /field "body" is empty/);
});

test('raw HTML in a body stops the build, naming the line', () => {
  const text = variant((t) => `${t}\n<img src=x onerror=alert(1)>\n`);
  const line = text.split('\n').indexOf('<img src=x onerror=alert(1)>') + 1;
  assertRenderFails('raw-html.md', text, new RegExp(`raw-html\\.md, line ${line}: raw HTML is not allowed in a story body \\(field: body\\)`));
});

test('images in a body (local, external, reference-style) stop the build, naming each line', () => {
  const text = variant((t) => `${t}\n![现场](./photo.jpg)\n\n外链![x](https://example.com/a.png)\n\n![图][ref]\n\n[ref]: ./b.jpg\n`);
  const lineOf = (snippet: string) => text.split('\n').findIndex((l) => l.includes(snippet)) + 1;
  assertRenderFails(
    'images.md',
    text,
    new RegExp(
      `images\\.md: images are not allowed in a story body \\(field: body\\): ` +
        `!\\[现场\\]\\(\\./photo\\.jpg\\) \\(line ${lineOf('./photo.jpg')}\\), ` +
        `!\\[x\\]\\(https://example\\.com/a\\.png\\) \\(line ${lineOf('a.png')}\\), ` +
        `!\\[图\\]\\[ref\\] \\(line ${lineOf('![图]')}\\); the archive holds no photos`,
    ),
  );
});
