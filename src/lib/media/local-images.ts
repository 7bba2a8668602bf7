import type { ImageMetadata } from 'astro';
import { findMedia } from './manifest';

const images = import.meta.glob<{ default: ImageMetadata }>('../../assets/media/*.{png,jpg,jpeg,webp,avif,gif}', { eager: true });

/** The local image for a remote address the manifest knows, for `astro:assets`; undefined otherwise. */
export function localImageFor(url: string | undefined): ImageMetadata | undefined {
  const entry = findMedia(url);
  if (!entry) return undefined;
  const image = images[`../../assets/media/${entry.file}`];
  if (!image) throw new Error(`src/lib/media/manifest.ts: "${entry.file}" (for ${entry.remote}) is not an image in src/assets/media/`);
  return image.default;
}
