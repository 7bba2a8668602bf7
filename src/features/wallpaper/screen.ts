import type { ScreenSize } from './sizes';

/** A phone's short side is under this many CSS px; a tablet's is not. */
const PHONE_SHORT_SIDE = 600;

/**
 * The screen a wallpaper is for, as the reader holds it. A phone turned sideways still wants a
 * portrait wallpaper (its lock and home screens are portrait), but some browsers report its
 * screen in the current orientation: a handheld screen (coarse pointer) with a short side under
 * 600 CSS px counts as portrait. Tablets and desktops keep the orientation they report.
 */
export function readerScreen(
  screen: { width: number; height: number },
  devicePixelRatio: number,
  coarsePointer: boolean,
): ScreenSize {
  const { width, height } = screen;
  const phone = coarsePointer && Math.min(width, height) < PHONE_SHORT_SIDE;
  return phone && width > height
    ? { width: height, height: width, devicePixelRatio }
    : { width, height, devicePixelRatio };
}
