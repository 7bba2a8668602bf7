import type { RehypePlugins } from '@astrojs/markdown-remark';
import { rehypeAnimations } from '../animations/rehype-animations';
import { rehypeFigures } from '../figures/rehype-figures';
import { rehypeWallpaper } from '../wallpaper/rehype-wallpaper';
import { digest } from '../../lib/digest';
import { mediaFingerprint } from '../media/variants';
import { WALLPAPER_MASTERS } from '../wallpaper/masters';

/**
 * The media steps of the markdown pipeline, in order: figures and captions, then the animations
 * and the wallpaper card the manifest knows. The fingerprint (a digest of the media files, see
 * `mediaFingerprint`) is an option so that replacing a file clears Astro's cache of rendered posts.
 */
export function mediaRehypePlugins(
  fingerprint: string = digest(mediaFingerprint(), JSON.stringify(WALLPAPER_MASTERS)),
): RehypePlugins {
  return [rehypeFigures, [rehypeAnimations, { fingerprint }], [rehypeWallpaper, { fingerprint }]];
}
