import { describe, expect, test } from 'vitest';
import { readerScreen } from './screen';
import { bestWallpaperSize, orientationOf, WALLPAPER_SIZES, type Sized } from './sizes';

const pick = (width: number, height: number, devicePixelRatio: number) => {
  const size = bestWallpaperSize({ width, height, devicePixelRatio });
  return `${size.width}x${size.height}`;
};

describe('WALLPAPER_SIZES', () => {
  test('desktops, tablets (both ways round) and phones, each size once, each saying what it suits', () => {
    const names = WALLPAPER_SIZES.map((s) => `${s.width}x${s.height}`);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        '3840x2160',
        '2560x1600',
        '1920x1080',
        '1366x768',
        '3440x1440',
        '2048x2732',
        '2732x2048',
        '1640x2360',
        '2360x1640',
        '1179x2556',
        '1080x2400',
      ]),
    );
    expect([...new Set(WALLPAPER_SIZES.map((s) => s.device))]).toEqual([
      'desktop',
      'tablet',
      'phone',
    ]);
    for (const size of WALLPAPER_SIZES) {
      expect(size.label.length).toBeGreaterThan(0);
      expect(size.suits.length).toBeGreaterThan(size.label.length - 1);
    }
  });

  test('orientation follows the shape', () => {
    for (const size of WALLPAPER_SIZES) expect(size.orientation).toBe(orientationOf(size));
  });
});

describe('the reader’s screen', () => {
  const on = (width: number, height: number, dpr: number, coarse: boolean) => {
    const size = bestWallpaperSize(readerScreen({ width, height }, dpr, coarse));
    return `${size.device} ${size.width}x${size.height}`;
  };

  test('a phone (iPhone 15, 393 × 852 @3) gets its exact phone size, upright or turned', () => {
    expect(on(393, 852, 3, true)).toBe('phone 1179x2556');
    expect(on(852, 393, 3, true)).toBe('phone 1179x2556');
  });

  test('an iPad Air (820 × 1180 @2) gets its tablet size in either orientation, never a phone’s', () => {
    expect(on(820, 1180, 2, true)).toBe('tablet 1640x2360');
    expect(on(1180, 820, 2, true)).toBe('tablet 2360x1640');
  });

  test('an iPad Pro 12.9″ (1024 × 1366 @2) gets 2048 × 2732 upright and 2732 × 2048 sideways', () => {
    expect(on(1024, 1366, 2, true)).toBe('tablet 2048x2732');
    expect(on(1366, 1024, 2, true)).toBe('tablet 2732x2048');
  });

  test('a 1440 px laptop at 2× (MacBook, 1440 × 900) gets the 16:10 desktop size', () => {
    expect(on(1440, 900, 2, false)).toBe('desktop 2560x1600');
  });

  test('a 4K desktop (3840 × 2160 @1, or 1920 × 1080 @2) gets 4K', () => {
    expect(on(3840, 2160, 1, false)).toBe('desktop 3840x2160');
    expect(on(1920, 1080, 2, false)).toBe('desktop 3840x2160');
  });

  test('no tablet or phone screen gets a size made for another kind of device', () => {
    const screens: [number, number, number, boolean, string][] = [
      [360, 800, 3, true, 'phone'],
      [412, 915, 2.625, true, 'phone'],
      [430, 932, 3, true, 'phone'],
      [744, 1133, 2, true, 'tablet'],
      [768, 1024, 2, true, 'tablet'],
      [800, 1280, 2, true, 'tablet'],
      [1280, 800, 2, true, 'tablet'],
      [1366, 768, 1, false, 'desktop'],
      [1280, 720, 1.5, false, 'desktop'],
    ];
    for (const [width, height, dpr, coarse, device] of screens) {
      expect(on(width, height, dpr, coarse).split(' ')[0], `${width}x${height}@${dpr}`).toBe(
        device,
      );
    }
  });
});

