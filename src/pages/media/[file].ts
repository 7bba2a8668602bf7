import type { APIRoute, GetStaticPaths } from 'astro';
import { allVariants, renderVariant, type Variant } from '../../lib/media/variants';

/** Writes every variant of the media manifest (animations, wallpaper sizes) to `/media/` at build. */
export const getStaticPaths = (async () => {
  const variants = await allVariants();
  return variants.map((variant) => ({ params: { file: variant.name }, props: { variant } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ variant: Variant }> = async ({ props }) => {
  const data = await renderVariant(props.variant);
  return new Response(new Uint8Array(data), { headers: { 'Content-Type': props.variant.contentType } });
};
