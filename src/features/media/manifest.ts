import { resolve } from 'node:path';
import { normaliseWebUrl } from '../../lib/web-url';

/** Where the manifest's files live; builds run from the project root. */
export const MEDIA_DIR = resolve(process.cwd(), 'src/assets/media');

interface BaseEntry {
  /** The address the post's markdown uses (kept verbatim in the post). */
  remote: string;
  /** The local file, relative to `src/assets/media/` (covers in `covers/`). Any format sharp reads. */
  file: string;
  /** Base of the file names readers see (downloads, generated variants). */
  slug: string;
  /** A cover whose art already shows the post's title: its share card is the cover alone. */
  carriesTitle?: boolean;
}

export interface CoverEntry extends BaseEntry {
  role: 'cover';
}

export interface AnimationEntry extends BaseEntry {
  role: 'animation';
  /**
   * The same animation composed for a phone's column (text still readable at 335 CSS px), served
   * instead of `file` on narrow screens. Same frames, same timing.
   */
  phone?: string;
  /**
   * The frame shown when the animation is paused, under reduced motion and in print: the one that
   * carries the message. 0-based; negative counts from the end. Default -1, the last frame.
   * Applies to `file` and `phone` alike.
   */
  stillFrame?: number;
}

export interface WallpaperEntry extends BaseEntry {
  role: 'wallpaper';
  /** `file` is the landscape master; this is the portrait one. Safe areas: src/features/wallpaper/masters.json. */
  portrait?: string;
}

export type MediaEntry = CoverEntry | AnimationEntry | WallpaperEntry;
/** What a file is for, which decides how the site renders it. */
export type MediaRole = MediaEntry['role'];

/**
 * Remote media the site owns a local copy of. The files are stand-ins drawn by
 * the milestone kit (`npm run milestone -- draw`); dropping in the real originals (same entry) needs no other change.
 */
export const mediaManifest: readonly MediaEntry[] = [
  {
    remote: 'https://assets.zilliz.com/1_c1b02d6ab8.png',
    file: 'covers/milvus-10k-cover.png',
    role: 'cover',
    slug: 'milvus-10k-stars-cover',
    carriesTitle: true,
  },
  {
    remote: 'https://assets.zilliz.com/Milvus_0_10000_d50a914332.gif',
    file: 'milvus-road-to-10k-stars.gif',
    phone: 'milvus-road-to-10k-stars-phone.gif',
    role: 'animation',
    slug: 'milvus-road-to-10k-stars',
  },
  {
    remote: 'https://assets.zilliz.com/Milvus_10000_star_timeline_3sec_de1a7c906a.gif',
    file: 'milvus-10k-stars-timeline.gif',
    phone: 'milvus-10k-stars-timeline-phone.gif',
    role: 'animation',
    slug: 'milvus-10k-stars-timeline',
  },
  {
    remote: 'https://assets.zilliz.com/10_K_stars_2b2e0e0b36.png',
    file: 'milvus-10k-wallpaper.png',
    portrait: 'milvus-10k-wallpaper-portrait.png',
    role: 'wallpaper',
    slug: 'milvus-10k-stars-wallpaper',
  },
];

/** Every local file an entry uses. */
export function filesOf(entry: MediaEntry): string[] {
  if (entry.role === 'animation') return entry.phone ? [entry.file, entry.phone] : [entry.file];
  if (entry.role === 'wallpaper')
    return entry.portrait ? [entry.file, entry.portrait] : [entry.file];
  return [entry.file];
}

function key(url: string): string | undefined {
  const result = normaliseWebUrl(url);
  if (!('url' in result)) return undefined;
  const parsed = new URL(result.url);
  // http/https and a bare host (as in front matter) name the same file.
  return `${parsed.host}${parsed.pathname}`;
}

/** The manifest entry for a remote address, however the post spells it (`https://`, `//`, bare host). */
export function findMedia(
  url: string | undefined,
  manifest: readonly MediaEntry[] = mediaManifest,
): MediaEntry | undefined {
  if (!url || !/^(https?:)?\/\/|^[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(url.trim())) return undefined;
  const wanted = key(url);
  return wanted ? manifest.find((entry) => key(entry.remote) === wanted) : undefined;
}
