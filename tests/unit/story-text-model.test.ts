/** The story text model (src/lib/story-text-model.ts): where bylines and photo credits stand in the body, and openings. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyLines, bylineRanges, storyOpening, storyTextModel } from '../../src/lib/story-text-model.ts';

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

test('storyOpening cuts the paragraphs as rendered, run together, at a clause', () => {
  const model = storyTextModel(
    {
      headline: '标题',
      figures: [{ caption: '图片说明', credit: { name: '王瑞瑞', role: 'photographer' } }],
      bylines: [{ name: '赵赞', role: 'reporter' }],
    },
    '<p id="p1"><strong>科学导报讯</strong> 开发区召开会议，部署下一阶段工作。<a href="#p1" class="para-link" aria-label="链接到第1段"></a></p><p>第二段&amp;说明。</p>',
  );
  assert.equal(storyOpening(model, 120), '科学导报讯 开发区召开会议，部署下一阶段工作。第二段&说明。');
  assert.equal(storyOpening(model, 20), '科学导报讯 开发区召开会议…');
});

test('storyOpening of photo news without text is its captions, without their credits', () => {
  const data = {
    headline: '标题',
    figures: [
      { caption: '施工现场。', credit: { name: '王瑞瑞', role: 'photographer' as const } },
      { caption: '园区全景。' },
    ],
    bylines: [],
  };
  assert.equal(storyOpening(storyTextModel(data, ''), 90), '施工现场。园区全景。');
  assert.equal(storyOpening(storyTextModel(data, '<p>正文在先。</p>'), 90), '正文在先。');
});
