/**
 * Site-wide facts, in one place. URLs and paths are built from `url` and `basePath` by
 * `src/lib/paths.ts` only.
 */
export interface SiteConfig {
  /** Origin the site is deployed at (`SITE_URL`), without a trailing slash. */
  url: string;
  /** Sub-path the site is served under (`BASE_PATH`), as written: `milestones`, `/milestones/` or empty. */
  basePath: string;
  name: string;
  description: string;
  locale: string;
  /** Open Graph locale (`og:locale`), e.g. `en_US`. */
  ogLocale: string;
  /** The X/Twitter account that speaks for the site, with the leading `@`. */
  twitterHandle: `@${string}`;
  /** The Mastodon account that speaks for the site (`@name@host`), for `fediverse:creator`; none if unset. */
  mastodonAccount?: `@${string}@${string}`;
  /** How many of the newest posts the RSS feed carries, in full. */
  feedItems: number;
  /** Words per minute used for reading-time estimates. */
  wordsPerMinute: number;
  /** Who publishes the site (JSON-LD `publisher`, feed credits). */
  publisher: string;
  /** Author credited when a post names none. */
  defaultAuthor: string;
  /** Alt text of the site-wide share card (pages that are not posts). */
  defaultShareImageAlt: string;
  /** The project's source repository: the call to action in the header and footer. */
  repository: { url: string; label: string };
  /**
   * Where the posts can be edited at their source (`CONTENT_EDIT_URL`): a post's file name, as in
   * the posts folder, is appended to it (e.g. `https://github.com/org/posts/edit/main/blog/`).
   * When set, each post links "Edit this post" there; unset, no post does.
   */
  contentEditUrl?: string;
}

const DEFAULT_SITE_URL = 'https://milestones.milvus.io';

/** Reads `SITE_URL` so a deployment can move the site without code changes. */
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

/** Reads `CONTENT_EDIT_URL`: an absolute http(s) URL, or nothing. */
export function resolveContentEditUrl(
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  const raw = env.CONTENT_EDIT_URL?.trim();
  if (!raw) return undefined;
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol))
    throw new Error(
      `CONTENT_EDIT_URL "${raw}" is not an absolute http(s) URL (expected e.g. https://github.com/org/posts/edit/main/blog/)`,
    );
  return raw.endsWith('/') ? raw : `${raw}/`;
}

export const site: SiteConfig = {
  url: resolveSiteUrl(),
  basePath: process.env.BASE_PATH ?? '',
  name: 'Milvus Milestones',
  description: 'Milestones of the Milvus open-source vector database, told by its community.',
  locale: 'en',
  ogLocale: 'en_US',
  twitterHandle: '@milvusio',
  feedItems: 20,
  wordsPerMinute: 220,
  publisher: 'The Milvus Community',
  defaultAuthor: 'The Milvus Community',
  defaultShareImageAlt: 'Milvus Milestones: milestones of the Milvus open-source vector database',
  repository: { url: 'https://github.com/milvus-io/milvus', label: 'Star Milvus on GitHub' },
  contentEditUrl: resolveContentEditUrl(),
};
