import type { ScreenSize, WallpaperDevice } from './sizes';

/** A phone's short side is under this many CSS px; a tablet's is not. */
const PHONE_SHORT_SIDE = 600;

/**
 * The kind of screen, from its CSS size and whether its main pointer is a finger: a touch
 * screen with a short side under 600 CSS px is a phone, a larger touch screen a tablet, and a
 * screen driven by a mouse or trackpad a desktop or laptop (a narrow window does not matter:
 * this is the screen's size).
 */
export function deviceOf(
  screen: { width: number; height: number },
  coarsePointer: boolean,
): WallpaperDevice {
  if (!coarsePointer) return 'desktop';
  return Math.min(screen.width, screen.height) < PHONE_SHORT_SIDE ? 'phone' : 'tablet';
}

/**
 * The screen a wallpaper is for, as the reader holds it. A phone turned sideways still wants a
 * portrait wallpaper (its lock and home screens are portrait), but some browsers report its
 * screen in the current orientation: a phone counts as portrait. Tablets and desktops keep the
 * orientation they report.
 */
export function readerScreen(
  screen: { width: number; height: number },
  devicePixelRatio: number,
  coarsePointer: boolean,
): ScreenSize {
  const { width, height } = screen;
  const device = deviceOf(screen, coarsePointer);
  return device === 'phone' && width > height
    ? { width: height, height: width, devicePixelRatio, device }
    : { width, height, devicePixelRatio, device };
}
