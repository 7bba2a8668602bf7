import type { APIRoute } from 'astro';
import { getPosts } from '../../features/content/posts';
import { katexStylesheet } from '../../features/math/katex-assets';

// Built only when some post has math, so a site without math ships no KaTeX file.
export const getStaticPaths = async () => ((await getPosts()).some((post) => post.hasMath) ? [{ params: {} }] : []);

export const GET: APIRoute = async () => new Response(await katexStylesheet(), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
