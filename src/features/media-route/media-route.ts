import type { APIRoute } from 'astro';
import { animationFiles, compositionVariants } from '../animations/animation-variants';
import { wallpaperDownloads } from '../wallpaper/downloads';
import { mediaManifest, type MediaEntry } from '../media/manifest';
import { renderVariant, type Variant } from '../media/variants';

/** Every file served under `/media/`: the animations' variants and the wallpaper downloads. (Covers go through astro:assets.) */
export async function allVariants(
  manifest: readonly MediaEntry[] = mediaManifest,
): Promise<Variant[]> {
  const lists = await Promise.all(
    manifest.map(async (entry) => {
      if (entry.role === 'animation') return compositionVariants(await animationFiles(entry));
      if (entry.role === 'wallpaper')
        return (await wallpaperDownloads(entry)).map((d) => d.variant);
      return [];
    }),
  );
  return lists.flat();
}

/**
 * The `/media/` files with one extension. Routes are split by extension (`[name].webp.ts`, …)
 * because Astro applies `trailingSlash: 'always'` to endpoint routes without a file extension in
 * their own name, which breaks `/media/x.webp` on the dev server.
 */
export async function mediaPaths(extension: string) {
  const variants = await allVariants();
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
export const MEDIA_EXTENSIONS = ['webp', 'gif', 'jpg', 'png'] as const;
