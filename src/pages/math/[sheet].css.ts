import type { APIRoute } from 'astro';
import { getPosts } from '../../features/content/posts';
import { katexStylesheet } from '../../features/math/katex-assets';

// KaTeX's stylesheet (`/math/katex.css`), built only when some post has math (a route with a
// parameter, so that a site without math ships no KaTeX file).
export const getStaticPaths = async () =>
  (await getPosts()).some((post) => post.hasMath) ? [{ params: { sheet: 'katex' } }] : [];

export const GET: APIRoute = async () =>
  new Response(await katexStylesheet(), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
