/** Accessibility gate: axe-core in the page, WCAG 2.1 A/AA plus best practices. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** The colour schemes and widths every page is checked in. */
export const AXE_VIEWS = [
  { scheme: 'light', name: 'desktop', viewport: { width: 1280, height: 900 } },
  { scheme: 'dark', name: 'desktop', viewport: { width: 1280, height: 900 } },
  { scheme: 'light', name: 'phone', viewport: { width: 375, height: 740 } },
  { scheme: 'dark', name: 'phone', viewport: { width: 375, height: 740 } },
] as const;

/** Violations on the page as it stands, one line each naming the rule and the elements. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself instead of opening a blank page per run: four times
  // faster, and it only gives up cross-origin iframes, which the archive has none of.
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).withTags(AXE_TAGS).analyze();
  return violations.map((v) => {
    const targets = v.nodes
      .slice(0, 5)
      .map((n) => n.target.join(' '))
      .join(' | ');
    return `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s): ${targets}`;
  });
}
