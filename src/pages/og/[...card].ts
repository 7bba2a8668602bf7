import type { APIRoute, GetStaticPaths } from 'astro';
import { getPosts, type PostSummary } from '../../features/content/posts';
import { defaultCardInput, postCardInput } from '../../features/sharing/card/card-input';
import { renderCard } from '../../features/sharing/card/render-card';
import { base, defaultCardPath } from '../../lib/paths';

/** The route parameter of a card: its path below `og/`, decoded (Astro encodes it again). */
const param = (path: string) => decodeURIComponent(path.slice(base.length + 'og/'.length));

// Share cards (og:image / twitter:image): one per post and one site-wide, each from the disk
// cache when its inputs (text, cover bytes, template, fonts) have not changed.
export const getStaticPaths = (async () => [
  { params: { card: param(defaultCardPath) }, props: { post: undefined } },
  ...(await getPosts()).map((post) => ({
    params: { card: param(new URL(post.share.image.url).pathname) },
    props: { post },
  })),
]) satisfies GetStaticPaths;

interface Props {
  post: PostSummary | undefined;
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const card = await renderCard(props.post ? await postCardInput(props.post) : defaultCardInput);
  if (card.missing.length) {
    // The card still builds; the log says which characters no bundled font has.
    console.warn(
      `[share-card] ${props.post?.id ?? 'default'}: no bundled font draws ${card.missing.map((c) => JSON.stringify(c)).join(' ')}; left out of the card`,
    );
  }
  return new Response(new Uint8Array(card.data), { headers: { 'Content-Type': card.type } });
};
