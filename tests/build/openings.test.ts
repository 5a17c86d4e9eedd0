/**
 * One text model per story (src/data/story-text.ts): a listing card's excerpt, the story page's meta
 * description, its feed item's description and its search record all come from the text as
 * printed, even where the Markdown source differs from it (emphasis marks, escapes).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';
import { opening } from '../../src/lib/text.ts';
import { feedPath, homePath, storyPath, storySlugOfPath } from '../../src/lib/urls.ts';
import { searchSourceFile } from '../../src/search/build/source.ts';
import { buildWithStories } from '../support/build.ts';
import { recordedStories } from '../support/recorded.ts';
import { readStoryFiles } from '../support/stories.ts';

const MARKED = 'xiyang-vehicle-recycling-project';
/** Its first words as the Markdown writes them, and as a reader sees them. */
const SOURCE_START = '**科学导报讯** 10月2日上午,昔阳经济技术开发区内,\\[昌正和\\]报废汽车';
const PRINTED_START = '科学导报讯 10月2日上午,昔阳经济技术开发区内,[昌正和]报废汽车';

const elements = (node: Nodes): Element[] =>
  'children' in node
    ? node.children.flatMap((child) => (child.type === 'element' ? [child, ...elements(child)] : elements(child)))
    : [];
const textOf = (node: Nodes): string =>
  'value' in node ? node.value : 'children' in node ? node.children.map(textOf).join('') : '';
const pageOf = (dist: string, path: string) => fromHtml(readFileSync(join(dist, path, 'index.html'), 'utf8'));

/** Slug → excerpt of each card on a listing page. */
function cardExcerpts(dist: string, path: string): Map<string, string> {
  const cards = elements(pageOf(dist, path)).filter((e) => e.tagName === 'article');
  return new Map(
    cards.map((card) => {
      const link = elements(card).find((e) => e.tagName === 'a' && storySlugOfPath(String(e.properties.href)));
      const excerpt = card.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'p').at(-1)!;
      return [storySlugOfPath(String(link!.properties.href))!, textOf(excerpt)];
    }),
  );
}

const metaDescription = (dist: string, slug: string): string =>
  String(
    elements(pageOf(dist, storyPath(slug))).find((e) => e.tagName === 'meta' && e.properties.name === 'description')!
      .properties.content,
  );

/** Slug → description of each item of a feed. */
function feedDescriptions(dist: string, path: string): Map<string, string> {
  const xml = new XMLParser({ isArray: (name) => name === 'item' }).parse(readFileSync(join(dist, path), 'utf8'));
  return new Map(
    (xml.rss.channel.item as { link: string; description: string }[]).map((item) => [
      storySlugOfPath(new URL(item.link).pathname)!,
      String(item.description),
    ]),
  );
}

test('card excerpt, meta description, feed description and search record are cut from the same printed text', () => {
  const { status, output } = buildWithStories(
    (dir) => {
      const file = join(dir, `${MARKED}.md`);
      const text = readFileSync(file, 'utf8');
      assert.ok(text.includes('\n科学导报讯 10月2日上午,昔阳经济技术开发区内,昌正和报废汽车'));
      writeFileSync(
        file,
        text.replace('\n科学导报讯 10月2日上午,昔阳经济技术开发区内,昌正和报废汽车', `\n${SOURCE_START}`),
      );
    },
    (dist) => {
      const root = join(dist, '..');
      const files = readStoryFiles(join(root, 'stories'));
      const records = recordedStories(searchSourceFile(join(root, 'cache')));
      const cards = cardExcerpts(dist, homePath());
      const feed = feedDescriptions(dist, feedPath());
      assert.equal(records.length, files.length);
      for (const { data } of files) {
        const record = records.find((r) => r.slug === data.slug)!;
        // The record's body: a line per caption, the paragraphs, a line per byline role.
        const lines = record.body.split('\n');
        const figures = data.figures ?? [];
        const roles = new Set((data.bylines ?? []).map((b) => b.role)).size;
        const paragraphs = lines.slice(figures.length, lines.length - roles);
        const printed = paragraphs.join('') || figures.map((f) => f.caption).join('');
        assert.equal(cards.get(data.slug), opening(printed, 90), `${data.slug}: card excerpt`);
        assert.equal(metaDescription(dist, data.slug), opening(printed, 120), `${data.slug}: meta description`);
        assert.equal(feed.get(data.slug), opening(printed, 120), `${data.slug}: feed description`);
      }
      assert.ok(cards.get(MARKED)!.startsWith(PRINTED_START), cards.get(MARKED));
      assert.ok(metaDescription(dist, MARKED).startsWith(PRINTED_START));
    },
  );
  assert.equal(status, 0, output);
});
