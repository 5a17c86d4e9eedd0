/**
 * Writes every story's QR code (/stories/<slug>/qr.svg, src/lib/qr.ts) once the pages are built,
 * in worker threads, one per core (the page rendering before it uses one). As an Astro endpoint
 * each of these files cost about twice the QR code itself in routing, rendering and logging, on
 * the one render thread. `npm run dev` serves the same files from the endpoint
 * src/pages/stories/[slug]/qr.svg.ts, which builds no paths in a build. Each code is kept in the
 * build's cache folder, named by a hash of its text and the code that draws it, and copied from
 * there by the next build: only new addresses are drawn.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { absoluteUrl, storyPath, storyQrPath, storySlugOfPath } from '../lib/urls.ts';
import { codeVersion } from '../data/build-cache.ts';
import type { QrJob } from './story-qr-worker.ts';

/** Runs one worker over its jobs; rejects with the worker's error. */
function runWorker(jobs: QrJob[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./story-qr-worker.ts', import.meta.url), { workerData: jobs });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`QR code worker exited with code ${code}`)),
    );
  });
}

export function storyQrCodes(): AstroIntegration {
  let site: URL | undefined;
  let keptDir = '';
  return {
    name: 'story-qr-codes',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
        keptDir = join(fileURLToPath(config.cacheDir), 'qr-codes');
      },
      'astro:build:done': async ({ pages, dir, logger }) => {
        if (!site) throw new Error('story QR codes need `site` in astro.config.mjs: they encode absolute links');
        const started = performance.now();
        const version = codeVersion();
        const jobs = pages
          .map((page) => storySlugOfPath(page.pathname))
          .filter((slug) => slug !== undefined)
          // storyQrPath is absolute ("/stories/…"): resolve it inside the output folder.
          .map((slug) => {
            const text = absoluteUrl(storyPath(slug), site!);
            const kept = join(
              keptDir,
              `${createHash('sha256').update(`${version}\n${text}`).digest('hex').slice(0, 32)}.svg`,
            );
            return { text, file: fileURLToPath(new URL(`.${storyQrPath(slug)}`, dir)), kept };
          });
        mkdirSync(keptDir, { recursive: true });
        const used = new Set(jobs.map((job) => job.kept));
        for (const name of readdirSync(keptDir))
          if (!used.has(join(keptDir, name))) rmSync(join(keptDir, name), { force: true });
        const workers = Math.max(1, Math.min(availableParallelism(), Math.ceil(jobs.length / 500)));
        const share = Math.ceil(jobs.length / workers);
        await Promise.all(Array.from({ length: workers }, (_, i) => runWorker(jobs.slice(i * share, (i + 1) * share))));
        logger.info(
          `${jobs.length} QR codes written by ${workers} worker(s) in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
