/**
 * Bad story files stop the build with a message naming the file, the field (or line) and what is
 * allowed. Every check of a file, its frontmatter and its body runs in the loader, which reports
 * every bad file at once, so all the cases share one `astro build` of a throwaway archive (about
 * 10 s). tests/build/last-good-site.test.ts shows the last good site surviving, builds excluding
 * each other and what the accepted Markdown publishes.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
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
const withField = (field: string, value: string) =>
  variant((t) => t.replace(new RegExp(`^${field}: .*$`, 'm'), `${field}: ${value}`));
/** The good story with `markdown` added to its body, as a paragraph of its own. */
const withBody = (markdown: string) => variant((t) => `${t}\n${markdown}\n`);
/** The good story with its body replaced. */
const onlyBody = (markdown: string) => variant((t) => `${t.slice(0, t.indexOf('\n---\n') + 5)}\n${markdown}\n`);
const withNote = (anchor: string) => (text: string) =>
  text.replace('format: article', `format: article\neditorNotes:\n  - text: 说明\n    anchor: ${anchor}`);
const MARKDOWN = /the body holds Markdown a printed story does not have \(field: body\): /;
const DATE_ALLOWED = /\(allowed: a calendar date written YYYY-MM-DD, e\.g\. 2025-10-03\)/;
const OUTPUT_LINE = /^.*$/gm;

