/**
 * The search page's Trusted Types `default` policy (the CSP says `require-trusted-types-for 'script'`
 * and names only this policy). Pagefind's pagefind.js starts its worker from a URL string
 * (`new Worker(url)`), a script-URL sink, and cannot be changed; the default policy passes exactly
 * that: a URL of the archive's Pagefind bundle (./pagefind.ts). Every other string to a script or HTML sink is refused
 * (returning undefined makes the browser block it and report a violation).
 */
import { isPagefindUrl } from './pagefind.ts';

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL?: (input: string) => string | undefined }): unknown;
}

const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;

factory?.createPolicy('default', {
  createScriptURL: (input) => (isPagefindUrl(input, location.href) ? input : undefined),
});
