/** Reading a Content Security Policy, to check the built pages against the one `_headers` sends. */
import { createHash } from 'node:crypto';

export type Csp = Map<string, string[]>;

/** Directives by lowercase name; the first occurrence wins, as browsers do. */
export function parseCsp(policy: string): Csp {
  const csp: Csp = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name || csp.has(name.toLowerCase())) continue;
    csp.set(name.toLowerCase(), sources);
  }
  return csp;
}

/** The source expression allowing exactly this inline script or style: 'sha256-…'. */
export function cspHash(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
}

/** The kinds of inline code a page can hold, each governed by its own directive chain. */
export type InlineKind = 'script' | 'style' | 'script-attr' | 'style-attr';

/** Fallback chains from CSP Level 3: the first directive present decides. */
const FALLBACKS: Record<InlineKind, string[]> = {
  script: ['script-src-elem', 'script-src', 'default-src'],
  style: ['style-src-elem', 'style-src', 'default-src'],
  'script-attr': ['script-src-attr', 'script-src', 'default-src'],
  'style-attr': ['style-src-attr', 'style-src', 'default-src'],
};

/** The sources that govern `kind`, or undefined when no directive restricts it. */
export function effectiveSources(csp: Csp, kind: InlineKind): string[] | undefined {
  for (const directive of FALLBACKS[kind]) {
    const sources = csp.get(directive);
    if (sources) return sources;
  }
  return undefined;
}

/** Whether the policy lets this inline `<script>`, `<style>`, handler or style attribute run. */
export function allowsInline(csp: Csp, kind: InlineKind, content: string): boolean {
  const sources = effectiveSources(csp, kind);
  if (!sources) return true;
  const hashed = sources.some((s) => /^'(sha256|sha384|sha512|nonce)-/.test(s));
  // A hash or nonce in the list makes browsers ignore 'unsafe-inline'.
  if (sources.includes("'unsafe-inline'") && !hashed) return true;
  // Hashes cover attributes only together with 'unsafe-hashes'.
  const hashesApply = kind === 'script' || kind === 'style' || sources.includes("'unsafe-hashes'");
  return hashesApply && sources.includes(cspHash(content));
}
