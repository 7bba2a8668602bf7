// The wallpaper sizes offered for download, and which one suits a reader's screen.
// Pure and dependency-free: the picker also runs in the browser.

export type WallpaperOrientation = 'landscape' | 'portrait';
/** The kind of screen a size is made for; it decides the group the size is listed in. */
export type WallpaperDevice = 'desktop' | 'tablet' | 'phone';
/**
 * The master a size is cut from: desktops from the wide landscape one, phones from the tall
 * portrait one, tablets (either way round) from the square one, whose words sit in its centre.
 */
export type WallpaperMasterKind = 'landscape' | 'portrait' | 'square';

export interface WallpaperSize {
  width: number;
  height: number;
  orientation: WallpaperOrientation;
  device: WallpaperDevice;
  /** Short name for a button or a list ("4K UHD"). */
  label: string;
  /** The screens it suits, as a sentence fragment ("4K monitors and TVs"). */
  suits: string;
}

const desktop = (width: number, height: number, label: string, suits: string) =>
  ({ width, height, orientation: 'landscape', device: 'desktop', label, suits }) as const;
const tablet = (width: number, height: number, label: string, suits: string) =>
  ({
    width,
    height,
    orientation: width > height ? 'landscape' : 'portrait',
    device: 'tablet',
    label,
    suits,
  }) as const;
const phone = (width: number, height: number, label: string, suits: string) =>
  ({ width, height, orientation: 'portrait', device: 'phone', label, suits }) as const;

/** Desktops, then tablets, then phones (the card's order without script); within each, the most common first. */
export const WALLPAPER_SIZES: readonly WallpaperSize[] = [
  desktop(3840, 2160, '4K UHD', '4K monitors and TVs'),
  desktop(2560, 1600, '16:10 laptop', '16:10 laptops, e.g. MacBook Air and MacBook Pro'),
  desktop(2560, 1440, 'QHD', 'QHD (1440p) monitors'),
  desktop(1920, 1200, 'WUXGA', '16:10 monitors and laptops'),
  desktop(1920, 1080, 'Full HD', 'Full HD (1080p) monitors, laptops and TVs'),
  desktop(1366, 768, 'HD laptop', 'older and smaller laptops'),
  desktop(3440, 1440, 'Ultrawide', '21:9 ultrawide monitors'),
  tablet(2048, 2732, 'iPad Pro 12.9″', 'iPad Pro 12.9-inch, upright'),
  tablet(1640, 2360, 'iPad Air / iPad', 'iPad Air, iPad (10th gen.), upright'),
  tablet(1600, 2560, 'Android tablet', '16:10, e.g. Galaxy Tab, upright'),
  tablet(2732, 2048, 'iPad Pro 12.9″', 'iPad Pro 12.9-inch, sideways'),
  tablet(2360, 1640, 'iPad Air / iPad', 'iPad Air, iPad (10th gen.), sideways'),
  phone(1179, 2556, 'iPhone', 'e.g. iPhone 15, 15 Pro and 16'),
  phone(1290, 2796, 'iPhone Plus / Pro Max', 'e.g. iPhone 15 Plus, 15 Pro Max and 16 Plus'),
  phone(1080, 2400, 'Android', 'most Android phones (20:9)'),
];

/** The masters a size can be cut from, best first. */
export function masterKindsFor(
  size: Pick<WallpaperSize, 'device' | 'orientation'>,
): WallpaperMasterKind[] {
  if (size.device === 'desktop') return ['landscape'];
  if (size.device === 'phone') return ['portrait'];
  return ['square', size.orientation];
}

export interface ScreenSize {
  /** CSS pixels, as `screen.width`. */
  width: number;
  /** CSS pixels, as `screen.height`. */
  height: number;
  /** Physical pixels per CSS pixel, as `devicePixelRatio`. */
  devicePixelRatio: number;
  /** What kind of screen it is (screen.ts tells from its size and pointer); any size may suit when unknown. */
  device?: WallpaperDevice;
}

export function orientationOf(size: { width: number; height: number }): WallpaperOrientation {
  return size.height > size.width ? 'portrait' : 'landscape';
}

/** What the picker needs of a size; pass richer objects (variants with file names) and get the same object back. */
export type Sized = Pick<WallpaperSize, 'width' | 'height' | 'orientation'> & {
  device?: WallpaperDevice;
};

/** Aspect ratios this close (1 %, on a log scale) count as the same shape: 1179 × 2556 and 1290 × 2796 do. */
const SAME_SHAPE = 0.01;

/**
 * The size that suits a screen best. Physical pixels are the CSS size times the pixel ratio,
 * less one CSS pixel of slack (browsers round the CSS size: a 1080 × 2400 phone at 2.625
 * reports 412 × 915). Only sizes made for the screen's kind of device are considered (a tablet
 * never gets a phone's size, nor a phone a desktop's), then only those of its orientation
 * (each filter is skipped when it would leave nothing). Among them the closest shape wins
 * first, so the wallpaper shows the composition cut for that shape rather than one the device
 * crops again (a 16:10 MacBook gets 2560 × 1600, not a bigger 16:9 picture). Of that shape:
 * the smallest size that covers the screen in both dimensions, so nothing is upscaled; if none
 * does, the largest. A screen that reports no usable size gets the first size of the list.
 */
export function bestWallpaperSize(screen: ScreenSize): WallpaperSize;
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
  const narrow = <T>(list: readonly T[], keep: (item: T) => boolean) => {
    const kept = list.filter(keep);
    return kept.length > 0 ? kept : list;
  };
  const forDevice = screen.device ? narrow(sizes, (size) => size.device === screen.device) : sizes;
  const candidates = narrow(forDevice, (size) => size.orientation === orientation);

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
