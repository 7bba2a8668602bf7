import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The site's security policy, in one typed place: the remote hosts posts may load media from,
 * the Content-Security-Policy built from them, and the other response headers every host sends.
 */

/**
 * Remote sources posts may load, per kind.
 *
 * Images come from any https host. An image cannot run code, and real posts take pictures from many
 * hosts (CDNs, GitHub, blogs): with a host list, each new one showed readers a blank box. What an
 * open `img-src` gives away is that a reader's browser fetches from that host (as any link preview
 * does); media and frames, which can do more, stay on named hosts. A frame or video from any other
 * host is shown as a link card (rehype-embed-cards.ts), never as a blank frame.
 */
export const allowedRemoteHosts = {
  /** `<img>`, `<picture>` and CSS images: any https host. */
  images: ['https:'],
  /** `<video>` / `<audio>`. */
  media: ['https://assets.zilliz.com'],
  /** `<iframe>` players some posts embed. */
  frames: [
    'https://www.youtube.com',
    'https://www.youtube-nocookie.com',
    'https://player.bilibili.com',
  ],
} as const satisfies Record<string, readonly (`https://${string}` | 'https:')[]>;

export type MediaKind = keyof typeof allowedRemoteHosts;

/**
 * Inline scripts every page carries, as files read from the project root (builds and tests run
 * there). They must be static: the policy allows each by the hash of its exact text. Component
 * scripts are files under `_astro/`; the pages' stylesheets are inlined after the build
 * (src/features/stylesheets/inline-stylesheets.ts) and allowed by their hashes too.
 */
export const INLINE_SCRIPT_FILES = ['src/components/theme-init.js'] as const;

let hashes: string[] | undefined;
/** Read once per process: every page of a build carries the same policy. */
function inlineScriptHashes(): string[] {
  hashes ??= INLINE_SCRIPT_FILES.map(
    (file) => `'${cspHash(readFileSync(resolve(process.cwd(), file), 'utf8'))}'`,
  );
  return hashes;
}

/**
 * The site's one Content-Security-Policy, as directives. `inlineStyles` are the texts of the built
 * site's inline `<style>` elements (headers-integration.ts reads them from every page): each distinct
 * one is allowed by its hash, and nothing else inline. Every page carries exactly this policy, in
 * its `<meta>` tag and as a header (`dist/_headers`, `vercel.json`), so it holds only what a
 * `<meta>` policy can say: clickjacking is refused by `X-Frame-Options: DENY` (a header), not by
 * `frame-ancestors`, which browsers ignore (with a console error) in a `<meta>` policy.
 */
