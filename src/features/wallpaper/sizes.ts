// The wallpaper sizes offered for download, and which one suits a reader's screen.
// Pure and dependency-free: the picker also runs in the browser.

export type WallpaperOrientation = 'landscape' | 'portrait';

export interface WallpaperSize {
  width: number;
  height: number;
  /** Which master the size is cut from. */
  orientation: WallpaperOrientation;
  /** Short name for a button or a list ("4K UHD"). */
  label: string;
  /** The screens it suits, as a sentence fragment ("4K monitors and TVs"). */
  suits: string;
}

/** Desktop sizes first, then phones; within each, the most common first. */
export const WALLPAPER_SIZES = [
  {
    width: 3840,
    height: 2160,
    orientation: 'landscape',
    label: '4K UHD',
    suits: '4K monitors and TVs',
  },
  {
    width: 2560,
    height: 1600,
    orientation: 'landscape',
    label: '16:10 laptop',
    suits: '16:10 laptops, e.g. MacBook Air and MacBook Pro',
  },
  {
    width: 2560,
    height: 1440,
    orientation: 'landscape',
    label: 'QHD',
    suits: 'QHD (1440p) monitors',
  },
  {
    width: 1920,
    height: 1080,
    orientation: 'landscape',
    label: 'Full HD',
    suits: 'Full HD (1080p) monitors, laptops and TVs',
  },
  {
    width: 3440,
    height: 1440,
    orientation: 'landscape',
    label: 'Ultrawide',
    suits: '21:9 ultrawide monitors',
  },
  {
    width: 1179,
    height: 2556,
    orientation: 'portrait',
    label: 'iPhone',
    suits: 'e.g. iPhone 15, 15 Pro and 16',
  },
  {
    width: 1290,
    height: 2796,
    orientation: 'portrait',
    label: 'iPhone Plus / Pro Max',
    suits: 'e.g. iPhone 15 Plus, 15 Pro Max and 16 Plus',
  },
  {
    width: 1080,
    height: 2400,
    orientation: 'portrait',
    label: 'Android',
    suits: 'most Android phones (20:9, 1080 × 2400)',
  },
] as const satisfies readonly WallpaperSize[];

export interface ScreenSize {
  /** CSS pixels, as `screen.width`. */
  width: number;
  /** CSS pixels, as `screen.height`. */
  height: number;
  /** Physical pixels per CSS pixel, as `devicePixelRatio`. */
  devicePixelRatio: number;
}

export function orientationOf(size: { width: number; height: number }): WallpaperOrientation {
  return size.height > size.width ? 'portrait' : 'landscape';
}

/** What the picker needs of a size; pass richer objects (variants with file names) and get the same object back. */
export type Sized = Pick<WallpaperSize, 'width' | 'height' | 'orientation'>;

/** Aspect ratios this close (1 %, on a log scale) count as the same shape: 1179 × 2556 and 1290 × 2796 do. */
const SAME_SHAPE = 0.01;

/**
 * The size that suits a screen best. Physical pixels are the CSS size times the pixel ratio,
 * less one CSS pixel of slack (browsers round the CSS size: a 1080 × 2400 phone at 2.625
 * reports 412 × 915). Only sizes of the screen's orientation are considered (all sizes if
 * there are none). Among them the closest shape wins first, so the wallpaper shows the
 * composition cut for that shape rather than one the device crops again (a 16:10 MacBook gets
 * 2560 × 1600, not a bigger 16:9 picture). Of that shape: the smallest size that covers the
 * screen in both dimensions; if none does, the largest. A screen that reports no usable
 * size gets the first size of the list.
 */
export function bestWallpaperSize(screen: ScreenSize): (typeof WALLPAPER_SIZES)[number];
export function bestWallpaperSize<T extends Sized>(screen: ScreenSize, sizes: readonly T[]): T;
export function bestWallpaperSize(
  screen: ScreenSize,
  sizes: readonly Sized[] = WALLPAPER_SIZES,
): Sized {
  if (sizes.length === 0) throw new RangeError('bestWallpaperSize: no sizes to choose from');
  const ratio =
    Number.isFinite(screen.devicePixelRatio) && screen.devicePixelRatio > 0
      ? screen.devicePixelRatio
      : 1;
  const usable = (n: number) => Number.isFinite(n) && n > 0;
  if (!usable(screen.width) || !usable(screen.height)) return sizes[0]!;

  const width = screen.width * ratio;
  const height = screen.height * ratio;
  const orientation = orientationOf(screen);
  const sameOrientation = sizes.filter((size) => size.orientation === orientation);
  const candidates = sameOrientation.length > 0 ? sameOrientation : sizes;

  const shape = Math.log(width / height);
  const distance = (size: Sized) => Math.abs(Math.log(size.width / size.height) - shape);
  const closest = Math.min(...candidates.map(distance));
  const sameShape = candidates.filter((size) => distance(size) <= closest + SAME_SHAPE);

  const covers = (size: Sized) => size.width >= width - ratio && size.height >= height - ratio;
  const area = (size: Sized) => size.width * size.height;
  const covering = sameShape.filter(covers);
  if (covering.length > 0)
    return covering.reduce((best, size) => (area(size) < area(best) ? size : best));
  return sameShape.reduce((best, size) => (area(size) > area(best) ? size : best));
}
