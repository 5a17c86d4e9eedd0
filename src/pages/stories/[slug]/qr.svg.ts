/**
 * /stories/<slug>/qr.svg in `npm run dev`: the QR code of the story's permanent link. A build writes
 * these files from an integration instead (src/integrations/story-qr-codes.ts, same src/lib/qr.ts),
 * at half the cost of a route per story, so this endpoint lists no paths there.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStories } from '../../../data/stories.ts';
import { qrSvg } from '../../../lib/qr.ts';
import { absoluteUrl, storyPath } from '../../../lib/urls.ts';

export const getStaticPaths = (async () =>
  import.meta.env.DEV
    ? (await getStories()).map((story) => ({ params: { slug: story.id } }))
    : []) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) =>
  new Response(await qrSvg(absoluteUrl(storyPath(params.slug!), site!)), {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });
