import type { RehypePlugins } from '@astrojs/markdown-remark';
import { rehypeAnimations } from '../animations/rehype-animations';
import { rehypeFigures } from '../figures/rehype-figures';
import { rehypeWallpaper } from '../wallpaper/rehype-wallpaper';
import { rehypeLocalPictures } from '../media/rehype-local-pictures';
import { mediaFingerprint } from '../media/variants';

/**
 * The media steps of the markdown pipeline, in order: local copies of still pictures (sized, so
 * figures know which are wide), figures and captions, then the animations and wallpaper cards. The fingerprint (a digest of the media files, see
 * `mediaFingerprint`) is an option so that replacing a file clears Astro's cache of rendered posts.
 */
export function mediaRehypePlugins(fingerprint: string = mediaFingerprint()): RehypePlugins {
  return [
    [rehypeLocalPictures, { fingerprint }],
    rehypeFigures,
    [rehypeAnimations, { fingerprint }],
    [rehypeWallpaper, { fingerprint }],
  ];
}
