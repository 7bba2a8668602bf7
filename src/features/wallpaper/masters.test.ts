import { describe, expect, test } from 'vitest';
import { mediaIndex } from '../media/media-files';
import { wallpaperMasters } from './downloads';
import { containsBox, cropBox, masterFor, wallpaperCrop } from './masters';
import { masterKindsFor, WALLPAPER_SIZES } from './sizes';

// The seed's masters, with the safe areas the data file records for them.
const seed = [...mediaIndex().entries.values()].find((e) => e.role === 'wallpaper')!;
const WALLPAPER_MASTERS = await wallpaperMasters(seed);

describe('wallpaper masters', () => {
  test('one master of each kind (desktop landscape, phone portrait, tablet square), with a safe area inside it', () => {
    expect(WALLPAPER_MASTERS.map((m) => m.orientation).sort()).toEqual([
      'landscape',
      'portrait',
      'square',
    ]);
    for (const master of WALLPAPER_MASTERS) {
      expect(
        containsBox(
          { left: 0, top: 0, width: master.width, height: master.height },
          master.safeArea!,
        ),
      ).toBe(true);
    }
  });

  test.each(['landscape', 'portrait', 'square'] as const)(
    'the %s master is the size its safe area was measured on',
    (orientation) => {
      const master = masterFor(orientation, WALLPAPER_MASTERS);
      expect(seed.settings.safeAreas?.[orientation]?.measuredOn).toEqual({
        width: master.width,
        height: master.height,
      });
    },
  );

  test('the portrait master leaves the top quarter for the clock and notch', () => {
    const portrait = masterFor('portrait', WALLPAPER_MASTERS);
    expect(portrait.safeArea!.top).toBeGreaterThanOrEqual(portrait.height * 0.25);
  });

  test('the square master leaves the top fifth of every tablet cut for the clock', () => {
    for (const size of WALLPAPER_SIZES.filter((s) => s.device === 'tablet')) {
      const { box, master } = wallpaperCrop(size, WALLPAPER_MASTERS)!;
      expect(
        master.safeArea!.top - box!.top,
        `${size.width}x${size.height}`,
      ).toBeGreaterThanOrEqual(box!.height * 0.2);
    }
  });
});

describe('cropping every size from its master', () => {
  test.each(WALLPAPER_SIZES.map((s) => [`${s.width}x${s.height}`, s] as const))(
    '%s keeps the whole safe area, within the master, at the right shape, without upscaling',
    (_, size) => {
      const { master, box: cut, keepsSafeArea } = wallpaperCrop(size, WALLPAPER_MASTERS)!;
      const box = cut!;
      expect(master.orientation).toBe(masterKindsFor(size)[0]);
      expect(keepsSafeArea).toBe(true);
      expect(
        containsBox({ left: 0, top: 0, width: master.width, height: master.height }, box),
      ).toBe(true);
      expect(Math.abs(box.width / box.height - size.width / size.height)).toBeLessThan(
        1 / Math.min(box.width, box.height),
      );
      expect(box.width).toBeGreaterThanOrEqual(size.width);
      expect(box.height).toBeGreaterThanOrEqual(size.height);
    },
  );
});

describe('cropBox', () => {
  test('16:9 from a 16:9 master is the whole master', () => {
    expect(cropBox({ width: 3840, height: 2160 }, { width: 1920, height: 1080 })).toEqual({
      left: 0,
      top: 0,
      width: 3840,
      height: 2160,
    });
  });

  test('a narrower target keeps the full height, centred', () => {
    expect(cropBox({ width: 5120, height: 2160 }, { width: 3840, height: 2160 })).toEqual({
      left: 640,
      top: 0,
      width: 3840,
      height: 2160,
    });
  });

  test('a wider target keeps the full width, centred', () => {
    expect(cropBox({ width: 3840, height: 2160 }, { width: 3440, height: 1440 })).toEqual({
      left: 0,
      top: 277,
      width: 3840,
      height: 1607,
    });
  });

  test('centres on the safe area, but never leaves the master', () => {
    const master = { width: 2000, height: 1000 };
    expect(
      cropBox(
        master,
        { width: 1000, height: 1000 },
        { left: 1200, top: 100, width: 400, height: 400 },
      ),
    ).toEqual({ left: 900, top: 0, width: 1000, height: 1000 });
    expect(
      cropBox(
        master,
        { width: 1000, height: 1000 },
        { left: 1800, top: 100, width: 200, height: 400 },
      ),
    ).toEqual({ left: 1000, top: 0, width: 1000, height: 1000 });
    expect(
      cropBox(
        master,
        { width: 1000, height: 1000 },
        { left: 0, top: 100, width: 100, height: 400 },
      ),
    ).toEqual({ left: 0, top: 0, width: 1000, height: 1000 });
  });

  test('a safe area wider than the crop is reported as not kept', () => {
    const master = {
      width: 2000,
      height: 1000,
      orientation: 'landscape' as const,
      file: 'x.png',
      safeArea: { left: 200, top: 100, width: 1600, height: 800 },
    };
    expect(
      wallpaperCrop({ width: 1000, height: 1000, orientation: 'landscape', device: 'desktop' }, [
        master,
      ])!.keepsSafeArea,
    ).toBe(false);
  });

  test('without a square master, tablets are cut from the other masters only where that needs no upscaling', () => {
    const masters = WALLPAPER_MASTERS.filter((m) => m.orientation !== 'square');
    const cut = (width: number, height: number) =>
      wallpaperCrop(
        { width, height, orientation: width > height ? 'landscape' : 'portrait', device: 'tablet' },
        masters,
      );
    expect(cut(2732, 2048)?.master.orientation).toBe('landscape');
    expect(cut(2048, 2732)).toBeUndefined();
  });
});
