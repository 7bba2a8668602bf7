import type { APIRoute } from 'astro';
import { siteUrl } from '../lib/paths';

// Everything may be crawled (link unfurlers included); the sitemap URL must be absolute.
export const GET: APIRoute = () => {
  const sitemap = siteUrl('sitemap-index.xml');
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
