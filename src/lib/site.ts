/** Site-wide facts. Every absolute URL the site emits is built from `siteUrl`. */
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
};
