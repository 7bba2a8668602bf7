import { join } from 'node:path';
import type { ImageMetadata } from 'astro';
import { findMedia, MEDIA_DIR } from '../media/manifest';

// Only covers go through astro:assets; globbing the whole media folder would copy every GIF and
// the wallpaper master into the build unused.
const coverImages = import.meta.glob<ImageMetadata>('../../assets/media/covers/*.{png,jpg,jpeg,webp,avif}', { import: 'default' });

export interface Cover {
  /** The address the frontmatter gives (remote). */
  src: string;
  alt: string;
  /** The site's own copy, when the media manifest has one: served through astro:assets, drawn on the share card. */
  local?: { image: ImageMetadata; file: string; carriesTitle: boolean };
}

/** A post's cover, resolved once: the local copy when the manifest has one, else the remote address. */
export async function resolveCover(src: string | undefined, alt: string): Promise<Cover | undefined> {
  if (!src) return undefined;
  const entry = findMedia(src);
  if (entry?.role !== 'cover') return { src, alt };
  const load = coverImages[`../../assets/media/${entry.file}`];
  if (!load) {
    throw new Error(
      `src/features/media/manifest.ts: "${entry.file}" (for ${entry.remote}) must be a PNG, JPEG, WebP or AVIF file in src/assets/media/covers/ (covers are converted to AVIF/WebP, which would keep only a GIF's first frame)`,
    );
  }
  return { src, alt, local: { image: await load(), file: join(MEDIA_DIR, entry.file), carriesTitle: entry.carriesTitle ?? false } };
}
