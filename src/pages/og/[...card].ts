import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import { site } from '../../config/site';
import { getPosts, type PostSummary } from '../../features/content/posts';
import { renderShareCard } from '../../features/sharing/card/card';
import { defaultCardInput, renderPostCard } from '../../features/sharing/card';
import { base, defaultCardPath } from '../../lib/paths';

/** The route parameter of a card: its path below `og/`, decoded (Astro encodes it again). */
const param = (path: string) => decodeURIComponent(path.slice(base.length + 'og/'.length));

// Share cards (og:image / twitter:image), rendered once at build: one per post, one site-wide default.
export const getStaticPaths = (async () => [
  { params: { card: param(defaultCardPath) }, props: { post: undefined } },
  ...(await getPosts()).map((post) => ({ params: { card: param(new URL(post.share.image.url).pathname) }, props: { post } })),
]) satisfies GetStaticPaths;

interface Props {
  post: PostSummary | undefined;
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const card = props.post ? await renderPostCard(props.post, site) : await renderShareCard(defaultCardInput(site));
  const data = card.type === 'image/jpeg' ? card.data : await sharp(card.data).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
  return new Response(new Uint8Array(data), { headers: { 'Content-Type': 'image/jpeg' } });
};
