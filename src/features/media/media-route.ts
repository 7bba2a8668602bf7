import type { APIRoute } from 'astro';
import { allVariants, renderVariant, type Variant } from './variants';

/**
 * The `/media/` files with one extension. Routes are split by extension (`[name].webp.ts`, …)
 * because Astro applies `trailingSlash: 'always'` to endpoint routes without a file extension in
 * their own name, which breaks `/media/x.webp` on the dev server.
 */
export async function mediaPaths(extension: string) {
  const variants = await allVariants();
  return variants
    .filter((variant) => variant.name.endsWith(`.${extension}`))
    .map((variant) => ({ params: { name: variant.name.slice(0, -extension.length - 1) }, props: { variant } }));
}

export const serveMedia: APIRoute<{ variant: Variant }> = async ({ props }) => {
  const data = await renderVariant(props.variant);
  return new Response(new Uint8Array(data), { headers: { 'Content-Type': props.variant.contentType } });
};

/** Extensions that have a route in src/pages/media/. */
export const MEDIA_EXTENSIONS = ['webp', 'gif', 'jpg', 'png'] as const;
