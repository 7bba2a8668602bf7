import type { APIRoute, GetStaticPaths } from 'astro';
import { getPosts, type Post } from '../../features/content/posts';
import { renderShareCard } from '../../features/sharing/card/card';
import { DEFAULT_CARD_PATH, defaultCardInput, postCardPath, renderPostCard } from '../../features/sharing/card';
import { site } from '../../config/site';

// Share cards (og:image / twitter:image), rendered once at build: one per post, one site-wide default.
export const getStaticPaths = (async () => {
  const posts = await getPosts();
  return [
    { params: { card: DEFAULT_CARD_PATH.replace(/^og\//, '') }, props: { post: undefined } },
    ...posts.map((post) => ({ params: { card: postCardPath(post).replace(/^og\//, '') }, props: { post } })),
  ];
}) satisfies GetStaticPaths;

interface Props {
  post: Post | undefined;
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const card = props.post ? await renderPostCard(props.post, site) : await renderShareCard(defaultCardInput(site));
  return new Response(new Uint8Array(card.data), { headers: { 'Content-Type': card.type } });
};
