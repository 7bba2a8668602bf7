import { slug } from 'github-slugger';
import { site } from '../config/site';

/** `2022-4-12-milvus-10k-stars.md` → `2022-4-12-milvus-10k-stars`: case, dots and non-ASCII kept. */
export function entryIdFromPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/\.mdx?$/i, '');
}

/**
 * Joins a site-relative path onto the deployment base (`/` or `/some/base/`). The base comes from
 * the site config, like Astro's own `base`, rather than `import.meta.env.BASE_URL`, which Vite lets
 * a `BASE_URL` environment variable override.
 */
export function withBase(path: string, base: string = site.base): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}

export function postPath(id: string, base?: string): string {
  return withBase(`blog/${id}/`, base);
}

/** `Artificial Intelligence` → `artificial-intelligence`; non-Latin tags keep their letters. */
export function tagSlug(tag: string): string {
  return slug(tag) || encodeURIComponent(tag.trim().toLowerCase());
}

export function tagPath(tag: string, base?: string): string {
  return withBase(`tags/${tagSlug(tag)}/`, base);
}