export function cspDirectives(inlineStyles: readonly string[]): string[] {
  // Sorted, so the policy depends on which blocks the site has, not on the order pages were read in.
  const styleHashes = [...new Set(inlineStyles.map((css) => `'${cspHash(css)}'`))].sort();
  return [
    "default-src 'self'",
    `script-src 'self' ${inlineScriptHashes().join(' ')}`,
    ['style-src', "'self'", ...styleHashes].join(' '),
    `img-src 'self' data: ${allowedRemoteHosts.images.join(' ')}`,
    `media-src 'self' ${allowedRemoteHosts.media.join(' ')}`,
    `frame-src ${allowedRemoteHosts.frames.join(' ')}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    'upgrade-insecure-requests',
  ];
}

/** The Content-Security-Policy, word for word the same in every page's `<meta>`, `dist/_headers` and `vercel.json`. */
export function contentSecurityPolicy(inlineStyles: readonly string[]): string {
  return cspDirectives(inlineStyles).join('; ');
}

/**
 * HTTPS only, for a year. Not `includeSubDomains`: the site may be deployed on an apex domain whose
 * other hosts are not ours to decide for. (Browsers ignore the header on http://, as in the preview.)
 */
export const hstsValue = 'max-age=31536000';

/** Response headers for every page and file (caching aside): the same on every host. `inlineStyles` as for cspDirectives(). */
export function securityHeaders(inlineStyles: readonly string[]): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(inlineStyles),
    'Strict-Transport-Security': hstsValue,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), geolocation=(), microphone=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** Content-hashed file names never change: a year, and no revalidation. */
export const immutableCacheControl = 'public, max-age=31536000, immutable';
/** Pages: revalidated on every visit (cheap with ETags), so a new post shows at once. */
export const revalidateCacheControl = 'public, max-age=0, must-revalidate';
/** Share cards keep their URL when a post changes: a day, then refreshed in the background for a week. */
export const shareCardCacheControl = 'public, max-age=86400, stale-while-revalidate=604800';
/** The feed and the sitemap: polled by readers and crawlers; ten minutes, then revalidated. */
export const feedCacheControl = 'public, max-age=600, must-revalidate';

/**
 * How long each kind of file may be cached, by site-relative path (`*` matches anything, `''` is the
 * home page). No path matches two of these, because Cloudflare Pages joins the values of a header
 * that two matching rules set. Pages are covered by `revalidateCacheControl` rules the headers
 * integration derives from the built site (one per top-level folder of pages).
 */
export const assetCacheRules: ReadonlyArray<{ path: string; cacheControl: string }> = [
  { path: '_astro/*', cacheControl: immutableCacheControl },
  { path: 'media/*', cacheControl: immutableCacheControl },
  { path: 'feed/*', cacheControl: immutableCacheControl },
  { path: 'og/*', cacheControl: shareCardCacheControl },
  { path: 'rss.xml', cacheControl: feedCacheControl },
  { path: 'sitemap-*', cacheControl: feedCacheControl },
];

export interface VercelHeaderRule {
  source: string;
  headers: Array<{ key: string; value: string }>;
}

/**
 * `vercel.json`'s `headers`: the same headers as `dist/_headers`. Vercel matches `source` with
 * path-to-regexp and lets the last matching rule win for a header, so pages get the default first
 * and the asset rules override it. (Vercel serves the site at its root: no base path.)
 */
export function vercelHeaders(inlineStyles: readonly string[]): VercelHeaderRule[] {
  const toSource = (path: string) => `/${path.replace(/\*/g, '(.*)')}`;
  const pairs = (headers: Record<string, string>) =>
    Object.entries(headers).map(([key, value]) => ({ key, value }));
  return [
    {
      source: '/(.*)',
      headers: pairs({ ...securityHeaders(inlineStyles), 'Cache-Control': revalidateCacheControl }),
    },
    ...assetCacheRules.map(({ path, cacheControl }) => ({
      source: toSource(path),
      headers: pairs({ 'Cache-Control': cacheControl }),
    })),
  ];
}

/** Kinds whose directive allows the site's own origin (`'self'`); `frame-src` does not. */
const SELF_ALLOWED: Record<MediaKind, boolean> = { images: true, media: true, frames: false };

/**
 * The host (`https://example.com`) of a URL that is not on one of the allowed lists for `kind`, else
 * undefined. With `page` (the URL of the page it is on), the URL is resolved as a browser resolves
 * it first: `//host/x` is that host, and the site's own origin is allowed only where the policy says
 * `'self'`. Without it, a relative URL counts as the site's own file.
 */
export function disallowedHost(url: string, kind: MediaKind, page?: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url, page);
  } catch {
    return undefined; // relative: served by the site itself
  }
  if (parsed.protocol === 'data:') return kind === 'images' ? undefined : parsed.protocol;
  if (page && parsed.origin === new URL(page).origin && SELF_ALLOWED[kind]) return undefined;
  const allowed: readonly string[] = allowedRemoteHosts[kind];
  // http is upgraded to https by the policy (upgrade-insecure-requests).
  if (allowed.includes('https:') && /^https?:$/.test(parsed.protocol)) return undefined;
  return allowed.includes(parsed.origin) ? undefined : parsed.origin;
}

/** The CSP source for an inline script or style whose text is `source` exactly. */
export function cspHash(source: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(source).digest('base64')}`;
}
