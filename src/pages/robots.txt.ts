import type { APIRoute } from 'astro';
import { withBase } from '../lib/paths';
import { site } from '../config/site';

// Everything may be crawled (link unfurlers included); the sitemap URL must be absolute.
export const GET: APIRoute = ({ site: astroSite }) => {
  const sitemap = new URL(withBase('sitemap-index.xml'), astroSite ?? site.url).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
