/**
 * Writes every story's QR code (/stories/<slug>/qr.svg, src/lib/qr.ts) once the pages are built.
 * As an Astro endpoint each of these files cost about twice the QR code itself in routing,
 * rendering and logging; here it costs the code and one file write. `npm run dev` serves the same
 * files from the endpoint src/pages/stories/[slug]/qr.svg.ts, which builds no paths in a build.
 */
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { qrSvg } from '../lib/qr.ts';
import { absoluteUrl, storyPath, storyQrPath, storySlugOfPath } from '../lib/urls.ts';

/** Files written before waiting for their writes: keeps the disk busy while the next codes are drawn. */
const WRITES_IN_FLIGHT = 64;

export function storyQrCodes(): AstroIntegration {
  let site: URL | undefined;
  return {
    name: 'story-qr-codes',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
      },
      'astro:build:done': async ({ pages, dir, logger }) => {
        if (!site) throw new Error('story QR codes need `site` in astro.config.mjs: they encode absolute links');
        const started = performance.now();
        const slugs = pages.map((page) => storySlugOfPath(page.pathname)).filter((slug) => slug !== undefined);
        let writes: Promise<void>[] = [];
        for (const slug of slugs) {
          const svg = await qrSvg(absoluteUrl(storyPath(slug), site));
          // storyQrPath is absolute ("/stories/…"): resolve it inside the output folder.
          writes.push(writeFile(new URL(`.${storyQrPath(slug)}`, dir), svg));
          if (writes.length >= WRITES_IN_FLIGHT) {
            await Promise.all(writes);
            writes = [];
          }
        }
        await Promise.all(writes);
        logger.info(`${slugs.length} QR codes written in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
