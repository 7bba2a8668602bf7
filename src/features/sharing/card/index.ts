import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectionEntry } from 'astro:content';
import { formatPostDate } from '../../content/dates';
import { findMedia, mediaManifest, type MediaEntry } from '../../media/manifest';
import { MEDIA_DIR } from '../../media/variants';
import type { ShareImageMeta } from '../meta';
import type { SiteConfig } from '../../../config/site';
import {
  renderShareCard,
  SHARE_CARD_HEIGHT,
  SHARE_CARD_WIDTH,
  shareCardExtension,
  shareCardType,
  type ShareCard,
  type ShareCardInput,
} from './card';

type Post = Pick<CollectionEntry<'blog'>, 'id' | 'data'>;

/**
 * The local file of a post's cover, from the media manifest, or undefined when the site has none:
 * remote covers are never fetched at build, so such posts get the title-only card.
 */
export function localCoverFor(post: Post, manifest: readonly MediaEntry[] = mediaManifest): string | undefined {
  const entry = findMedia(post.data.cover, manifest);
  return entry?.role === 'cover' ? join(MEDIA_DIR, entry.file) : undefined;
}

/** Site-relative path (without base) of the site-wide card used by every page that is not a post. */
export const DEFAULT_CARD_PATH = 'og/default.png';

/** `og/posts/<id>.png` (or `.jpg` over a cover); the id is kept as written, like the post's page. */
export function postCardPath(post: Post): string {
  return `og/posts/${post.id}.${shareCardExtension(shareCardType(Boolean(localCoverFor(post))))}`;
}

/** Encodes each path segment, so ids with spaces or non-ASCII letters give valid absolute URLs. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function postCardImage(post: Post, absolute: (pathWithBase: string) => string, base: string): ShareImageMeta {
  return {
    url: absolute(`${base.replace(/\/?$/, '/')}${encodePath(postCardPath(post))}`),
    width: SHARE_CARD_WIDTH,
    height: SHARE_CARD_HEIGHT,
    type: shareCardType(Boolean(localCoverFor(post))),
    alt: `${post.data.title}: ${post.data.desc ?? 'a milestone post'}`,
  };
}

export function defaultCardImage(site: SiteConfig, absolute: (pathWithBase: string) => string, base: string): ShareImageMeta {
  return {
    url: absolute(`${base.replace(/\/?$/, '/')}${DEFAULT_CARD_PATH}`),
    width: SHARE_CARD_WIDTH,
    height: SHARE_CARD_HEIGHT,
    type: 'image/png',
    alt: site.defaultShareImageAlt,
  };
}

function host(site: SiteConfig): string {
  return new URL(site.url).host;
}

export function postCardInput(post: Post, site: SiteConfig): ShareCardInput {
  const coverFile = localCoverFor(post);
  return {
    title: post.data.title,
    eyebrow: site.name,
    footer: `${post.data.author ?? site.defaultAuthor} · ${formatPostDate(post.data.date, site.locale)}`,
    corner: host(site),
    cover: coverFile ? readFileSync(coverFile) : undefined,
  };
}

export function defaultCardInput(site: SiteConfig): ShareCardInput {
  return { title: site.description, eyebrow: site.name, footer: site.publisher, corner: host(site) };
}

export async function renderPostCard(post: Post, site: SiteConfig): Promise<ShareCard> {
  const card = await renderShareCard(postCardInput(post, site));
  if (card.missing.length) {
    // The card still builds; the reader of the log learns which characters no bundled font has.
    console.warn(`[share-image] ${post.id}: no bundled font draws ${card.missing.map((c) => JSON.stringify(c)).join(' ')}; left out of the card`);
  }
  return card;
}
