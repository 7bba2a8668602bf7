import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import sharp from 'sharp';
import { site } from '../../config/site';
import { absoluteUrl, feedFilePath } from '../../lib/paths';
import { getPosts, type PostSummary } from '../content/posts';
import type { Cover } from '../cover/cover';
import { digest } from '../../lib/digest';
import { renderVariant, type Variant } from '../media/variants';
import { postCardInput } from '../sharing/card/card-input';
import { renderCard } from '../sharing/card/render-card';
import type { FeedImage } from './feed';

/**
 * Each feed item's picture. A local cover becomes a JPEG on this site (every reader decodes JPEG;
 * not every reader decodes the AVIF/WebP the pages use), written by src/pages/feed/ with bytes
 * known while the feed is built, so the item states its size. A post without a cover has its
 * share card. A cover the site has no copy of stays the remote address: no size, no enclosure.
 */

/** Readers show an item's picture at most about a column wide. */
const FEED_COVER_MAX_WIDTH = 1200;
const FEED_COVER_QUALITY = 82;
/** Bump when the recipe changes, so renditions get new names. */
const FEED_COVER_RECIPE = 1;

/** The posts the feed carries, newest first. */
export async function feedPosts(): Promise<PostSummary[]> {
  return (await getPosts()).slice(0, site.feedItems);
}

/** The JPEG rendition of a local cover, content-addressed (`<file>-<digest>.jpg`). */
export async function feedCoverVariant(local: NonNullable<Cover['local']>): Promise<Variant> {
  const source = await readFile(local.file);
  const stem = basename(local.file, extname(local.file));
  // The size from the file, not from `local.image`: reading astro:assets' metadata would make the
  // build copy the original into _astro/, unused.
  const meta = await sharp(source).metadata();
  const original = { width: meta.autoOrient.width, height: meta.autoOrient.height };
  const width = Math.min(FEED_COVER_MAX_WIDTH, original.width);
  return {
    name: `${stem}-${digest(createHash('sha256').update(source).digest('hex'), FEED_COVER_RECIPE, FEED_COVER_MAX_WIDTH, FEED_COVER_QUALITY)}.jpg`,
    contentType: 'image/jpeg',
    width,
    height: Math.round((original.height * width) / original.width),
    encode: () =>
      sharp(source)
        .rotate()
        .resize({ width, withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: FEED_COVER_QUALITY, mozjpeg: true, progressive: true })
        .toBuffer(),
  };
}

/** Type, byte size and pixel size read from the bytes themselves. */
async function describe(url: string, data: Buffer, type: string): Promise<FeedImage> {
  const meta = await sharp(data).metadata();
  return { url, type, bytes: data.byteLength, width: meta.width, height: meta.height, local: true };
}

/** What an item shows as its picture (see above). */
export async function feedPicture(post: PostSummary): Promise<FeedImage> {
  const local = post.cover?.local;
  if (local) {
    const variant = await feedCoverVariant(local);
    return describe(
      absoluteUrl(feedFilePath(variant.name)),
      await renderVariant(variant),
      variant.contentType,
    );
  }
  if (post.cover) return { url: post.cover.src, local: false };
  const card = await renderCard(await postCardInput(post));
  return describe(post.share.image.url, card.data, card.type);
}
