import { site } from '../../config/site';
import { absoluteUrl, defaultCardPath, iconPath, postCardPath } from '../../lib/paths';
import { SHARE_CARD } from './card/card-size';
import { SITE_ICONS } from './icons';
import type { ArticleMeta, ShareImageMeta } from './seo-tags';

export interface PostShare {
  /** rel=canonical: where the post was first published (`canonicalUrl`), else this page. */
  canonical: string;
  image: ShareImageMeta;
  article: ArticleMeta;
}

export interface SharedPost {
  id: string;
  title: string;
  desc?: string;
  author: string;
  date: Date;
  updated?: Date;
  tags: string[];
  canonicalUrl?: string;
  /** This page's own absolute URL. */
  url: string;
}

/** What the head, the share buttons and the feed say about a post. */
export function postShare(post: SharedPost): PostShare {
  return {
    canonical: post.canonicalUrl ?? post.url,
    image: {
      ...SHARE_CARD,
      url: absoluteUrl(postCardPath(post.id)),
      alt: `${post.title}: ${post.desc ?? 'a milestone post'}`,
    },
    article: { published: post.date, modified: post.updated, author: post.author, tags: post.tags },
  };
}

/** The publisher's square logo (JSON-LD, feed image): clients want a square, not the 1.91:1 card. */
export const siteLogo: ShareImageMeta = {
  url: absoluteUrl(iconPath('logo')),
  width: SITE_ICONS.logo.size,
  height: SITE_ICONS.logo.size,
  type: 'image/png',
  alt: site.name,
};

/** The site-wide card. */
export const defaultShareImage: ShareImageMeta = {
  ...SHARE_CARD,
  url: absoluteUrl(defaultCardPath),
  alt: site.defaultShareImageAlt,
};
