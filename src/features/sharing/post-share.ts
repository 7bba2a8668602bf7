import type { CollectionEntry } from 'astro:content';
import { htmlExcerpt } from '../content/excerpt';
import { postPath } from '../../lib/paths';
import { absoluteUrl, canonicalFor, type ArticleMeta, type ShareImageMeta } from './meta';
import { postCardImage } from './card';
import { site, type SiteConfig } from '../../config/site';

type Post = Pick<CollectionEntry<'blog'>, 'id' | 'data'> & { rendered?: { html: string } };

export interface PostShareMeta {
  /** The post's own absolute URL on this site. */
  ownUrl: string;
  /** rel=canonical: the post's `canonicalUrl` when it has one, else its own URL. */
  canonicalUrl: string;
  /** og:url and the URL every share link carries (`site.shareTarget` picks canonical or own). */
  shareUrl: string;
  image: ShareImageMeta;
  article: ArticleMeta;
  /** The post's `desc`, else its opening text (Markdown posts), else undefined (the site's is used). */
  description?: string;
}

/** Everything the head and the share buttons need to know about a post, as absolute URLs. */
export function postShareMeta(
  post: Post,
  siteUrl: URL | string = site.url,
  base: string = site.base,
  shareTarget: SiteConfig['shareTarget'] = site.shareTarget,
): PostShareMeta {
  const ownUrl = absoluteUrl(postPath(post.id, base), siteUrl);
  const canonicalUrl = canonicalFor(ownUrl, post.data.canonicalUrl);
  return {
    ownUrl,
    canonicalUrl,
    shareUrl: shareTarget === 'canonical' ? canonicalUrl : ownUrl,
    image: postCardImage(post, (path) => absoluteUrl(path, siteUrl), base),
    description: post.data.desc ?? (post.rendered?.html ? htmlExcerpt(post.rendered.html) : undefined),
    article: { published: post.data.date, author: post.data.author ?? site.defaultAuthor, tags: post.data.tags },
  };
}
