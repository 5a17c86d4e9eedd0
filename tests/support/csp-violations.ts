/**
 * Collects what the browser reports as Content Security Policy violations on a page (Trusted
 * Types included), and console complaints about the CSP or Permissions-Policy headers.
 */
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Starts listening before any page script runs; call the returned function to read the reports. */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const logged: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to|Trusted ?Type|Permissions-Policy|Permissions Policy/i.test(message.text()))
      logged.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return async () => [...(await page.evaluate(() => window.__cspViolations ?? [])), ...logged];
}
