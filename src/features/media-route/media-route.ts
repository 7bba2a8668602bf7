import type { APIRoute } from 'astro';
import { animationFiles, compositionVariants } from '../animations/animation-variants';
import { wallpaperDownloads } from '../wallpaper/downloads';
import { usedMedia } from '../media/used-media';
import { originalVariant, renderVariant, type Variant } from '../media/variants';

/** What the route needs of a post (a `Post` of the content feature): its source and cover. */
export interface PostSource {
  entry: { body?: string; data: { cover?: string } };
}

/**
 * Every file served under `/media/` for these posts: the variants of their animations, the
 * downloads of their wallpapers and the originals of their pictures (the full-size view; the
 * pictures themselves go through astro:assets, as covers do).
 */
export async function allVariants(posts: PostSource[]): Promise<Variant[]> {
  const lists = await Promise.all(
    [
      ...(await usedMedia(
        posts.map(({ entry }) => ({ body: entry.body, cover: entry.data.cover })),
      )),
    ].map(async ([entry, roles]) => {
      const variants: Variant[] = [];
      if (roles.has('animation'))
        variants.push(...compositionVariants(await animationFiles(entry)));
      if (roles.has('wallpaper'))
        variants.push(...(await wallpaperDownloads(entry)).map((d) => d.variant));
      if (roles.has('image')) variants.push(await originalVariant(entry));
      return variants;
    }),
  );
  const byName = new Map(lists.flat().map((variant) => [variant.name, variant]));
  return [...byName.values()];
}

/**
 * The `/media/` files with one extension. Routes are split by extension (`[name].webp.ts`, …)
 * because Astro applies `trailingSlash: 'always'` to endpoint routes without a file extension in
 * their own name, which breaks `/media/x.webp` on the dev server.
 */
export async function mediaPaths(extension: string, posts: PostSource[]) {
  const variants = await allVariants(posts);
  return variants
    .filter((variant) => variant.name.endsWith(`.${extension}`))
    .map((variant) => ({
      params: { name: variant.name.slice(0, -extension.length - 1) },
      props: { variant },
    }));
}

export const serveMedia: APIRoute<{ variant: Variant }> = async ({ props }) => {
  const data = await renderVariant(props.variant);
  return new Response(new Uint8Array(data), {
    headers: { 'Content-Type': props.variant.contentType },
  });
};

/** Extensions that have a route in src/pages/media/. */
export const MEDIA_EXTENSIONS = ['webp', 'gif', 'jpg', 'png', 'avif'] as const;
