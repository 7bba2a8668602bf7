import { formatPostDate } from '../../lib/dates';
import { truncate } from '../../lib/text';

/**
 * What a page tells crawlers and link unfurlers (X, Facebook, LinkedIn, Slack, Discord,
 * Mastodon, iMessage). Pure data; `SeoHead.astro` writes it as tags.
 */

/** Length limits the platforms publish (X: title 70, description 200, alt 420) or truncate at. */
export const LIMITS = {
  ogTitle: 95,
  twitterTitle: 70,
  description: 200,
  imageAlt: 420,
  /** Google's recommended maximum for a BlogPosting headline. */
  headline: 110,
} as const;

export interface ShareImageMeta {
  /** Absolute https URL. */
  url: string;
  width: number;
  height: number;
  type: 'image/png' | 'image/jpeg';
  alt: string;
}

export interface ArticleMeta {
  published: Date;
  modified?: Date;
  author: string;
  tags: string[];
}

export interface PageSeo {
  title: string;
  description: string;
  /** Absolute URL for rel=canonical (a syndicated post's original). */
  canonical: string;
  /** This page's own absolute URL: og:url, JSON-LD `url`, and what every share carries. */
  url: string;
  image: ShareImageMeta;
  siteName: string;
  locale: string;
  twitterSite: string;
  /** The Mastodon account that speaks for the site (`@name@host`): Mastodon credits it on the card. */
  fediverseCreator?: string;
  article?: ArticleMeta;
}

export interface SeoTags {
  canonical: string;
  /** `[property, content]` pairs for `<meta property>` (Open Graph, article:*). */
  openGraph: Array<[string, string]>;
  /** `[name, content]` pairs for `<meta name>` (X's `twitter:*`, which it reads as `name=`; `fediverse:creator`). */
  named: Array<[string, string]>;
  jsonLd?: Record<string, unknown>;
}

export function seoTags(seo: PageSeo, publisher: { name: string; logo?: ShareImageMeta }): SeoTags {
  const description = truncate(seo.description, LIMITS.description);
  const imageAlt = truncate(seo.image.alt, LIMITS.imageAlt);
  const openGraph: Array<[string, string]> = [
    ['og:type', seo.article ? 'article' : 'website'],
    ['og:site_name', seo.siteName],
    ['og:locale', seo.locale],
    ['og:title', truncate(seo.title, LIMITS.ogTitle)],
    ['og:description', description],
    // og:url is the object platforms scrape and count: this page (Facebook refuses one on another
    // domain), the same URL the share buttons carry, so a share unfurls into this site's card.
    ['og:url', seo.url],
    ['og:image', seo.image.url],
    ['og:image:secure_url', seo.image.url],
    ['og:image:type', seo.image.type],
    ['og:image:width', String(seo.image.width)],
    ['og:image:height', String(seo.image.height)],
    ['og:image:alt', imageAlt],
  ];
  if (seo.article) {
    openGraph.push(['article:published_time', seo.article.published.toISOString()]);
    if (seo.article.modified)
      openGraph.push(['article:modified_time', seo.article.modified.toISOString()]);
    openGraph.push(['article:author', seo.article.author]);
    for (const tag of seo.article.tags) openGraph.push(['article:tag', tag]);
  }
  const named: Array<[string, string]> = [
    ['twitter:card', 'summary_large_image'],
    ['twitter:site', seo.twitterSite],
    ['twitter:title', truncate(seo.title, LIMITS.twitterTitle)],
    ['twitter:description', description],
    ['twitter:image', seo.image.url],
    ['twitter:image:alt', imageAlt],
  ];
  if (seo.article) {
    // Slack shows these two label/value pairs under the card.
    named.push(['twitter:label1', 'Written by'], ['twitter:data1', seo.article.author]);
    named.push(
      ['twitter:label2', 'Published'],
      ['twitter:data2', formatPostDate(seo.article.published)],
    );
  }
  if (seo.fediverseCreator) named.push(['fediverse:creator', seo.fediverseCreator]);
  return {
    canonical: seo.canonical,
    openGraph,
    named,
    jsonLd: seo.article ? blogPosting(seo, seo.article, publisher) : undefined,
  };
}

function imageObject(image: ShareImageMeta) {
  return { '@type': 'ImageObject', url: image.url, width: image.width, height: image.height };
}

function blogPosting(
  seo: PageSeo,
  article: ArticleMeta,
  publisher: { name: string; logo?: ShareImageMeta },
) {
  const organisation = (name: string) => ({
    '@type': 'Organization',
    name,
    ...(name === publisher.name && publisher.logo ? { logo: imageObject(publisher.logo) } : {}),
  });
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: truncate(seo.title, LIMITS.headline),
    description: truncate(seo.description, LIMITS.description),
    image: [imageObject(seo.image)],
    datePublished: article.published.toISOString(),
    ...(article.modified ? { dateModified: article.modified.toISOString() } : {}),
    author:
      article.author === publisher.name
        ? organisation(article.author)
        : { '@type': 'Person', name: article.author },
    publisher: organisation(publisher.name),
    mainEntityOfPage: { '@type': 'WebPage', '@id': seo.canonical },
    url: seo.url,
    inLanguage: seo.locale.replace('_', '-'),
    ...(article.tags.length ? { keywords: article.tags.join(', ') } : {}),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` become \u escapes so data
 * such as `</script>` or `<!--` cannot end the script element; U+2028/2029 are escaped too.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
