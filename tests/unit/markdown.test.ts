/** The Markdown plugins, run through a real unified processor. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import rehypeEditorNotes from '../../src/markdown/rehype-editor-notes.ts';
import rehypeParagraphAnchors from '../../src/markdown/rehype-paragraph-anchors.ts';
import remarkRejectUnsafe from '../../src/markdown/remark-reject-unsafe.ts';

async function render(markdown: string, frontmatter: object = {}, withAnchors = false): Promise<string> {
  const file = new VFile({ path: 'content/stories/example.md', value: markdown, data: { astro: { frontmatter } } });
  const result = await unified()
    .use(remarkParse)
    .use(remarkRejectUnsafe)
    .use(remarkRehype)
    .use(rehypeEditorNotes)
    .use(withAnchors ? [rehypeParagraphAnchors] : [])
    .use(rehypeStringify)
    .process(file);
  return String(result);
}

test('plain Chinese paragraphs pass through unchanged', async () => {
  assert.equal(await render('科学导报讯 近期,经开区“1+N”模式。'), '<p>科学导报讯 近期,经开区“1+N”模式。</p>');
});

test('raw HTML stops the build, naming the file and the field', async () => {
  await assert.rejects(render('正文<img src=x onerror=alert(1)>'), /raw HTML.*field: body/);
  await assert.rejects(render('<script>alert(1)</script>'), (error: Error) => String(error).includes('example.md'));
});

test('script links stop the build', async () => {
  await assert.rejects(render('[点我](javascript:alert(1))'), /script URL/);
  await assert.rejects(render('[点我](JavaScript:alert(1))'), /script URL/);
  assert.match(await render('[首页](/stories/x/)'), /href="\/stories\/x\/"/);
});

test("an editor's note anchor becomes a link to the note, keeping every character", async () => {
  const html = await render('成立了包联服务企业 and 项目领导组,开发区全员参与。', {
    editorNotes: [{ text: '原文如此。', anchor: '包联服务企业 and 项目领导组' }],
  });
  assert.equal(
    html,
    '<p>成立了<a href="#editor-note-1" id="editor-flag-1" class="editor-flag" data-note="1">包联服务企业 and 项目领导组</a>,开发区全员参与。</p>',
  );
});

test("each editor's-note mark carries its note's number, for CSS to show (注1, 注2 …)", async () => {
  const html = await render('甲乙丙丁。', {
    editorNotes: [{ text: '一', anchor: '丙' }, { text: '无锚' }, { text: '三', anchor: '甲' }],
  });
  assert.equal(
    html,
    '<p><a href="#editor-note-3" id="editor-flag-3" class="editor-flag" data-note="3">甲</a>乙<a href="#editor-note-1" id="editor-flag-1" class="editor-flag" data-note="1">丙</a>丁。</p>',
  );
});

test('notes without an anchor in the body leave it untouched', async () => {
  const html = await render('正文。', {
    editorNotes: [{ text: '说明', anchor: '图片说明里的字' }, { text: '无锚点' }],
  });
  assert.equal(html, '<p>正文。</p>');
});

test('each paragraph gets a stable id and an empty, named link to itself', async () => {
  const html = await render('第一段。\n\n第二段,有“引号”。', {}, true);
  assert.equal(
    html,
    '<p id="p1">第一段。<a href="#p1" class="para-link" aria-label="链接到第1段"></a></p>\n' +
      '<p id="p2">第二段,有“引号”。<a href="#p2" class="para-link" aria-label="链接到第2段"></a></p>',
  );
});

test('paragraph links add no text and work beside editor-note marks', async () => {
  const html = await render(
    '成立了包联服务企业 and 项目领导组,开发区全员参与。',
    { editorNotes: [{ text: '注', anchor: 'and' }] },
    true,
  );
  assert.equal(html.replace(/<[^>]+>/g, ''), '成立了包联服务企业 and 项目领导组,开发区全员参与。');
  assert.match(
    html,
    /^<p id="p1">成立了包联服务企业 <a href="#editor-note-1"[^>]*>and<\/a> 项目领导组,开发区全员参与。<a href="#p1"/,
  );
});
