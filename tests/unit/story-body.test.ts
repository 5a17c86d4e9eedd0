/**
 * What a story body and its text fields may hold (issue 23): each Markdown construct accepted or
 * refused with its line, invisible and forbidden characters, editor's-note anchors across
 * emphasis, and the rendered paragraphs as the search index and cards read them.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseCalendarDate, storyDateProblem, todayInChina } from '../../src/lib/dates.ts';
import { bodyCharacterProblems, renderedBodyProblems } from '../../src/lib/story-body.ts';
import { readStoryFile, splitStoryFile, StoryFileError } from '../../src/lib/story-file.ts';
import { forbiddenCharacter, hasVisibleText, textProblem } from '../../src/lib/text-rules.ts';
import { htmlParagraphs } from '../../src/lib/text.ts';
import { renderBodyHtml, type BodyRefusal } from '../../src/markdown/render-body.ts';

const render = (markdown: string, editorNotes: { text: string; anchor?: string }[] = []) =>
  renderBodyHtml(markdown, { editorNotes }, 'content/stories/x.md');

/** The body's paragraphs as the index and cards get them (src/lib/story-text-model.ts). */
const paragraphsOf = async (markdown: string) => htmlParagraphs(await render(markdown));

async function refusal(markdown: string): Promise<string> {
  try {
    await render(markdown);
  } catch (error) {
    return (error as BodyRefusal).reason;
  }
  assert.fail(`should be refused: ${markdown}`);
}

