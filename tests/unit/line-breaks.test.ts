/** Where headlines and URLs may break (src/lib/line-breaks.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { phrases, urlParts } from '../../src/lib/line-breaks.ts';

test('phrases keep the text verbatim and never split the words a reader saw split', () => {
  for (const text of [
    '多元施策突围转型发展主战场',
    '系统打造产业生态 重塑资源型城市创新基因',
    '召开党工委理论学习中心组(扩大)学习会议',
    '俯瞰太原智储100MW独立储能电站项目建设工地',
    '晋城市',
  ]) {
    const parts = phrases(text);
    assert.equal(parts.join(''), text, 'nothing added, nothing lost');
    const boundaries = new Set(parts.map((_, i) => parts.slice(0, i).join('').length));
    for (const word of ['主战场', '资源型', '晋城市', '储能', '智储', '多元']) {
      const at = text.indexOf(word);
      if (at < 0) continue;
      for (let i = at + 1; i < at + word.length; i++) assert.ok(!boundaries.has(i), `${text}: no break inside ${word}`);
    }
  }
});

test('a headline printed in two short parts breaks only at its space', () => {
  assert.deepEqual(phrases('系统打造产业生态 重塑资源型城市创新基因'), [
    '系统打造产业生态',
    ' ',
    '重塑资源型城市创新基因',
  ]);
});

test('a longer part breaks between phrases, and no phrase is one lone Han character', () => {
  const parts = phrases('俯瞰太原智储100MW独立储能电站项目建设工地');
  assert.ok(parts.length > 3, parts.join('|'));
  assert.ok(
    parts.every((part) => !/^\p{Script=Han}$/u.test(part)),
    parts.join('|'),
  );
  assert.deepEqual(phrases(''), []);
  assert.deepEqual(phrases('晋'), ['晋']);
});

test('a URL breaks after a slash ("https://" whole), a very long part also after its hyphens', () => {
  assert.deepEqual(urlParts('http://localhost:4321/stories/lingshi-etdz-transformation/'), [
    'http://',
    'localhost:4321/',
    'stories/',
    'lingshi-etdz-transformation/',
  ]);
  const long = `https://a.example/stories/${'long-'.repeat(10)}slug/`;
  const parts = urlParts(long);
  assert.equal(parts.join(''), long);
  assert.ok(
    parts.every((part) => part.length <= 41),
    parts.join('|'),
  );
  assert.deepEqual(urlParts('https://a.example'), ['https://', 'a.example']);
});
