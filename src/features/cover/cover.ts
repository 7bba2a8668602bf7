import { join } from 'node:path';
import type { ImageMetadata } from 'astro';
import { findMedia, MEDIA_DIR } from '../media/manifest';

// Only covers go through astro:assets; globbing the whole media folder would copy every GIF and
// the wallpaper master into the build unused.
const coverImages = import.meta.glob<ImageMetadata>(
  '../../assets/media/covers/*.{png,jpg,jpeg,webp,avif}',
  { import: 'default' },
);

/** The cover's widths (the column is at most 42rem, 672 px, wide; 2x for dense screens). */
export const COVER_WIDTHS = [480, 672, 960, 1344];
/** The column is 42rem wide from 45rem up, else the screen less its padding. */
export const COVER_SIZES = '(min-width: 45rem) 42rem, calc(100vw - 2.5rem)';
/** The format every current browser takes first (`<Picture>` lists it first; the preload fetches it). */
export const COVER_FORMAT = 'avif';

export interface Cover {
  /** The address the frontmatter gives (remote). */
  src: string;
  alt: string;
  /** The site's own copy, when the media manifest has one: served through astro:assets, drawn on the share card. */
  local?: { image: ImageMetadata; file: string; carriesTitle: boolean };
}

/** A post's cover, resolved once: the local copy when the manifest has one, else the remote address. */
export async function resolveCover(
  src: string | undefined,
  alt: string,
): Promise<Cover | undefined> {
  if (!src) return undefined;
  const entry = findMedia(src);
  if (entry?.role !== 'cover') return { src, alt };
  const load = coverImages[`../../assets/media/${entry.file}`];
  if (!load) {
    throw new Error(
      `src/features/media/manifest.ts: "${entry.file}" (for ${entry.remote}) must be a PNG, JPEG, WebP or AVIF file in src/assets/media/covers/ (covers are converted to AVIF/WebP, which would keep only a GIF's first frame)`,
    );
  }
  return {
    src,
    alt,
    local: {
      image: await load(),
      file: join(MEDIA_DIR, entry.file),
      carriesTitle: entry.carriesTitle ?? false,
    },
  };
}
