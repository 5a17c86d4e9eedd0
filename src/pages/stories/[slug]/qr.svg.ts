/** /stories/<slug>/qr.svg: the QR code of the story's permanent link, a static SVG made at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStories } from '../../../data/stories.ts';
import { qrSvg } from '../../../lib/qr.ts';
import { absoluteUrl, storyPath } from '../../../lib/urls.ts';

export const getStaticPaths = (async () =>
  (await getStories()).map((story) => ({ params: { slug: story.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) =>
  new Response(await qrSvg(absoluteUrl(storyPath(params.slug!), site!)), {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });
