/** Serves the built site for a test file and hands out browser pages. */
import { after, before } from 'node:test';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { startNginx } from '../../tooling/nginx/start.ts';
import { startServer, type RunningServer } from '../../tooling/server/serve.ts';
import { launchBrowser } from '../../tooling/browser.ts';

export const DIST = process.env.ARCHIVE_OUT_DIR ?? 'dist';

/** Which server the tests run against: the preview server (default) or nginx (`ARCHIVE_SERVER=nginx`). */
export const SERVER: 'node' | 'nginx' = process.env.ARCHIVE_SERVER === 'nginx' ? 'nginx' : 'node';

/** Serves a build folder with the chosen server. */
export function startSiteServer(dir: string = DIST): Promise<RunningServer> {
  return SERVER === 'nginx' ? startNginx(dir) : startServer(dir);
}

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
    site.server = await startSiteServer(DIST);
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
