/** Bad story files stop the build with a message naming the file and the field. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildWithStories, writeStory } from '../support/build.ts';

const GOOD = readFileSync('content/stories/xiyang-vehicle-recycling-project.md', 'utf8');

/** The good story under another file name and slug, with `change` applied to its text. */
function variant(change: (text: string) => string): string {
  return change(GOOD.replace('slug: xiyang-vehicle-recycling-project', 'slug: fixture-story'));
}

function assertFails(name: string, text: string, ...expected: RegExp[]): void {
  const { status, output } = buildWithStories((dir) => writeStory(dir, name, text));
  assert.notEqual(status, 0, `the build should stop:\n${output}`);
  assert.match(output, new RegExp(name.replace('.', '\\.')), 'names the file');
  for (const pattern of expected) assert.match(output, pattern);
}

test('the fixture builder builds the real stories (so the failures below are real)', () => {
  const { status, output } = buildWithStories(() => {});
  assert.equal(status, 0, output);
});

test('a story without a headline stops the build', () => {
  assertFails('no-headline.md', variant((t) => t.replace(/^headline: .*\n/m, '')), /headline/);
});

test('a date that is not a date stops the build', () => {
  assertFails('bad-date.md', variant((t) => t.replace(/^date: .*$/m, 'date: 十月二日')), /date/);
});

test('an unknown section stops the build', () => {
  assertFails('bad-section.md', variant((t) => t.replace(/^section: .*$/m, 'section: sports')), /section/);
});

test('an unknown place stops the build', () => {
  assertFails('bad-place.md', variant((t) => t.replace('city: 晋中市', 'city: 上海市')), /city/, /上海市/);
});

test('a slug used twice stops the build, naming both files', () => {
  const { status, output } = buildWithStories((dir) => writeStory(dir, 'copy-of-xiyang.md', GOOD));
  assert.notEqual(status, 0, output);
  assert.match(output, /slug/i);
  assert.match(output, /copy-of-xiyang\.md/);
  assert.match(output, /xiyang-vehicle-recycling-project\.md/);
});

test('an article with an empty body stops the build', () => {
  assertFails('empty-body.md', variant((t) => t.slice(0, t.indexOf('\n---\n') + 5)), /body/);
});

test('raw HTML in a body stops the build', () => {
  assertFails('raw-html.md', variant((t) => `${t}\n<img src=x onerror=alert(1)>\n`), /raw HTML/, /body/);
});

test("an editor's note about text the story does not contain stops the build", () => {
  assertFails(
    'bad-anchor.md',
    variant((t) => t.replace('format: article', 'format: article\neditorNotes:\n  - text: 说明\n    anchor: 不存在的文字')),
    /editorNotes\[0\]\.anchor/,
  );
});

// Keeps the helper honest: the fixture copy really lands where the build reads it.
test('fixture stories are read from the fixture folder', () => {
  const { status, output } = buildWithStories((dir) => writeStory(join(dir, '..', 'stories'), 'broken.md', '---\nslug: [\n---\n'));
  assert.notEqual(status, 0, output);
  assert.match(output, /broken\.md/);
});
