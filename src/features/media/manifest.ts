import { resolve } from 'node:path';
import { normaliseWebUrl } from '../content/frontmatter';

/** Where the manifest's files live; builds run from the project root. */
export const MEDIA_DIR = resolve(process.cwd(), 'src/assets/media');

/** What a file is for, which decides how the site renders it. */
export type MediaRole = 'cover' | 'animation' | 'wallpaper';

export interface MediaEntry {
  /** The address the post's markdown uses (kept verbatim in the post). */
  remote: string;
  /** The local file, relative to `src/assets/media/` (covers in `covers/`). Any format sharp reads. */
  file: string;
  role: MediaRole;
  /** Base of the file names readers see (downloads, generated variants). */
  slug: string;
  /** A cover whose art already shows the post's title: its share card is the cover alone. */
  carriesTitle?: boolean;
}

/**
 * Remote media the site owns a local copy of. The files are stand-ins drawn by
 * `npm run artwork`; dropping in the real originals (same entry) needs no other change.
 */
export const mediaManifest: readonly MediaEntry[] = [
  { remote: 'https://assets.zilliz.com/1_c1b02d6ab8.png', file: 'covers/milvus-10k-cover.png', role: 'cover', slug: 'milvus-10k-stars-cover', carriesTitle: true },
  {
    remote: 'https://assets.zilliz.com/Milvus_0_10000_d50a914332.gif',
    file: 'milvus-road-to-10k-stars.gif',
    role: 'animation',
    slug: 'milvus-road-to-10k-stars',
  },
  {
    remote: 'https://assets.zilliz.com/Milvus_10000_star_timeline_3sec_de1a7c906a.gif',
    file: 'milvus-10k-stars-timeline.gif',
    role: 'animation',
    slug: 'milvus-10k-stars-timeline',
  },
  {
    remote: 'https://assets.zilliz.com/10_K_stars_2b2e0e0b36.png',
    file: 'milvus-10k-wallpaper.png',
    role: 'wallpaper',
    slug: 'milvus-10k-stars-wallpaper',
  },
];

function key(url: string): string | undefined {
  const result = normaliseWebUrl(url);
  if (!('url' in result)) return undefined;
  const parsed = new URL(result.url);
  // http/https and a bare host (as in front matter) name the same file.
  return `${parsed.host}${parsed.pathname}`;
}

/** The manifest entry for a remote address, however the post spells it (`https://`, `//`, bare host). */
export function findMedia(url: string | undefined, manifest: readonly MediaEntry[] = mediaManifest): MediaEntry | undefined {
  if (!url || !/^(https?:)?\/\/|^[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(url.trim())) return undefined;
  const wanted = key(url);
  return wanted ? manifest.find((entry) => key(entry.remote) === wanted) : undefined;
}