test('accepted: paragraphs, emphasis and bold, escapes; what the page shows is what the index holds', async () => {
  assert.deepEqual(await paragraphsOf('**科学导报讯** 近期,*经开区*“1+N”模式。\n\n第二段。'), [
    '科学导报讯 近期,经开区“1+N”模式。',
    '第二段。',
  ]);
  // Text that only looks like Markdown, escaped, is published as written.
  assert.deepEqual(await paragraphsOf('2025\\. 年初，开工。'), ['2025. 年初，开工。']);
  assert.deepEqual(await paragraphsOf('\\## 不是标题 \\- \\> \\[王瑞瑞\\]: 摄'), ['## 不是标题 - > [王瑞瑞]: 摄']);
  // `2025.年初` (no space after the dot) is no list in CommonMark.
  assert.deepEqual(await paragraphsOf('2025.年初，开工。'), ['2025.年初，开工。']);
  // R&D: the renderer writes &#x26;, the text model reads &.
  assert.match(await render('R&D 中心'), /R&#x26;D/);
  assert.deepEqual(await paragraphsOf('R&D 中心 a<b 1>0 &amp; &#x5929;'), ['R&D 中心 a<b 1>0 & 天']);
  assert.deepEqual(htmlParagraphs('<p>&#x1F600;&#169;&quot;&#39;</p>'), ['😀©"\'']);
});

/** Each refused construct: Markdown, and what the message must say. */
const REFUSED: [string, string, RegExp][] = [
  ['ATX heading', '正文。\n\n## 小标题', /line 3 "## 小标题" is a heading \(a line starting with #\)/],
  ['setext heading (---)', '第一段。\n---', /line 1 "第一段。" is a heading: a line of --- or === under a paragraph/],
  ['setext heading (===)', '第一段。\n===', /is a heading: a line of --- or ===/],
  ['numbered list', '2025. 年初，开工。', /numbered list starting at 2025: write 2025\\\. to keep it as text/],
  ['numbered list with a bracket', '1) 第一', /numbered list starting at 1/],
  ['bulleted list', '* 一项', /bulleted list/],
  ['blockquote', '> 引文', /starts with >, which Markdown reads as a quotation/],
  ['fenced code', '~~~\n代码\n~~~', /starts a code block/],
  ['indented code', '\t缩进', /indented by four spaces or a tab/],
  ['inline code', '用`代码`', /is code/],
  ['horizontal rule', '正文。\n\n___', /line 3 "___" is a horizontal rule/],
  ['footnote', '正文[^1]。\n\n[^1]: 注', /footnote reference.*line 3 "\[\^1\]: 注" is a footnote/],
  ['reference definition', '[王瑞瑞]: 摄影', /link definition \(\[…\]: …\), which would vanish/],
  ['reference link', '[报道][1]\n\n[1]: https://example.com/', /is a link to a definition/],
  ['link', '[此处](https://example.com/)', /is a link \(\[text\]\(address\)\)/],
  ['protocol-relative link', '[此处](//evil.example/p)', /"\[此处\]\(\/\/evil\.example\/p\)" is a link/],
  ['autolink', '<https://evil.example/>', /is a link \(an address between < >\)/],
  ['hard break (spaces)', '甲  \n乙', /line 1 "甲" ends in two spaces or a backslash/],
  ['hard break (backslash)', '甲\\\n乙', /ends in two spaces or a backslash/],
  ['unjoined lines', '技术\n支持。', /line 2 "支持。" continues the paragraph above it/],
];

for (const [name, markdown, expected] of REFUSED) {
  test(`refused: ${name}, with its line and what to do`, async () => {
    const reason = await refusal(markdown);
    assert.match(reason, /^the body holds Markdown a printed story does not have \(field: body\): /);
    assert.match(reason, expected);
  });
}

test("every refused construct in a body is listed, in line order, the first line being the error's", async () => {
  try {
    await render('正文。\n\n## 标题\n\n- 项\n\n> 引');
    assert.fail('refused');
  } catch (error) {
    const { reason, line } = error as BodyRefusal;
    assert.equal(line, 3);
    assert.match(reason, /line 3 .*; line 5 .*; line 7 /);
  }
});

test("an editor's-note anchor inside bold is marked; one across bold's edge is refused by name", async () => {
  const html = await render('前**粗体**后。', [{ text: '注', anchor: '粗体' }]);
  assert.match(
    html,
    /<strong><a href="#editor-note-1" id="editor-flag-1" class="editor-flag" data-note="1">粗体<\/a><\/strong>/,
  );
  await assert.rejects(render('前**粗体**后。', [{ text: '注', anchor: '前粗' }]), {
    reason:
      'field "editorNotes[0].anchor" ("前粗") runs across emphasis or bold (between * or ** marks) in the body, so it cannot be marked: choose an anchor wholly inside or wholly outside the emphasis',
  });
  // Absent from the body altogether: left to the caption check (renderedBodyProblems).
  assert.ok(await render('正文。', [{ text: '注', anchor: '图片说明' }]));
});

test('text fields: nothing visible, control characters and direction overrides are refused by code point', () => {
  assert.equal(textProblem('加紧施工干劲足'), undefined);
  assert.equal(
    textProblem('\u200b\u200c\u2060\ufeff'),
    'has no visible text (only invisible characters such as U+200B)',
  );
  assert.equal(hasVisibleText('\u3164\u2800\u00ad'), false);
  assert.equal(hasVisibleText('\u200b正'), true);
  assert.equal(textProblem('加紧\u0000施工'), 'holds U+0000, a control character (character 3); delete it');
  assert.match(textProblem('a\u0007')!, /U\+0007, a control character/);
  assert.match(textProblem('a\u001b')!, /U\+001B/);
  assert.match(textProblem('a\u0085')!, /U\+0085, a control character/);
  assert.match(
    textProblem('\u202e足劲')!,
    /^holds U\+202E, a text-direction control that reorders what readers see \(character 1\)/,
  );
  assert.match(textProblem('a\u2066b')!, /U\+2066/);
  assert.match(textProblem('a\ufffe')!, /U\+FFFE, not a character/);
  assert.match(textProblem('a\ud800b')!, /U\+D800, not a character/);
  // Tabs and line breaks (YAML block scalars) are text.
  assert.equal(forbiddenCharacter('a\tb\nc\r'), undefined);
});

test('body lines with forbidden characters are named by line; rendered paragraphs are checked too', () => {
  assert.deepEqual(bodyCharacterProblems('\n\n正文\u0007。\n第二'), [
    'line 3: field "body" holds U+0007, a control character (character 3); delete it',
  ]);
  const data = {
    format: 'article',
    figures: [{ caption: '图片说明' }],
    editorNotes: [{ anchor: '图片' }, { anchor: '没有' }],
  };
  assert.deepEqual(renderedBodyProblems(data, ['正文。', '\u200b', '\u202e反']), [
    'field "body": paragraph 2 (#p2) has no visible text (only invisible characters such as U+200B)',
    'field "body": paragraph 3 (#p3) holds U+202E, a text-direction control that reorders what readers see (character 1); delete it',
    'field "editorNotes[1].anchor" ("没有") is not in the story\'s text (allowed: exact text of the story\'s body or captions).',
  ]);
  assert.deepEqual(renderedBodyProblems({ format: 'article', figures: [], editorNotes: [] }, []), [
    'field "body" is empty; an article needs its text.',
  ]);
  assert.deepEqual(renderedBodyProblems({ format: 'photo', figures: [{ caption: '说明' }], editorNotes: [] }, []), []);
});

test('story dates: 0025 is before the archive, not "no such day"; the future and 1900 are refused', () => {
  const date = (text: string) => (parseCalendarDate(text) as { date: Date }).date;
  assert.equal(date('0025-10-02').getUTCFullYear(), 25);
  assert.equal(
    storyDateProblem(date('0025-10-02')),
    'before 1950-01-01, the earliest date the archive takes (a mistyped year?)',
  );
  assert.match(storyDateProblem(date('1900-01-01'))!, /^before 1950-01-01/);
  assert.equal(storyDateProblem(date('1950-01-01')), undefined);
  assert.equal(storyDateProblem(date('2025-10-02'), '2026-01-01'), undefined);
  assert.equal(
    storyDateProblem(date('2099-01-01'), '2026-01-01'),
    'after today (2026-01-01 in China): a story cannot be dated in the future (a mistyped year?)',
  );
  // Today in China at 23:30 UTC is already tomorrow.
  assert.equal(todayInChina(new Date('2025-10-01T23:30:00Z')), '2025-10-02');
  assert.equal(storyDateProblem(date('2025-10-02'), todayInChina(new Date('2025-10-01T23:30:00Z'))), undefined);
});

test('YAML aliases are refused before anything walks what they expand to', () => {
  const bomb = [
    '---',
    'a: &a [x, x, x, x, x, x, x, x, x]',
    ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(', ')}]`),
    '---',
    '',
  ].join('\n');
  const started = Date.now();
  assert.throws(() => splitStoryFile(bomb), {
    message: 'the frontmatter uses a YAML alias (*name) to repeat a list or field: write each value out in full',
  });
  assert.ok(Date.now() - started < 1000);
  // A scalar repeated by an alias is plain text, but still refused only when a list or object repeats.
  assert.deepEqual(splitStoryFile('---\nslug: x\nkicker: &k 引题\n---\n').frontmatter, { slug: 'x', kicker: '引题' });
  // Deep nesting is refused as YAML (a StoryFileError the loader names), never a bare RangeError.
  assert.doesNotThrow(() => splitStoryFile(`---\nbylines: ${'['.repeat(500)}${']'.repeat(500)}\n---\n`));
  assert.throws(
    () => splitStoryFile(`---\nbylines: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n---\n`),
    StoryFileError,
  );
});

const dir = mkdtempSync(join(tmpdir(), 'story-file-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a story file is a regular file of bounded size: links, folders, pipes and /dev/zero are refused at once', async () => {
  writeFileSync(join(dir, 'good.md'), '---\nslug: x\n---\n');
  assert.equal(new TextDecoder().decode(await readStoryFile(join(dir, 'good.md'))), '---\nslug: x\n---\n');
  symlinkSync('/dev/zero', join(dir, 'zero.md'));
  await assert.rejects(readStoryFile(join(dir, 'zero.md')), {
    message:
      'the file is a symbolic link (to /dev/zero): a story file must be a regular file in the folder; copy the file there instead of linking to it',
  });
  symlinkSync(join(dir, 'good.md'), join(dir, 'link.md'));
  await assert.rejects(readStoryFile(join(dir, 'link.md')), /symbolic link \(to .*good\.md\)/);
  mkdirSync(join(dir, 'folder.md'));
  await assert.rejects(readStoryFile(join(dir, 'folder.md')), {
    message: 'the file is a folder, not a regular file: a story file must be a regular file',
  });
  assert.equal(spawnSync('mkfifo', [join(dir, 'pipe.md')]).status, 0);
  await assert.rejects(readStoryFile(join(dir, 'pipe.md')), {
    message: 'the file is a named pipe (FIFO), not a regular file: a story file must be a regular file',
  });
  // A file that holds more than its size said when it was opened (/proc's say 0) is read whole, to the limit.
  const cpuinfo = readFileSync('/proc/cpuinfo');
  assert.ok(cpuinfo.length > 100);
  assert.deepEqual(Buffer.from(await readStoryFile('/proc/cpuinfo')), cpuinfo);
  await assert.rejects(readStoryFile('/proc/cpuinfo', 50), {
    message: /^the file is \d+ bytes, more than the 50 a story file may hold$/,
  });
  writeFileSync(join(dir, 'big.md'), Buffer.alloc(2001, 0x61));
  await assert.rejects(readStoryFile(join(dir, 'big.md'), 2000), {
    message: 'the file is 2,001 bytes, more than the 2,000 a story file may hold',
  });
});
