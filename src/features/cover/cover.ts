import { join } from 'node:path';
import type { ImageMetadata } from 'astro';
import { findMedia, inferRole, MEDIA_DIR, mediaKey } from '../media/media-files';

/** The cover's widths (the column is at most 42rem, 672 px, wide; 2x for dense screens). */
export const COVER_WIDTHS = [480, 672, 960, 1344];
/** The column is 42rem wide from 45rem up, else the screen less its padding. */
export const COVER_SIZES = '(min-width: 45rem) 42rem, calc(100vw - 2.5rem)';
/** The format every current browser takes first (`<Picture>` lists it first; the preload fetches it). */
export const COVER_FORMAT = 'avif';

/** Still formats astro:assets converts; an animated cover would keep only its first frame. */
const STILL = /\.(png|jpe?g|webp|avif)$/i;

export interface Cover {
  /** The address the frontmatter gives (remote). */
  src: string;
  alt: string;
  /** The site's own copy, when it has one: served through astro:assets, drawn on the share card. */
  local?: { image: ImageMetadata; file: string; carriesTitle: boolean };
}

/**
 * The local copy of a frontmatter cover, as a path astro:assets imports (from the project root),
 * when the site has one that can be a cover: a still the data file does not give another role.
 */
export function localCoverPath(cover: string | undefined): string | undefined {
  const entry = findMedia(cover);
  if (!entry || !STILL.test(entry.file) || (entry.frames ?? 1) > 1) return undefined;
  if (inferRole(entry, { cover: true }) !== 'cover') return undefined;
  return `/src/assets/media/${entry.file}`;
}

/**
 * A post's cover, resolved once: the local copy when there is one (`image`, imported by the
 * content collection's schema), else the remote address.
 */
export function resolveCover(
  src: string | undefined,
  alt: string,
  image: ImageMetadata | undefined,
): Cover | undefined {
  if (!src) return undefined;
  const entry = findMedia(src);
  if (!image || !entry) return { src, alt };
  return {
    src,
    alt: entry.settings.alt ?? alt,
    local: {
      image,
      file: join(MEDIA_DIR, entry.file),
      carriesTitle: entry.settings.carriesTitle ?? false,
    },
  };
}

/** Whether two addresses name the same file (however each is spelled). */
export function sameMedia(a: string | undefined, b: string | undefined): boolean {
  const key = mediaKey(a);
  return key !== undefined && key === mediaKey(b);
}
