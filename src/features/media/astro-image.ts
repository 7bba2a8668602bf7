import { dirname, relative } from 'node:path';
import type { VFile } from 'vfile';
import { MEDIA_DIR } from './media-files';

/**
 * Hands a media file to astro:assets from the markdown: the `<img>` gets a path relative to the
 * post (as a markdown image would have) and the path joins the post's local images, so Astro's
 * own markdown image step passes the `<img>`'s properties (`widths`, `sizes`, `format`, …) to
 * `getImage()` when the page renders. Undefined for a file with no path (a test's bare VFile).
 */
export function astroImageSrc(file: VFile, mediaFile: string): string | undefined {
  if (!file.path) return undefined;
  let src = relative(dirname(file.path), `${MEDIA_DIR}/${mediaFile}`).split('\\').join('/');
  if (!src.startsWith('.')) src = `./${src}`;
  const astro = ((file.data as { astro?: { localImagePaths?: string[] } }).astro ??= {});
  astro.localImagePaths ??= [];
  if (!astro.localImagePaths.includes(src)) astro.localImagePaths.push(src);
  return src;
}
