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

const paired = new Map<string, MediaEntry>();

/**
 * A post's wallpapers, each mapped to the entry its card is made from: a landscape wallpaper with
 * no portrait master takes the post's first portrait-shaped wallpaper as its portrait (one card
 * with both sets of sizes, which the portrait one's links lead to as well). Others map to themselves.
 */
export async function wallpaperCards(entries: MediaEntry[]): Promise<Map<MediaEntry, MediaEntry>> {
  const unique = [...new Set(entries)];
  const shapes = await Promise.all(unique.map((e) => sourceInfo(e.file, e)));
  const portraitAt = unique.findIndex(
    (e, n) => !e.portrait && shapes[n]!.height > shapes[n]!.width,
  );
  const landscapeAt = unique.findIndex(
    (e, n) => !e.portrait && shapes[n]!.width >= shapes[n]!.height,
  );
  const cards = new Map(unique.map((e) => [e, e]));
  if (portraitAt >= 0 && landscapeAt >= 0) {
    const [landscape, portrait] = [unique[landscapeAt]!, unique[portraitAt]!];
    const key = `${landscape.remote}\0${portrait.file}`;
    if (!paired.has(key)) paired.set(key, { ...landscape, portrait: portrait.file });
    cards.set(landscape, paired.get(key)!);
    cards.set(portrait, paired.get(key)!);
  }
  return cards;
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
  const use = (entry: MediaEntry, role: MediaRole) => {
    if (!used.has(entry)) used.set(entry, new Set());
    used.get(entry)!.add(role);
  };
  await Promise.all(
    posts.map(async (post) => {
      const wallpapers: MediaEntry[] = [];
      for (const ref of findReferences(post.body ?? '', post.cover)) {
        const entry = index.find(ref.url);
        const role = entry && (await roleOf(entry, ref));
        if (!entry || !role) continue;
        if (role === 'wallpaper') wallpapers.push(entry);
        else use(entry, role);
      }
      for (const card of new Set((await wallpaperCards(wallpapers)).values()))
        use(card, 'wallpaper');
    }),
  );
  return used;
}
