import type { APIRoute, GetStaticPaths } from 'astro';
import { feedCoverVariant, feedPosts } from '../../features/feed/feed-picture';
import { renderVariant, type Variant } from '../../features/media/variants';

// The feed's cover renditions (src/features/feed/feed-picture.ts), one per local cover in the feed.
export const getStaticPaths = (async () => {
  const variants = new Map<string, Variant>();
  for (const post of await feedPosts()) {
    if (!post.cover?.local) continue;
    const variant = await feedCoverVariant(post.cover.local);
    variants.set(variant.name, variant);
  }
  return [...variants.values()].map((variant) => ({
    params: { name: variant.name.replace(/\.jpg$/, '') },
    props: { variant },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ variant: Variant }> = async ({ props }) =>
  new Response(new Uint8Array(await renderVariant(props.variant)), {
    headers: { 'Content-Type': props.variant.contentType },
  });