/** File name → text or bytes, and what its line of the build output must say. */
const LOADER_CASES: [string, string | Uint8Array, RegExp[]][] = [
  // 1. dates: impossible or ambiguous, quoted or not
  [
    'date-month-13.md',
    withDate('2025-13-45'),
    [/field "date" is "2025-13-45": no such day on the calendar/, DATE_ALLOWED],
  ],
  [
    'date-feb-30.md',
    withDate("'2025-02-30'"),
    [/field "date" is "2025-02-30": no such day on the calendar/, DATE_ALLOWED],
  ],
  ['date-year-only.md', withDate('2025'), [/field "date" is 2025 /, DATE_ALLOWED]],
  [
    'date-one-digit-day.md',
    withDate('2025-10-2'),
    [/field "date" is "2025-10-2": not written YYYY-MM-DD/, DATE_ALLOWED],
  ],
  ['date-slashes.md', withDate('2025/10/02'), [/field "date" is "2025\/10\/02": not written YYYY-MM-DD/, DATE_ALLOWED]],
  ['date-words.md', withDate('十月二日'), [/field "date" is "十月二日": not written YYYY-MM-DD/, DATE_ALLOWED]],
  // 2. not UTF-8: wholly GBK, a GBK body under UTF-8 frontmatter, UTF-16 as Windows saves it
  ['gbk.md', encodeGbk(variant()), [/the file is not UTF-8 \(line 3, byte \d+: 0xce\); save it as UTF-8/]],
  [
    'gbk-body.md',
    (() => {
      const text = variant();
      const body = text.indexOf('\n---\n', 4) + 5;
      return new Uint8Array([...Buffer.from(text.slice(0, body)), ...encodeGbk(text.slice(body))]);
    })(),
    [/the file is not UTF-8 \(line 24, byte \d+: 0x[0-9a-f]{2}\)/],
  ],
  ['utf-16.md', Buffer.from(`\ufeff${variant()}`, 'utf16le'), [/the file is not UTF-8 \(line 1, byte 1: 0xff\)/]],
  // 3. other extensions
  ['extra.MD', variant(), [/not a story file: story files end in \.md \(lowercase\)/]],
  ['extra.markdown', variant(), [/not a story file: story files end in \.md \(lowercase\)/]],
  // 5. plain words for what zod and the frontmatter parser used to garble
  ['empty.md', '', [/the file is empty: a story needs frontmatter between --- lines and a body/]],
  ['cr-only.md', '\r\r\r', [/the file is empty: a story needs frontmatter between --- lines and a body/]],
  [
    'no-headline.md',
    variant((t) => t.replace(/^headline: .*\n/m, '')),
    [/field "headline" is missing \(required: the headline as printed\)/],
  ],
  [
    'unknown-field.md',
    variant((t) => t.replace('format: article', 'format: article\nfoo: 1')),
    [/unknown field "foo" \(allowed: slug, kicker, headline, .*editorNotes\)/],
  ],
  [
    'bad-section.md',
    variant((t) => t.replace(/^section: .*$/m, 'section: sports')),
    [/field "section" is "sports" \(allowed: development-zone, project, meeting\)/],
  ],
  [
    'bad-place.md',
    variant((t) => t.replace('city: 晋中市', 'city: 上海市')),
    [/field "place\.city" is "上海市": not a city of src\/lib\/places\.ts \(allowed: .*晋中市/],
  ],
  ['broken-yaml.md', '---\nslug: [\n---\n', [/the frontmatter is not valid YAML/]],
  ['copy-of-xiyang.md', GOOD, [/field "slug" is "xiyang-vehicle-recycling-project", already the slug of .*/]],
  // 6. bodies the page renders (once their own builds): empty, raw HTML, images
  [
    'empty-body.md',
    variant((t) => t.slice(0, t.indexOf('\n---\n') + 5)),
    [/: field "body" is empty; an article needs its text/],
  ],
  [
    'raw-html.md',
    withBody('<img src=x onerror=alert(1)>'),
    [/raw-html\.md, line 36: raw HTML is not allowed in a story body \(field: body\)/],
  ],
  [
    'images.md',
    withBody('![现场](./photo.jpg)\n\n外链![x](https://example.com/a.png)\n\n![图][ref]\n\n[ref]: ./b.jpg'),
    [
      /images\.md: images are not allowed in a story body \(field: body\): !\[现场\]\(\.\/photo\.jpg\) \(line 36\), !\[x\]\(https:\/\/example\.com\/a\.png\) \(line 38\), !\[图\]\[ref\] \(line 40\); the archive holds no photos/,
    ],
  ],
  // 7. (issue 23, case 1) Markdown beyond paragraphs: refused with its line and how to keep it as text
  [
    'md-setext.md',
    withBody('补充一段。\n---'),
    [MARKDOWN, /line 36 "补充一段。" is a heading: a line of --- or === under a paragraph makes it one/],
  ],
  [
    'md-heading.md',
    withBody('## 小标题'),
    [/md-heading\.md: .*line 36 "## 小标题" is a heading \(a line starting with #\).*write \\# to keep/],
  ],
  ['md-fenced-code.md', withBody('```\n代码\n```'), [/line 36 "```" starts a code block/]],
  [
    'md-indented-code.md',
    withBody('    缩进的段落。'),
    [/line 36 "缩进的段落。" is indented by four spaces or a tab, which Markdown reads as code/],
  ],
  [
    'md-numbered-list.md',
    withBody('2025. 年初，项目开工。'),
    [
      /line 36 "2025\. 年初，项目开工。" starts with a number and a dot .* numbered list starting at 2025: write 2025\\\. to keep it as text/,
    ],
  ],
  [
    'md-bulleted-list.md',
    withBody('- 一项'),
    [/line 36 "- 一项" starts with -, \+ or \* and a space, which Markdown reads as a bulleted list/],
  ],
  [
    'md-footnote.md',
    withBody('正文[^1]。\n\n[^1]: 注释'),
    [/line 36 "\[\^1\]" is a footnote reference; .*line 38 "\[\^1\]: 注释" is a footnote/],
  ],
  [
    'md-definition.md',
    withBody('[王瑞瑞]: 摄影'),
    [
      /line 36 "\[王瑞瑞\]: 摄影" is a link definition \(\[…\]: …\), which would vanish from the page: write \\\[ to keep/,
    ],
  ],
  [
    'md-blockquote.md',
    withBody('> 引用的段落'),
    [/line 36 "> 引用的段落" starts with >, which Markdown reads as a quotation/],
  ],
  [
    'md-link.md',
    withBody('见[此处](//evil.example/p)。'),
    [/line 36 "\[此处\]\(\/\/evil\.example\/p\)" is a link \(\[text\]\(address\)\); a printed story has none/],
  ],
  [
    'md-autolink.md',
    withBody('<https://evil.example/>'),
    [/line 36 "<https:\/\/evil\.example\/>" is a link \(an address between < >\)/],
  ],
  ['md-inline-code.md', withBody('用`代码`写'), [/line 36 "`代码`" is code/]],
  [
    'md-hard-break.md',
    withBody('第一行  \n第二行'),
    [/line 36 "第一行" ends in two spaces or a backslash, a line break inside a paragraph/],
  ],
  [
    'md-unjoined-lines.md',
    withBody('提供法律保障和技术\n支持。'),
    [/line 37 "支持。" continues the paragraph above it: a paragraph is one line; join the lines/],
  ],
  ['md-rule.md', withBody('***'), [/line 36 "\*\*\*" is a horizontal rule/]],
  // 8. (case 2) invisible text; (case 3) characters XML forbids; U+202E, written or as a reference
  [
    'invisible-headline.md',
    withField('headline', '"\\u200B\\u200B"'),
    [
      /field "headline" is ".*": has no visible text \(only invisible characters such as U\+200B\) \(allowed: the headline as printed\)/,
    ],
  ],
  [
    'invisible-body.md',
    onlyBody('\u200b\u200c'),
    [/: field "body": paragraph 1 \(#p1\) has no visible text \(only invisible characters such as U\+200B\)/],
  ],
  [
    'control-body.md',
    withBody('报废\u0007汽车'),
    [/control-body\.md, line 36: field "body" holds U\+0007, a control character \(character 3\); delete it/],
  ],
  [
    'control-headline.md',
    withField('headline', '"加紧\\0施工\\a\\e"'),
    [/field "headline" is "加紧\\u0000施工\\u0007\\u001b": holds U\+0000, a control character \(character 3\)/],
  ],
  [
    'rlo-headline.md',
    withField('headline', '"\\u202E足劲干工施紧加"'),
    [/field "headline" is .*holds U\+202E, a text-direction control that reorders what readers see/],
  ],
  [
    'rlo-reference.md',
    withBody('&#x202E;足劲干'),
    [/: field "body": paragraph 7 \(#p7\) holds U\+202E, a text-direction control/],
  ],
  // 9. (case 4) editor's notes across emphasis, or inside a link
  [
    'note-across-bold.md',
    variant((t) => withNote('建设现场')(t).replace('项目建设现场', '项目**建设**现场')),
    [
      /field "editorNotes\[0\]\.anchor" \("建设现场"\) runs across emphasis or bold \(between \* or \*\* marks\) in the body/,
    ],
  ],
  [
    'note-in-link.md',
    variant((t) => withNote('报废汽车')(`${t}\n[报废汽车](https://example.com/)\n`)),
    [/line 39 "\[报废汽车\]\(https:\/\/example\.com\/\)" is a link/],
  ],
  // 10. (case 5) a date's precision against its basis; dates outside what the archive takes
  [
    'month-dateline.md',
    withField('datePrecision', 'month'),
    [/field "datePrecision" is "month": a dateline gives the day, so with dateBasis: dateline it is day/],
  ],
  [
    'no-year-basis.md',
    variant((t) => t.replace(/^yearBasis: .*\n/m, '')),
    [/no-year-basis\.md: field "yearBasis" is missing.*printed \(the story prints its year\), text .* or page/],
  ],
  ['year-basis-guess.md', withField('yearBasis', 'guess'), [/field "yearBasis" is "guess".*allowed: printed/]],
  [
    'page-day.md',
    withField('dateBasis', 'page'),
    [/field "datePrecision" is "day": the page's other datelines give only the month/],
  ],
  [
    'date-2099.md',
    withDate('2099-01-01'),
    [
      /field "date" is "2099-01-01": after today \(\d{4}-\d{2}-\d{2} in China\): a story cannot be dated in the future/,
      DATE_ALLOWED,
    ],
  ],
  [
    'date-1900.md',
    withDate('1900-01-01'),
    [/field "date" is "1900-01-01": before 1950-01-01, the earliest date the archive takes/, DATE_ALLOWED],
  ],
  [
    'date-0025.md',
    withDate('0025-10-02'),
    [/field "date" is "0025-10-02": before 1950-01-01, the earliest date the archive takes/, DATE_ALLOWED],
  ],
  // 11. (case 7) hostile frontmatter and names
  [
    'alias-bomb.md',
    `---\n${['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n')}\n---\n正文。\n`,
    [/the frontmatter uses a YAML alias \(\*name\) to repeat a list or field: write each value out in full/],
  ],
  [
    'long-slug.md',
    variant((t) => t.replace(/^slug: .*$/m, `slug: ${'a'.repeat(254)}`)),
    [/field "slug" is "a+…: 254 characters, longer than the 100 a slug may have/],
  ],
  [
    'too-large.md',
    withBody('长'.repeat(400_000)),
    [/the file is 1,2\d\d,\d{3} bytes, more than the 1,048,576 a story file may hold/],
  ],
];

/** Files that are not regular story files: name, how to make it, what its line must say. */
const SPECIAL_CASES: [string, (dir: string) => void, RegExp][] = [
  [
    'folder-link.md',
    (dir) => {
      mkdirSync(join(dir, '..', 'a-folder'));
      symlinkSync(join(dir, '..', 'a-folder'), join(dir, 'folder-link.md'));
    },
    /the file is a symbolic link \(to .*a-folder\): a story file must be a regular file in the folder/,
  ],
  [
    'outside-link.md',
    (dir) => {
      writeFileSync(join(dir, '..', 'outside.md'), variant());
      symlinkSync(join(dir, '..', 'outside.md'), join(dir, 'outside-link.md'));
    },
    /the file is a symbolic link \(to .*outside\.md\)/,
  ],
  [
    'zero-link.md',
    (dir) => symlinkSync('/dev/zero', join(dir, 'zero-link.md')),
    /the file is a symbolic link \(to \/dev\/zero\)/,
  ],
  [
    'pipe.md',
    (dir) => assert.equal(spawnSync('mkfifo', [join(dir, 'pipe.md')]).status, 0, 'mkfifo'),
    /the file is a named pipe \(FIFO\), not a regular file/,
  ],
];

/** (case 6) A source extract saved as GBK, named by a story that is fine itself. */
const GBK_SOURCE = 'gbk-extract.txt';

test('every bad story file is named at once, with the field and what is allowed', () => {
  const started = Date.now();
  const { status, output } = buildWithStories((dir) => {
    for (const [name, text] of LOADER_CASES) writeStory(dir, name, text);
    for (const [, make] of SPECIAL_CASES) make(dir);
    const extract = readFileSync('content/source/000_d8543457e77b1294.txt', 'utf8');
    writeFileSync(join(dir, '..', 'source', GBK_SOURCE), encodeGbk(extract));
    writeStory(
      dir,
      'gbk-source.md',
      variant((t) => t.replace(/^  file: .*$/m, `  file: ${GBK_SOURCE}`)),
    );
    // Not stories, and allowed in the folder.
    writeStory(dir, 'README.md', '# 稿件说明\n');
    writeStory(dir, '.DS_Store', new Uint8Array([0, 0, 0, 1]));
  });
  assert.notEqual(status, 0, `the build should stop:\n${output}`);
  // Refused in the loader, before a page is built: no FIFO or /dev/zero held it up.
  assert.ok(Date.now() - started < 60_000, 'refused quickly');
  assert.match(
    output,
    new RegExp(`${LOADER_CASES.length + SPECIAL_CASES.length + 1} story files are not fit to publish`),
  );
  const lines = output.match(OUTPUT_LINE) ?? [];
  const lineOf = (file: string) =>
    lines.find((l) => l.includes(`stories/${file}: `) || l.includes(`stories/${file}, line `));
  for (const [name, , expected] of LOADER_CASES) {
    // The duplicate is reported on the second file to claim the slug (in name order).
    const file = name === 'copy-of-xiyang.md' ? GOOD_FILE : name;
    const line = lineOf(file);
    assert.ok(line, `${file} is named:\n${output}`);
    for (const pattern of expected) assert.match(line, pattern, file);
    if (name === 'copy-of-xiyang.md') assert.match(line, /copy-of-xiyang\.md/);
  }
  for (const [name, , expected] of SPECIAL_CASES)
    assert.match(lineOf(name) ?? `${name} is not named:\n${output}`, expected, name);
  const source = lines.find((l) => l.includes(`source/${GBK_SOURCE}: `));
  assert.match(
    source ?? `${GBK_SOURCE} is not named:\n${output}`,
    /: the file is not UTF-8 \(line \d+, byte \d+: 0x[0-9a-f]{2}\); save it as UTF-8 \(the source extract of .*gbk-source\.md, field "source\.file"\)/,
  );
  assert.doesNotMatch(output, /Invalid string length|EISDIR|ENAMETOOLONG|EXDEV/);
  // zod's own `**field**` markup never shows.
  assert.doesNotMatch(output, /stories\/README\.md|\.DS_Store|Required|Unrecognized key|\*\*\w/);
  for (const real of [
    'changzhi-hi-tech-zone-study-meeting.md',
    'lingshi-etdz-transformation.md',
    'taiyuan-energy-storage-station-photo.md',
  ]) {
    assert.doesNotMatch(output, new RegExp(real), `${real} is fine`);
  }
});
