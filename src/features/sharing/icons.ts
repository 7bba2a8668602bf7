/**
 * PNG renditions of the site's mark (`public/favicon.svg`), for clients that take no SVG: the
 * square publisher logo of the JSON-LD and the feed, the apple-touch-icon (which Mastodon and
 * iOS read), and a small PNG favicon. Drawn at build by `render-icon.ts`.
 */
export const SITE_ICONS = {
  logo: { size: 512 },
  'apple-touch-icon': { size: 180 },
  'favicon-32': { size: 32 },
} as const;

export type SiteIcon = keyof typeof SITE_ICONS;
