/** Site-wide facts, in one place. Every absolute URL the site emits is built from `url` and `base`. */
export interface SiteConfig {
  /** Origin the site is deployed at, without a trailing slash. */
  url: string;
  /** Path the site lives under (`BASE_PATH`), with leading and trailing slashes: `/` or `/milestones/`. */
  base: string;
  name: string;
  description: string;
  locale: string;
  /** The X/Twitter account that speaks for the site, with the leading `@`. */
  twitterHandle: `@${string}`;
  /** Words per minute used for reading-time estimates. */
  wordsPerMinute: number;
  /** Open Graph locale (`og:locale`), e.g. `en_US`. */
  ogLocale: string;
  /** Who publishes the site (JSON-LD `publisher`, feed `managingEditor`-like credits). */
  publisher: string;
  /** Author credited when a post names none. */
  defaultAuthor: string;
  /** Alt text of the site-wide share card (pages that are not posts). */
  defaultShareImageAlt: string;
  /** Site-relative path of the RSS feed. */
  feedPath: string;
  /**
   * Which URL og:url and the share buttons carry for a post that names a `canonicalUrl`:
   * `canonical` (the original, e.g. on milvus.io: shares and counts go to the original, whose own
   * card the platforms then show) or `self` (this site's page and its share card).
   */
  shareTarget: 'canonical' | 'self';
}

const DEFAULT_SITE_URL = 'https://milestones.milvus.io';

/** Reads `SITE_URL` from the environment so a deployment can move the site without code changes. */
export function resolveSiteUrl(env: Record<string, string | undefined> = process.env): string {
  const raw = env.SITE_URL?.trim() || DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL "${raw}" is not an absolute URL (expected e.g. https://example.com)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL "${raw}" must use http or https`);
  }
  return url.origin;
}

/** Normalises `BASE_PATH` (`milestones`, `/milestones`, `/milestones/`) to `/milestones/`. */
export function resolveBasePath(env: Record<string, string | undefined> = process.env): string {
  const trimmed = (env.BASE_PATH ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export const site: SiteConfig = {
  url: resolveSiteUrl(),
  base: resolveBasePath(),
  name: 'Milvus Milestones',
  description: 'Milestones of the Milvus open-source vector database, told by its community.',
  locale: 'en',
  twitterHandle: '@milvusio',
  wordsPerMinute: 220,
  ogLocale: 'en_US',
  publisher: 'The Milvus Community',
  defaultAuthor: 'The Milvus Community',
  defaultShareImageAlt: 'Milvus Milestones: milestones of the Milvus open-source vector database',
  feedPath: 'rss.xml',
  shareTarget: 'canonical',
};
