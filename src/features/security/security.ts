import { createHash } from 'node:crypto';

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
  frames: ['https://www.youtube.com', 'https://www.youtube-nocookie.com', 'https://player.bilibili.com'],
} as const satisfies Record<string, readonly (`https://${string}` | 'https:')[]>;

export type MediaKind = keyof typeof allowedRemoteHosts;

type DirectiveName =
  | 'default-src' | 'img-src' | 'media-src' | 'frame-src' | 'font-src' | 'connect-src'
  | 'object-src' | 'base-uri' | 'form-action' | 'frame-ancestors' | 'upgrade-insecure-requests';
/** A directive, typed so that Astro's `security.csp.directives` accepts it. */
export type Directive = `${DirectiveName}${string}`;

/**
 * Directives besides `script-src` / `style-src` (Astro writes those, with hashes of the scripts and
 * styles it emits). `frame-ancestors` is header-only: browsers ignore it in a `<meta>` policy.
 */
export function cspDirectives({ forHeader }: { forHeader: boolean }): Directive[] {
  const directives: Directive[] = [
    "default-src 'self'",
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
  return forHeader ? [...directives, "frame-ancestors 'none'"] : directives;
}

/**
 * The policy a host sends as a header for one page: the page's own `<meta>` policy (with Astro's
 * hashes of that page's scripts and styles) plus what only a header can say.
 */
export function pageHeaderPolicy(metaPolicy: string): string {
  return `${metaPolicy.trim().replace(/;\s*$/, '')}; frame-ancestors 'none'`;
}

/**
 * For hosts whose headers are one static file for every page (Vercel): everything that does not
 * depend on a page's script and style hashes. `default-src` is left out so that the page's
 * `<meta>` policy alone governs scripts and styles (two policies are both enforced).
 */
export function staticHeaderPolicy(): string {
  return [...cspDirectives({ forHeader: true }).filter((d) => !d.startsWith('default-src')), "script-src-attr 'none'"].join('; ');
}

/** Response headers for every page and file, besides the Content-Security-Policy. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy':
    'camera=(), geolocation=(), microphone=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Astro emits content-hashed file names under `_astro/`; those never change, so cache them for a year. */
export const immutableCacheControl = 'public, max-age=31536000, immutable';
/** Pages and other files must be revalidated so a new post shows at once. */
export const revalidateCacheControl = 'public, max-age=0, must-revalidate';

/** The host (`https://example.com`) of a URL that is not on one of the allowed lists for `kind`, else undefined. */
export function disallowedHost(url: string, kind: MediaKind): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined; // relative: served by the site itself
  }
  if (parsed.protocol === 'data:') return kind === 'images' ? undefined : parsed.protocol;
  const allowed: readonly string[] = allowedRemoteHosts[kind];
  // http is upgraded to https by the policy (upgrade-insecure-requests).
  if (allowed.includes('https:') && /^https?:$/.test(parsed.protocol)) return undefined;
  return allowed.includes(parsed.origin) ? undefined : parsed.origin;
}

/** The CSP source for an inline script or style whose text is `source` exactly. */
export function cspHash(source: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(source).digest('base64')}`;
}
