/** Site-wide facts. Every absolute URL the site emits is built from `siteUrl`. */
export interface SiteConfig {
  /** Origin (and optional base path) the site is deployed at, ending without a slash. */
  url: string;
  name: string;
  description: string;
  locale: string;
  /** The X/Twitter account that speaks for the site, with the leading `@`. */
  twitterHandle: `@${string}`;
  /** Words per minute used for reading-time estimates. */
  wordsPerMinute: number;
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

export const site: SiteConfig = {
  url: resolveSiteUrl(),
  name: 'Milvus Milestones',
  description: 'Milestones of the Milvus open-source vector database, told by its community.',
  locale: 'en',
  twitterHandle: '@milvusio',
  wordsPerMinute: 220,
};
