import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE_ICONS, type SiteIcon } from '../../features/sharing/icons';
import { renderIcon } from '../../features/sharing/render-icon';

export const getStaticPaths = (() =>
  Object.keys(SITE_ICONS).map((icon) => ({ params: { icon } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(new Uint8Array(await renderIcon(params.icon as SiteIcon)), {
    headers: { 'Content-Type': 'image/png' },
  });
