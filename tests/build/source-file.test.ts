/** A story must point to a kept source page that exists and holds its lines: otherwise the build stops, naming the file and field. */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildWithStories, writeStory } from '../support/build.ts';

const GOOD = readFileSync('content/stories/xiyang-vehicle-recycling-project.md', 'utf8');

test('a story whose source file is missing stops the build', () => {
  const text = GOOD.replace(/^  file: .*$/m, '  file: 999_missing.txt');
  const { status, output } = buildWithStories((dir) => writeStory(dir, 'xiyang-vehicle-recycling-project.md', text));
  assert.notEqual(status, 0, `the build should stop:\n${output}`);
  assert.match(
    output,
    /xiyang-vehicle-recycling-project\.md: field "source\.file" names 999_missing\.txt, but .*999_missing\.txt does not exist/,
  );
});

test('a story whose lines run past the end of its source page stops the build', () => {
  const text = GOOD.replace(/^  lines: .*$/m, '  lines: [89, 400]');
  const { status, output } = buildWithStories((dir) => writeStory(dir, 'xiyang-vehicle-recycling-project.md', text));
  assert.notEqual(status, 0, `the build should stop:\n${output}`);
  assert.match(
    output,
    /xiyang-vehicle-recycling-project\.md: field "source\.lines": lines \[89, 400\] are not within the page's 105 lines/,
  );
});

test("a source page without the editor's record beside it (<name>.yaml), or with a bad one, stops the build by file and field", () => {
  const missing = buildWithStories((dir) => rmSync(join(dir, '..', 'source', '000_d8543457e77b1294.yaml')));
  assert.notEqual(missing.status, 0, `the build should stop:\n${missing.output}`);
  assert.match(
    missing.output,
    /source\/000_d8543457e77b1294\.yaml is missing: record beside the extract 000_d8543457e77b1294\.txt what is known of its page/,
  );
  const bad = buildWithStories((dir) =>
    writeFileSync(
      join(dir, '..', 'source', '000_d8543457e77b1294.yaml'),
      'newspaper: 科学导报\ndate: 2025年10月\ndateDerived: true\ndateNote: 据电头\n',
    ),
  );
  assert.notEqual(bad.status, 0, `the build should stop:\n${bad.output}`);
  assert.match(bad.output, /000_d8543457e77b1294\.yaml: field "date" written YYYY, YYYY-MM or YYYY-MM-DD/);
});
