/**
 * Hosting gate: what dist/_headers makes a host send, file by file, and whether the pages'
 * own inline code would run under the Content Security Policy it sets.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { allowsInline, effectiveSources, parseCsp, type Csp } from '../headers/parse-csp.ts';
import { getHeader, headersFor, matchesPattern, parseHeaders, type HeaderRule } from '../headers/parse-headers.ts';
import { builtFiles, type BuiltFile } from './pages.ts';

const YEAR = 31_536_000;

/**
 * How a file may be cached. Astro's /_astro/ files, Pagefind's index chunks, filters and
 * fragments, the parts of story text for excerpts and the search index's build folder are named by content hash: cache them a
 * year, immutable. Pagefind's .pf_meta is hashed too but sits beside fixed-name files, and a
 * mid-path `*` is not portable between hosts, so either is fine for it. Everything else keeps its
 * name across builds and must say `no-cache` (revalidate every time): with no Cache-Control at
 * all, browsers and CDNs guess a freshness from Last-Modified and serve stale pages.
 */
export function cachePolicy(path: string): 'immutable' | 'either' | 'revalidate' {
  if (/^\/(_astro|pagefind\/index|pagefind\/filter)\//.test(path)) return 'immutable';
  if (/^\/excerpts\/.+-[0-9a-f]{10}\.\d+\.txt\.gz$/.test(path)) return 'immutable';
  // The lexicon, result, facet and date files live in a folder named by a hash of all of them
  // (src/search/build/index.ts); the fold table (fold.bin) too: the hash covers it.
  if (/^\/lexicon-files\/[0-9a-f]{16}\/(?:[bsf]\/\d+|dates|fold)\.bin$/.test(path)) return 'immutable';
  return /_[0-9a-f]{7,}\.pf_meta$/.test(path) ? 'either' : 'revalidate';
}

/** Browser features the archive never uses: Permissions-Policy must deny each (`name=()`). */
export const DENIED_FEATURES = ['camera', 'microphone', 'geolocation', 'browsing-topics', 'payment', 'usb'];

/** Problems with the isolation and feature headers every file gets. */
export function isolationProblems(headers: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  if (getHeader(headers, 'Cross-Origin-Resource-Policy') !== 'same-origin')
    problems.push('Cross-Origin-Resource-Policy is not same-origin');
  if (getHeader(headers, 'Cross-Origin-Opener-Policy') !== 'same-origin')
    problems.push('Cross-Origin-Opener-Policy is not same-origin');
  const permissions = (getHeader(headers, 'Permissions-Policy') ?? '').split(',').map((p) => p.trim());
  for (const feature of DENIED_FEATURES) {
    if (!permissions.includes(`${feature}=()`)) problems.push(`Permissions-Policy does not deny ${feature}`);
  }
  return problems;
}

/** The build's rules, or an error line when dist/_headers is missing. */
export function readRules(dist: string): HeaderRule[] {
  const file = join(dist, '_headers');
  if (!existsSync(file)) throw new Error(`${file} is missing (public/_headers is copied into the build)`);
  return parseHeaders(readFileSync(file, 'utf8'));
}

/** CSP weaknesses for a page; `needsWasm` when Pagefind's WebAssembly must run. */
export function cspProblems(csp: Csp, needsWasm: boolean): string[] {
  const problems: string[] = [];
  const scripts = effectiveSources(csp, 'script') ?? [];
  if (!csp.has('default-src')) problems.push('CSP has no default-src');
  for (const weak of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:', 'blob:']) {
    if (scripts.includes(weak)) problems.push(`CSP script-src allows ${weak}`);
  }
  if (needsWasm && !scripts.includes("'wasm-unsafe-eval'"))
    problems.push("CSP script-src lacks 'wasm-unsafe-eval' (Pagefind)");
  if (csp.get('object-src')?.join(' ') !== "'none'") problems.push("CSP object-src is not 'none'");
  if (!csp.has('base-uri')) problems.push('CSP has no base-uri');
  if (!csp.has('frame-ancestors')) problems.push('CSP has no frame-ancestors');
  if (csp.get('require-trusted-types-for')?.join(' ') !== "'script'")
    problems.push("CSP does not require Trusted Types (require-trusted-types-for 'script')");
  const policies = csp.get('trusted-types');
  if (!policies || policies.length === 0 || policies.some((p) => p === '*' || p === "'allow-duplicates'")) {
    problems.push('CSP trusted-types must name the allowed policies (no *, no duplicates)');
  }
  return problems;
}

/** Inline scripts, styles and handler/style attributes of a page that `csp` would block. */
export function inlineCodeProblems(html: string, csp: Csp): string[] {
  const problems: string[] = [];
  const text = (node: Element): string => node.children.map((c) => ('value' in c ? c.value : '')).join('');
  visit(fromHtml(html) as Root, 'element', (node: Element) => {
    const type = String(node.properties['type'] ?? '').toLowerCase();
    // JSON-LD and other data blocks are not executed, so CSP does not apply to them.
    const isData = type !== '' && type !== 'module' && !/javascript|ecmascript|importmap/.test(type);
    if (node.tagName === 'script' && !node.properties['src'] && !isData && !allowsInline(csp, 'script', text(node))) {
      problems.push(`inline <script> blocked: ${text(node).slice(0, 60)}`);
    }
    if (node.tagName === 'style' && !allowsInline(csp, 'style', text(node))) {
      problems.push(`inline <style> blocked: ${text(node).slice(0, 60)}`);
    }
    const style = node.properties['style'];
    if (typeof style === 'string' && !allowsInline(csp, 'style-attr', style)) {
      problems.push(`style attribute on <${node.tagName}> blocked: ${style.slice(0, 60)}`);
    }
    for (const [prop, value] of Object.entries(node.properties)) {
      if (/^on[A-Z]/.test(prop) && !allowsInline(csp, 'script-attr', String(value))) {
        problems.push(`${prop.toLowerCase()} handler on <${node.tagName}> blocked`);
      }
    }
  });
  return problems;
}

/** Everything wrong with the headers a host would send for the files of `dist`. */
export function headerProblems(dist: string, rules: HeaderRule[] = readRules(dist)): string[] {
  const problems: string[] = [];
  const files = builtFiles(dist).filter((f) => f.rel !== '_headers');
  const needsWasm = files.some((f) => f.rel.startsWith('pagefind/'));
  const check = (file: BuiltFile): void => {
    const headers = headersFor(rules, file.path);
    const problem = (text: string): void => {
      problems.push(`${file.path}: ${text}`);
    };
    const cacheRules = rules.filter(
      (r) => matchesPattern(r.pattern, file.path) && r.headers.some(([n]) => n.toLowerCase() === 'cache-control'),
    );
    if (cacheRules.length > 1)
      problem(
        `Cache-Control set by ${cacheRules.length} rules (lines ${cacheRules.map((r) => r.line).join(', ')}); hosts join them`,
      );
    const cache = getHeader(headers, 'Cache-Control') ?? '';
    const maxAge = Number(/max-age=(\d+)/.exec(cache)?.[1] ?? 0);
    const policy = cachePolicy(file.path);
    if (policy === 'immutable') {
      if (!cache.includes('immutable') || maxAge < YEAR)
        problem(`hashed file should be cached a year, immutable; Cache-Control: "${cache}"`);
    } else if (policy === 'revalidate' && !/^no-cache$|^(public, )?max-age=0, must-revalidate$/.test(cache)) {
      problem(`file keeps its name across builds: Cache-Control should be "no-cache", not "${cache}"`);
    } else if (policy === 'either' && cache !== 'no-cache' && !(cache.includes('immutable') && maxAge >= YEAR)) {
      problem(`hashed file beside fixed names: Cache-Control should be "no-cache" or a year immutable, not "${cache}"`);
    }
    for (const text of isolationProblems(headers)) problem(text);
    if (getHeader(headers, 'X-Content-Type-Options') !== 'nosniff') problem('X-Content-Type-Options is not nosniff');
    if (!file.rel.endsWith('.html')) return;
    if (!getHeader(headers, 'Referrer-Policy')) problem('no Referrer-Policy');
    const policyText = getHeader(headers, 'Content-Security-Policy');
    if (!policyText) {
      problem('no Content-Security-Policy');
      return;
    }
    if (policyText.includes(', ')) problem('Content-Security-Policy set by two rules');
    const csp = parseCsp(policyText);
    for (const text of [...cspProblems(csp, needsWasm), ...inlineCodeProblems(readFileSync(file.file, 'utf8'), csp)])
      problem(text);
  };
  files.forEach(check);
  return problems;
}

/**
 * The same `_headers` as Netlify reads it, with Netlify's own parser and path matching
 * (`@netlify/headers-parser`: case-insensitive, a trailing slash optional, `/*` also matching the
 * folder itself): it must parse without error, give every file the headers the local server and
 * nginx send, and never set Cache-Control from two blocks (Netlify would join the values).
 */
export async function netlifyProblems(dist: string, headersFile = join(dist, '_headers')): Promise<string[]> {
  const { parseAllHeaders } = await import('@netlify/headers-parser');
  const { headers: blocks, errors } = await parseAllHeaders({
    headersFiles: [headersFile],
    configHeaders: [],
    minimal: false,
  });
  const problems = errors.map((error) => `_headers (Netlify's parser): ${error.message}`);
  const rules = parseHeaders(readFileSync(headersFile, 'utf8'));
  for (const file of builtFiles(dist).filter((f) => f.rel !== '_headers')) {
    const matching = blocks.filter((block) => 'forRegExp' in block && block.forRegExp.test(file.path));
    const caching = matching.filter((block) =>
      Object.keys(block.values).some((name) => name.toLowerCase() === 'cache-control'),
    );
    if (caching.length > 1)
      problems.push(
        `${file.path}: Cache-Control set by ${caching.length} blocks as Netlify matches them (${caching.map((b) => b.for).join(', ')})`,
      );
    const netlify = new Map<string, string>();
    for (const block of matching) {
      for (const [name, value] of Object.entries(block.values)) {
        const key = name.toLowerCase();
        netlify.set(key, netlify.has(key) ? `${netlify.get(key)}, ${value}` : value);
      }
    }
    const ours = new Map([...headersFor(rules, file.path)].map(([name, value]) => [name.toLowerCase(), value]));
    for (const name of new Set([...netlify.keys(), ...ours.keys()])) {
      if (netlify.get(name) !== ours.get(name))
        problems.push(
          `${file.path}: ${name} is ${JSON.stringify(netlify.get(name))} on Netlify, ${JSON.stringify(ours.get(name))} here`,
        );
    }
  }
  return problems;
}
