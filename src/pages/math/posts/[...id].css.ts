import type { APIRoute } from 'astro';
import { render } from 'astro:content';
import { getPosts, type PostSummary } from '../../../features/content/posts';
import { mathStylesOf } from '../../../features/math/rehype-math-classes';

// The layout rules KaTeX wrote as inline styles in one post, as that post's stylesheet.
export const getStaticPaths = async () =>
  (await getPosts())
    .filter((post) => post.hasMath)
    .map((post) => ({ params: { id: post.id }, props: { post } }));

export const GET: APIRoute<{ post: PostSummary }> = async ({ props }) => {
  const { remarkPluginFrontmatter } = await render(props.post.entry);
  return new Response(mathStylesOf(remarkPluginFrontmatter), {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
};
