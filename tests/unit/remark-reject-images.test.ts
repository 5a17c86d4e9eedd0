/** Images in a story body stop the build, each listed with its line; the archive holds no photos. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkRejectImages from '../../src/markdown/remark-reject-images.ts';
import { storyMarkdownOptions } from '../../src/markdown/pipeline.ts';

async function render(markdown: string): Promise<string> {
  const file = new VFile({ path: 'content/stories/example.md', value: markdown });
  const result = await unified()
    .use(remarkParse)
    .use(remarkRejectImages)
    .use(remarkRehype)
    .use(rehypeStringify)
    .process(file);
  return String(result);
}

test('a local, an external and a reference-style image are each refused with their line', async () => {
  const markdown =
    '第一段。\n\n![现场](./photo.jpg)\n\n外链![x](https://example.com/a.png)\n\n![图][ref]\n\n[ref]: ./b.jpg\n';
  await assert.rejects(render(markdown), (error: Error & { reason?: string; line?: number; file?: string }) => {
    assert.equal(
      error.reason,
      'images are not allowed in a story body (field: body): ![现场](./photo.jpg) (line 3), ![x](https://example.com/a.png) (line 5), ![图][ref] (line 7); ' +
        'the archive holds no photos: a photo the page printed is a figure in the frontmatter (figures: caption, credit)',
    );
    assert.equal(error.line, 3);
    assert.equal(error.file, 'content/stories/example.md');
    return true;
  });
  await assert.rejects(render('![][ref]\n\n[ref]: https://example.com/x.png'), /images are not allowed.*line 1/);
});

test('links, and text that only looks like an image, pass', async () => {
  assert.equal(await render('[首页](/stories/x/)'), '<p><a href="/stories/x/">首页</a></p>');
  assert.equal(await render('感叹号!\\[不是图](x)'), '<p>感叹号![不是图](x)</p>');
});

test('the story pipeline runs the plugin', () => {
  assert.ok(storyMarkdownOptions.remarkPlugins.includes(remarkRejectImages));
});
