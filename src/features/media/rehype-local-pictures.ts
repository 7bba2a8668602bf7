import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { mediaPath } from '../../lib/paths';
import { astroImageSrc } from './astro-image';
import { findMedia, type MediaEntry } from './media-files';
import { srcsetUrls } from './references';
import { roleOf } from './used-media';
import { originalVariant, sourceInfo } from './variants';

/** Widths made of a picture in a post (the column is at most 40rem, 640 px; 2x for dense screens). */
export const PICTURE_WIDTHS = [480, 640, 960, 1280];
/** The column is 40rem wide from 45rem up, else the screen less its padding. */
export const PICTURE_SIZES = '(min-width: 45rem) 40rem, calc(100vw - 2.5rem)';
/** Pictures are WebP: AVIF costs about twenty times the encoding, spent on covers only. */
export const PICTURE_FORMAT = 'webp';
/** The column's width in CSS px: a wider picture gets a full-size view (rehype-figures). */
const COLUMN = 640;

/** A still picture's size as shown: the author's `width`/`height` if any, else its own, at most the widest width made. */
export function displaySize(
  natural: { width: number; height: number },
  given: { width?: unknown; height?: unknown },
): { width: number; height: number } {
  const ratio = natural.height / natural.width;
  const w = Number(given.width);
  const h = Number(given.height);
  if (w > 0 && h > 0) return { width: Math.round(w), height: Math.round(h) };
  if (w > 0) return { width: Math.round(w), height: Math.round(w * ratio) };
  if (h > 0) return { width: Math.round(h / ratio), height: Math.round(h) };
  const width = Math.min(natural.width, PICTURE_WIDTHS.at(-1)!);
  return { width, height: Math.round(width * ratio) };
}

async function localPicture(img: Element, entry: MediaEntry, file: VFile): Promise<boolean> {
  const info = await sourceInfo(entry.file, entry);
  const src = astroImageSrc(file, entry.file);
  if (!src) return false;
  const size = displaySize(info, img.properties);
  const widths = PICTURE_WIDTHS.filter((w) => w <= info.width);
  const p = img.properties;
  delete p.srcSet;
  Object.assign(p, {
    src,
    alt: entry.settings.alt ?? p.alt ?? '',
    width: size.width,
    height: size.height,
    widths: widths.length ? widths : [info.width],
    sizes: PICTURE_SIZES,
    format: PICTURE_FORMAT,
    loading: 'lazy',
    decoding: 'async',
  });
  // The original, for the full-size view of a picture wider than the column.
  if (info.width > COLUMN)
    img.properties.dataOriginal = mediaPath((await originalVariant(entry)).name);
  return true;
}

/**
 * Remote pictures the site has a local copy of (not animations: rehype-animations takes those)
 * become astro:assets images: sized, WebP at the column's widths with `srcset`/`sizes`, lazy.
 * A `<source srcset>` of a picture gets the local original. What has no local copy stays remote
 * (the build counts those: media-integration.ts).
 */
export function rehypeLocalPictures(_options: { fingerprint?: string } = {}) {
  return async (tree: Root, file: VFile) => {
    const images: Element[] = [];
    const sources: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'img' && typeof node.properties.src === 'string') images.push(node);
      if (node.tagName === 'source' && typeof node.properties.srcSet === 'string')
        sources.push(node);
    });
    await Promise.all([
      ...images.map(async (img) => {
        const src = String(img.properties.src);
        const entry = findMedia(src);
        if (!entry || (await roleOf(entry, { kind: 'image' })) === 'animation') return;
        await localPicture(img, entry, file);
      }),
      ...sources.map(async (source) => {
        const urls = srcsetUrls(String(source.properties.srcSet));
        const entries = urls.map((url) => findMedia(url));
        if (!entries.every(Boolean)) return;
        const originals = await Promise.all(entries.map((e) => originalVariant(e!)));
        source.properties.srcSet = String(source.properties.srcSet).replace(
          /(^|,\s*)(\S+)/g,
          (match, lead: string, url: string) => {
            const at = urls.indexOf(url);
            return at < 0 ? match : `${lead}${mediaPath(originals[at]!.name)}`;
          },
        );
      }),
    ]);
  };
}
