import type { APIRoute } from 'astro';
import { getPosts } from '../../../features/content/posts';
import { katexFont, katexFonts } from '../../../features/math/katex-assets';

export const getStaticPaths = async () =>
  (await getPosts()).some((post) => post.hasMath)
    ? (await katexFonts()).map((file) => ({ params: { name: file.replace(/\.woff2$/, '') } }))
    : [];

export const GET: APIRoute = async ({ params }) =>
  new Response(new Uint8Array(await katexFont(`${params.name}.woff2`)), {
    headers: { 'Content-Type': 'font/woff2' },
  });
