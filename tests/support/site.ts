/** Serves the built site for a test file and hands out browser pages. */
import { after, before } from 'node:test';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { startServer, type RunningServer } from '../../tooling/server/serve.ts';
import { launchBrowser } from './browser.ts';

export const DIST = process.env.ARCHIVE_OUT_DIR ?? 'dist';

export interface Site {
  server: RunningServer;
  browser: Browser;
  /** A fresh browser context; closed with the site. */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  url(path: string): string;
}

/** Registers before/after hooks that serve dist/ and start Chromium for the calling test file. */
export function useSite(): Site {
  const site = {} as Site;
  before(async () => {
    site.server = await startServer(DIST);
    site.browser = await launchBrowser();
    site.context = (options) => site.browser.newContext({ locale: 'zh-CN', ...options });
    site.url = (path) => new URL(path, site.server.url).href;
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
