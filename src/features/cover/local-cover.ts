import type { ImageMetadata } from 'astro';
import { findMedia } from '../media/manifest';

// Only covers go through astro:assets; globbing the whole folder would copy every GIF and the
// wallpaper master into the build unused.
const images = import.meta.glob<ImageMetadata>('../../assets/media/covers/*.{png,jpg,jpeg,webp,avif}', { import: 'default' });

/** The local image for a remote address the manifest knows, for `astro:assets`; undefined otherwise. */
export async function localImageFor(url: string | undefined): Promise<ImageMetadata | undefined> {
  const entry = findMedia(url);
  if (!entry) return undefined;
  const load = images[`../../assets/media/${entry.file}`];
  if (!load) throw new Error(`src/features/media/manifest.ts: "${entry.file}" (for ${entry.remote}) must be a PNG, JPEG, WebP or AVIF file in src/assets/media/covers/ (covers are converted to AVIF/WebP, which would keep only a GIF's first frame)`);
  return load();
}
