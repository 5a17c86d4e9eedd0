/** The story text model (src/lib/story-text.ts): where bylines and photo credits stand in the body. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyLines, bylineRanges, storyTextModel } from '../../src/lib/story-text.ts';

test('bylineRanges point at each photo credit and at the bylines, in the body as bodyLines writes it', () => {
  const model = storyTextModel(
    {
      headline: '标题',
      figures: [
        { caption: '施工现场', credit: { name: '王瑞瑞', role: 'photographer' } },
        { caption: '无署名的图' },
        { caption: '园区全景', credit: { name: '长治高新区', role: 'supplied' } },
      ],
      bylines: [
        { name: '袁兆辉', role: 'reporter' },
        { name: '张小菊', role: 'reporter' },
      ],
    },
    '<p>第一段。</p><p>第二段𠀀。</p>',
  );
  const body = Array.from(bodyLines(model));
  assert.deepEqual(
    bylineRanges(model).map(([s, e]) => body.slice(s, e).join('')),
    ['王瑞瑞摄', '长治高新区供图', '袁兆辉 张小菊'],
  );
});

test('a story without bylines or credits has no byline ranges', () => {
  const model = storyTextModel({ headline: '标题', figures: [{ caption: '图' }], bylines: [] }, '<p>正文。</p>');
  assert.deepEqual(bylineRanges(model), []);
});
