// The wallpaper masters every download size is cut from, and where to cut. The safe areas
// are data (`safeAreas` in src/content/media.yaml); the milestone kit writes them there for the
// masters it draws, and refuses to draw one whose text strays outside them.
import type { Box } from '../media/media-data';
import { masterKindsFor, type WallpaperMasterKind, type WallpaperSize } from './sizes';

export type { Box };

export interface WallpaperMaster {
  /** Under src/assets/media/. */
  file: string;
  /** Which sizes it serves (sizes.ts `masterKindsFor`). */
  orientation: WallpaperMasterKind;
  width: number;
  height: number;
  /**
   * Holds all text and the emblem; outside it there is only background (sky, glow, stars),
   * which any crop may cut. Landscape: inside the centred 16:10 and 21:9 crops, clear of a
   * menu bar, dock or taskbar. Portrait: below the lock-screen clock, date and widgets (the
   * top ~30 %), above the lock-screen buttons and home indicator, and inside a 20:9 crop.
   * Square: inside every tablet cut (3:4 to 16:10, either way round), below the clock.
   * Unknown (a wallpaper the data file says nothing of): each size is an attention crop.
   */
  safeArea?: Box;
}

export function masterFor(
  orientation: WallpaperMasterKind,
  masters: readonly WallpaperMaster[],
): WallpaperMaster {
  const master = masters.find((m) => m.orientation === orientation);
  if (!master) throw new Error(`no ${orientation} wallpaper master`);
  return master;
}

/**
 * Where to cut `target` from `master`: the largest box of the target's aspect ratio that fits
 * the master, centred on the safe area's centre (the master's centre without one) and kept
 * inside the master. Resize the box to the target afterwards. Whole pixels; the box's shape
 * differs from the target's by under a pixel's worth of rounding.
 */
export function cropBox(
  master: { width: number; height: number },
  target: { width: number; height: number },
  safeArea?: Box,
): Box {
  const ratio = target.width / target.height;
  let width = master.width;
  let height = master.height;
  if (master.width / master.height > ratio)
    width = Math.min(master.width, Math.round(master.height * ratio));
  else height = Math.min(master.height, Math.round(master.width / ratio));
  const centreX = safeArea ? safeArea.left + safeArea.width / 2 : master.width / 2;
  const centreY = safeArea ? safeArea.top + safeArea.height / 2 : master.height / 2;
  const clamp = (value: number, max: number) => Math.min(Math.max(Math.round(value), 0), max);
  return {
    left: clamp(centreX - width / 2, master.width - width),
    top: clamp(centreY - height / 2, master.height - height),
    width,
    height,
  };
}

export function containsBox(outer: Box, inner: Box): boolean {
  return (
    inner.left >= outer.left &&
    inner.top >= outer.top &&
    inner.left + inner.width <= outer.left + outer.width &&
    inner.top + inner.height <= outer.top + outer.height
  );
}

/**
 * The master a size is cut from and the box to cut, with whether it keeps all of the master's
 * text; undefined when no master serves the size. A size's own master is always used (a small
 * replacement file is upscaled rather than dropped); a fallback (a tablet size cut from the
 * landscape or portrait master where there is no square one) only when it needs no upscaling.
 * No box without a safe area: the encoder then crops to what draws the eye (`attention`).
 */
export function wallpaperCrop(
  size: Pick<WallpaperSize, 'width' | 'height' | 'orientation' | 'device'>,
  masters: readonly WallpaperMaster[],
): { master: WallpaperMaster; box?: Box; keepsSafeArea: boolean } | undefined {
  const [own, ...fallbacks] = masterKindsFor(size);
  const crop = (master: WallpaperMaster) => {
    if (!master.safeArea) return { master, keepsSafeArea: true };
    const box = cropBox(master, size, master.safeArea);
    return { master, box, keepsSafeArea: containsBox(box, master.safeArea) };
  };
  const first = masters.find((m) => m.orientation === own);
  if (first) return crop(first);
  for (const kind of fallbacks) {
    const master = masters.find((m) => m.orientation === kind);
    if (!master) continue;
    const cut = crop(master);
    const box = cut.box ?? cropBox(master, size);
    if (box.width >= size.width && box.height >= size.height) return cut;
  }
  return undefined;
}