describe('bestWallpaperSize', () => {
  test('iPhone 15 (393 × 852 @3) gets its exact size, not the bigger one of the same shape', () => {
    expect(pick(393, 852, 3)).toBe('1179x2556');
  });

  test('iPhone 15 Pro Max (430 × 932 @3) gets 1290 × 2796', () => {
    expect(pick(430, 932, 3)).toBe('1290x2796');
  });

  test('a Pixel-like phone (412 × 915 @2.625, rounded up from 1080 × 2400) gets 1080 × 2400', () => {
    expect(pick(412, 915, 2.625)).toBe('1080x2400');
  });

  test('a 4K desktop (1920 × 1080 @2) gets 3840 × 2160', () => {
    expect(pick(1920, 1080, 2)).toBe('3840x2160');
  });

  test('a MacBook (1440 × 900 @2) gets the 16:10 size, the shape before the pixel count', () => {
    expect(pick(1440, 900, 2)).toBe('2560x1600');
  });

  test('an ultrawide (3440 × 1440 @1) gets 3440 × 1440', () => {
    expect(pick(3440, 1440, 1)).toBe('3440x1440');
  });

  test('Full HD (1920 × 1080 @1) gets 1920 × 1080, not a bigger file', () => {
    expect(pick(1920, 1080, 1)).toBe('1920x1080');
  });

  test('QHD (2560 × 1440 @1, or 1280 × 720 @2) gets 2560 × 1440', () => {
    expect(pick(2560, 1440, 1)).toBe('2560x1440');
    expect(pick(1280, 720, 2)).toBe('2560x1440');
  });

  test('a small 16:9 laptop (1366 × 768 @1) gets its exact size; 1280 × 800 the smallest 16:10 that covers it', () => {
    expect(pick(1366, 768, 1)).toBe('1366x768');
    expect(pick(1280, 800, 1)).toBe('1920x1200');
  });

  test('a Windows laptop at 150 % (1280 × 720 @1.5 = 1920 × 1080) gets Full HD', () => {
    expect(pick(1280, 720, 1.5)).toBe('1920x1080');
  });

  test('a screen bigger than every size of its shape gets the largest of them (5K @2 → 4K)', () => {
    expect(pick(2560, 1440, 2)).toBe('3840x2160');
    expect(pick(5120, 2160, 1)).toBe('3440x1440');
  });

  test('with the kind of device unknown, the closest shape of any kind wins (4:3 → the tablet size)', () => {
    expect(pick(1024, 768, 2)).toBe('2732x2048');
    expect(pick(768, 1024, 2)).toBe('2048x2732');
  });

  test('a square screen counts as landscape', () => {
    expect(bestWallpaperSize({ width: 1000, height: 1000, devicePixelRatio: 1 }).orientation).toBe(
      'landscape',
    );
  });

  test('a missing or broken pixel ratio counts as 1', () => {
    expect(pick(1920, 1080, 0)).toBe('1920x1080');
    expect(pick(1920, 1080, Number.NaN)).toBe('1920x1080');
  });

  test('a screen with no usable size gets the first size', () => {
    expect(pick(0, 0, 1)).toBe('3840x2160');
    expect(pick(Number.NaN, 800, 1)).toBe('3840x2160');
  });

  test('within a CSS pixel is rounding; beyond it the next size of the shape is needed', () => {
    // 394 × 853 @3 = 1182 × 2559: a 1179 × 2556 screen whose CSS size was rounded up.
    expect(pick(394, 853, 3)).toBe('1179x2556');
    // 395 × 854 @3 = 1185 × 2562: more than 1179 × 2556 covers.
    expect(pick(395, 854, 3)).toBe('1290x2796');
  });

  test('a taller phone than any size keeps its shape over its pixel count (Galaxy Ultra 384 × 824 @3.75)', () => {
    expect(pick(384, 824, 3.75)).toBe('1290x2796');
  });

  test('only one orientation offered: that one is used', () => {
    const desktop = WALLPAPER_SIZES.filter((s) => s.device === 'desktop');
    expect(
      bestWallpaperSize({ width: 393, height: 852, devicePixelRatio: 3, device: 'phone' }, desktop)
        .orientation,
    ).toBe('landscape');
  });

  test('returns the very object passed in, so callers can pass their own records', () => {
    const sizes: (Sized & { file: string })[] = [
      { width: 1920, height: 1080, orientation: 'landscape', file: 'a.jpg' },
      { width: 1080, height: 1920, orientation: 'portrait', file: 'b.jpg' },
    ];
    expect(bestWallpaperSize({ width: 360, height: 640, devicePixelRatio: 3 }, sizes).file).toBe(
      'b.jpg',
    );
  });

  test('an empty list is a programming error', () => {
    expect(() => bestWallpaperSize({ width: 1, height: 1, devicePixelRatio: 1 }, [])).toThrow(
      RangeError,
    );
  });
});
