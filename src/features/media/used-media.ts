import {
  inferRole,
  mediaIndex,
  saysWallpaper,
  type MediaEntry,
  type MediaIndex,
} from './media-files';
import type { MediaRole } from './media-data';
import { findReferences, type MediaReference } from './references';
import { sourceInfo } from './variants';

/** Frames of an entry's file: from the lock, else read from the file. */
export async function framesOf(entry: MediaEntry): Promise<number> {
  return entry.frames ?? (await sourceInfo(entry.file, entry)).frames;
}

/** The role of a local file where a reference uses it; the one decision both the markdown and the `/media/` route make. */
export async function roleOf(entry: MediaEntry, ref: Pick<MediaReference, 'kind' | 'text'>) {
  if (ref.kind === 'cover') return inferRole(entry, { cover: true });
  if (ref.kind === 'link') {
    const role = inferRole(entry, { wallpaperLink: saysWallpaper(ref.text ?? '') });
    // A link leads to a file; only a wallpaper makes something of it.
    return role === 'wallpaper' ? role : undefined;
  }
  if (entry.role) return entry.role;
  return inferRole(entry, { frames: await framesOf(entry) });
}

/**
 * The local files the posts use, each with the role it has there: what `/media/` serves.
 * Read from the posts' sources (as `media:pull` reads them), so it holds on a build that renders
 * no markdown (Astro's cache of rendered posts).
 */
export async function usedMedia(
  posts: { body?: string; cover?: string }[],
  index: MediaIndex = mediaIndex(),
): Promise<Map<MediaEntry, Set<MediaRole>>> {
  const used = new Map<MediaEntry, Set<MediaRole>>();
  await Promise.all(
    posts.flatMap((post) =>
      findReferences(post.body ?? '', post.cover).map(async (ref) => {
        const entry = index.find(ref.url);
        const role = entry && (await roleOf(entry, ref));
        if (!entry || !role) return;
        if (!used.has(entry)) used.set(entry, new Set());
        used.get(entry)!.add(role);
      }),
    ),
  );
  return used;
}
