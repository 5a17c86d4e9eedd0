import type { APIContext } from 'astro';
import { absoluteUrl, sitemapPath } from '../lib/urls.ts';

/** Everything may be crawled; the sitemap lists every page. */
export function GET(context: APIContext): Response {
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(sitemapPath(), context.site!)}`, ''].join(
    '\n',
  );
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
