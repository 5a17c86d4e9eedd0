/**
 * No page types a space between Chinese and a digit or Latin letter in its own words ("共 6 篇",
 * "RSS 订阅"): the stylesheet draws that gap (text-autospace). Story text keeps what the paper
 * printed. What is left out of the scan, and why: tests/support/typed-spaces.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { htmlPages } from '../../tooling/gates/pages.ts';
import { recordedStories } from '../support/recorded.ts';
import { DIST } from '../support/site.ts';
import { interfaceText, typedSpaces, type StoryText } from '../support/typed-spaces.ts';

/** The stories as the build printed them (the text it handed to the search index). */
const recorded = recordedStories();
const storyText: StoryText = {
  heads: new Set(recorded.flatMap((s) => [s.kicker, s.headline, s.subhead].filter((t): t is string => !!t))),
  bodies: recorded.map((s) => s.body.replaceAll('\n', '')),
};

test('no page of the build types a space between Chinese and a digit or Latin letter in interface text', () => {
  const pages = htmlPages(DIST);
  assert.ok(pages.length > 20, `the pages of ${DIST}`);
  const found = pages.flatMap((page) =>
    interfaceText(readFileSync(page.file, 'utf8'), storyText).flatMap((line) =>
      typedSpaces(line).map((hit) => `${page.path}: “${hit}”`),
    ),
  );
  assert.deepEqual(found, [], found.join('\n'));
});

test('the scan finds a typed space, also beside left-out text, and leaves story text, code, URLs and citations alone', () => {
  const scan = (body: string) =>
    interfaceText(`<!doctype html><html><head><title>共 6 篇</title></head><body>${body}</body></html>`, {
      heads: new Set(['俯瞰太原智储100MW 项目']),
      bodies: ['科学导报讯 10月2日上午,昔阳经济技术开发区内,建设者 200 余名'],
    }).flatMap(typedSpaces);
  assert.deepEqual(scan('<p>共 <strong>6</strong> 篇</p>'), ['共 6 篇', '共 6 篇']);
  assert.deepEqual(scan('<a href="/rss.xml">RSS 订阅</a>'), ['RSS 订阅']);
  assert.deepEqual(scan('<p>上一篇（较早） <time>2025年</time></p>'), ['上一篇（较早） 2025年']);
  assert.deepEqual(scan('<p>（文件 <code>000.txt</code>）</p>'), ['（文件 0\ufffct）']);
  assert.deepEqual(scan('<nav aria-label="第 2 页"></nav>'), ['第 2 页', '第 2 页']);
  assert.deepEqual(scan('<ul class="flex"><li>项目</li><li> 3</li></ul>'), [], 'separate lines of text');
  assert.deepEqual(
    scan(
      [
        '<div class="story-body"><p>科学导报讯 10月2日上午</p></div>',
        '<figure><figcaption>10月3日,俯瞰 ■ 王瑞瑞摄</figcaption></figure>',
        '<p class="story-kicker">引题 A 版</p><h1 class="story-headline">5G 基站</h1><p class="byline">文／ A 君</p>',
        '<ol class="source-lines"><li>第 1 行</li></ol>',
        '<aside><q>包联服务企业 and 项目领导组</q>原文如此。</aside>',
        '<article><h2><a href="/s/">俯瞰太原智储100MW 项目</a></h2><p>科学导报讯 10月2日上午,昔阳经济技术开发区内,…</p></article>',
        '<p>例如<code>/data/stories/a b.json 文件</code></p>',
        '<p>链接：http://localhost:4321/stories/a 1/</p>',
        '<p id="citation">王瑞瑞，《题》，科学导报，2025年10月3日</p>',
        '<p>GB/T 7714—2025纸本：<span id="cite-gbt-print">王瑞瑞. 题[N]. 科学导报，2025-10-03.</span></p>',
        '<template><p>共 6 篇</p></template><script>"共 6 篇"</script>',
      ].join(''),
    ),
    [],
  );
});
