import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { qrModules, qrPixels, qrSvg } from '../../src/lib/qr.ts';
import { TEXT_SIZE, TEXT_SIZE_LABELS, THEME, THEME_LABELS, parseChoice } from '../../src/lib/reader-prefs.ts';
import { storyPath, storyQrPath, storySlugOfPath } from '../../src/lib/urls.ts';

test('a stored choice reads back; nothing or anything unknown is the default', () => {
  assert.equal(parseChoice(THEME, 'dark'), 'dark');
  assert.equal(parseChoice(THEME, null), 'system');
  assert.equal(parseChoice(THEME, 'sepia'), 'system');
  assert.equal(parseChoice(TEXT_SIZE, 'small'), 'small');
  assert.equal(parseChoice(TEXT_SIZE, ''), 'medium');
  assert.deepEqual(Object.keys(THEME_LABELS), [...THEME.choices]);
  assert.deepEqual(Object.keys(TEXT_SIZE_LABELS), [...TEXT_SIZE.choices]);
});

/** Runs public/reader-prefs.js (the <head> script) with `stored` in localStorage; the attributes it sets on <html>. */
function headScriptAttributes(stored: Record<string, string>, storage = true): Record<string, string> {
  const attributes: Record<string, string> = {};
  const localStorage = {
    getItem(key: string) {
      if (!storage) throw new Error('SecurityError: storage blocked');
      return stored[key] ?? null;
    },
  };
  const documentElement = { setAttribute: (name: string, value: string) => (attributes[name] = value) };
  runInNewContext(readFileSync('public/reader-prefs.js', 'utf8'), { localStorage, document: { documentElement } });
  return attributes;
}

test('the <head> script applies every stored choice the tools can store, and nothing else', () => {
  for (const pref of [THEME, TEXT_SIZE]) {
    for (const choice of pref.choices) {
      const expected = choice === pref.fallback ? {} : { [pref.attribute]: choice };
      assert.deepEqual(headScriptAttributes({ [pref.key]: choice }), expected, `${pref.key}=${choice}`);
    }
    assert.deepEqual(headScriptAttributes({ [pref.key]: 'x" onload="' }), {}, 'unknown values are ignored');
  }
  assert.deepEqual(headScriptAttributes({ theme: 'dark' }, false), {}, 'blocked storage: the defaults, no error');
});

test('a story QR code: its address beside the story, a whole SVG at four pixels a module', async () => {
  assert.equal(storyQrPath('lingshi'), `${storyPath('lingshi')}qr.svg`);
  // The build finds the stories to write QR codes for among its pages (src/integrations/story-qr-codes.ts).
  assert.equal(storySlugOfPath(storyPath('lingshi-etdz')), 'lingshi-etdz');
  assert.equal(
    storySlugOfPath(storyPath('lingshi-etdz').slice(1)),
    'lingshi-etdz',
    'Astro lists pages without the leading slash',
  );
  for (const other of ['/', '/stories/', storyQrPath('lingshi'), '/sections/kaifaqu/', '/stories/a/b/']) {
    assert.equal(storySlugOfPath(other), undefined, other);
  }
  const permalink = 'https://archive.kexuedaobao.example/stories/lingshi-etdz-transformation/';
  const svg = await qrSvg(permalink);
  const side = qrModules(permalink);
  assert.match(
    svg,
    new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">`),
  );
  assert.ok(side >= 21 + 8, 'at least a version 1 code and its quiet zone');
  assert.equal(qrPixels(permalink), 4 * side);
  assert.notEqual(await qrSvg(`${permalink}x`), svg, 'the code depends on the link');
});
