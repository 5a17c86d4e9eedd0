/**
 * The `_headers` file that Netlify and Cloudflare Pages read: a path pattern on its own line,
 * then indented `Name: value` lines. The local server applies it, so tests see what a host sends.
 *
 *   /_astro/*
 *     Cache-Control: public, max-age=31536000, immutable
 *
 * Patterns: `*` matches anything (slashes too), `:name` one path segment. Every matching rule
 * applies, in file order; a header set by two rules gets both values joined by ", " (as both hosts
 * do), which is why the gates forbid a second Cache-Control.
 */

export interface HeaderRule {
  pattern: string;
  /** Headers in file order, names as written. */
  headers: [name: string, value: string][];
  /** 1-based line of the pattern, for error messages. */
  line: number;
}

/** Parses `_headers`; a malformed line throws naming its line number. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    if (!/^\s/.test(raw)) {
      if (!trimmed.startsWith('/'))
        throw new Error(`_headers line ${line}: a path pattern must start with "/": ${trimmed}`);
      rules.push({ pattern: trimmed, headers: [], line });
      return;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers line ${line}: header before any path pattern`);
    const colon = trimmed.indexOf(':');
    const name = trimmed.slice(0, colon).trim();
    const value = trimmed.slice(colon + 1).trim();
    if (colon <= 0 || !/^[A-Za-z0-9-]+$/.test(name) || value === '') {
      throw new Error(`_headers line ${line}: expected "Name: value", got: ${trimmed}`);
    }
    rule.headers.push([name, value]);
  });
  return rules;
}

const escapeRegExp = (text: string): string => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** Whether a rule's pattern matches a URL path such as /stories/x/. */
export function matchesPattern(pattern: string, path: string): boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') && part.length > 1 ? '[^/]+' : escapeRegExp(part)))
    .join('');
  return new RegExp(`^${source}$`).test(path);
}

/** The headers a host sends for `path`: every matching rule, repeated names joined by ", ". */
export function headersFor(rules: readonly HeaderRule[], path: string): Map<string, string> {
  const found = new Map<string, { name: string; value: string }>();
  for (const rule of rules) {
    if (!matchesPattern(rule.pattern, path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      const previous = found.get(key);
      found.set(key, previous ? { name: previous.name, value: `${previous.value}, ${value}` } : { name, value });
    }
  }
  return new Map([...found.values()].map(({ name, value }) => [name, value]));
}

/** Case-insensitive lookup in a header map. */
export function getHeader(headers: ReadonlyMap<string, string>, name: string): string | undefined {
  for (const [key, value] of headers) if (key.toLowerCase() === name.toLowerCase()) return value;
  return undefined;
}
