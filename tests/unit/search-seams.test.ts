/**
 * The search module's seams, checked on its source:
 * - Pagefind behind its two adapters: no other file under src/ names Pagefind's files, formats or
 *   its language switching (a Pagefind upgrade then only touches the adapters and their contract tests);
 * - no module-level mutable state in src/search (a search's state lives in the values it passes).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ADAPTERS = new Set(['src/search/build/pagefind.ts', 'src/search/client/pagefind.ts']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : /\.(ts|astro|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** What only the adapters may name: Pagefind's file names and formats, its folder layout, its language switching. */
const PAGEFIND_FORMATS = [
  /pf_meta/,
  /pf_fragment/,
  /pf_index/,
  /pagefind_dcd/,
  /pagefind-entry\.json/,
  /forceLanguage/,
  /mergeIndex/,
  /createInstance/,
  /addCustomRecord/,
  /\/pagefind\//,
  /from ['"]pagefind['"]/,
  /PAGEFIND_/,
  /setAttribute\('lang'/,
  /\.words\b.*result|result\.words/,
];

test('only the two Pagefind adapters name its files and formats', () => {
  const offenders: string[] = [];
  for (const file of filesUnder('src')) {
    if (ADAPTERS.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    for (const pattern of PAGEFIND_FORMATS) if (pattern.test(text)) offenders.push(`${file}: ${pattern}`);
  }
  assert.deepEqual(offenders, []);
});

test('the seam check finds a format named outside the adapters', () => {
  assert.ok(PAGEFIND_FORMATS.some((p) => p.test('const meta = `${base}/pf_meta`;')));
  assert.ok(PAGEFIND_FORMATS.some((p) => p.test("fetch('/pagefind/pagefind.js')")));
});

/** A top-level `let` or `var`, or a module-level Map/Set/array written to later, is state a search would share. */
const MUTABLE = /^(?:export\s+)?(?:let|var)\s|^(?:export\s+)?const\s+\w+\s*(?::[^=]+)?=\s*new\s+(?:Map|Set|WeakMap)\b/m;

test('no module-level mutable state in src/search', () => {
  const offenders = filesUnder('src/search').filter((file) => MUTABLE.test(readFileSync(file, 'utf8')));
  assert.deepEqual(offenders, []);
  assert.ok(MUTABLE.test('let loading: Promise<void> | undefined;\n'));
  assert.ok(MUTABLE.test('const fetched = new Map<string, Promise<unknown>>();\n'));
  assert.ok(!MUTABLE.test('  let inside = 1;\n'));
});
