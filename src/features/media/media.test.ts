import { describe, expect, test } from 'vitest';
import { formatBytes } from './format';
import { findMedia, mediaManifest } from './manifest';
import { mediaFingerprint, needsPauseControl, sourceInfo, variantsOf, WALLPAPER_SIZES } from './variants';

describe('findMedia', () => {
  test.each([
    'https://assets.zilliz.com/1_c1b02d6ab8.png',
    'http://assets.zilliz.com/1_c1b02d6ab8.png',
    '//assets.zilliz.com/1_c1b02d6ab8.png',
    'assets.zilliz.com/1_c1b02d6ab8.png',
  ])('knows the cover however it is spelled: %s', (url) => expect(findMedia(url)?.role).toBe('cover'));

  test.each(['https://assets.zilliz.com/other.png', 'https://example.com/1_c1b02d6ab8.png', './1_c1b02d6ab8.png', '', undefined])(
    'does not know %s',
    (url) => expect(findMedia(url)).toBeUndefined(),
  );

  test('every manifest entry has a local file sharp can read, with a unique slug', async () => {
    expect(new Set(mediaManifest.map((e) => e.slug)).size).toBe(mediaManifest.length);
    for (const entry of mediaManifest) {
      const info = await sourceInfo(entry);
      expect(info.width, entry.file).toBeGreaterThan(0);
      if (entry.role === 'animation') expect(info.frames, entry.file).toBeGreaterThan(1);
      if (entry.role === 'wallpaper') expect(info.width * info.height).toBeGreaterThanOrEqual(3840 * 2160);
    }
  });

  test('a missing file is reported with the manifest entry', async () => {
    const ghost = { remote: 'https://a.example/x.gif', file: 'nope.gif', role: 'animation', slug: 'ghost' } as const;
    await expect(sourceInfo(ghost)).rejects.toThrow(/manifest\.ts: file "nope\.gif" for https:\/\/a\.example\/x\.gif does not exist/);
  });
});

describe('variants', () => {
  test('a wallpaper gets every offered size, named with its dimensions', async () => {
    const wallpaper = mediaManifest.find((e) => e.role === 'wallpaper')!;
    const sizes = (await variantsOf(wallpaper)).filter((v) => v.kind === 'wallpaper-jpeg');
    expect(sizes.map((v) => [v.width, v.height])).toEqual(WALLPAPER_SIZES.map((s) => [s.width, s.height]));
    expect(sizes[0]!.downloadName).toBe('milvus-10k-stars-wallpaper-3840x2160.jpg');
  });

  test('the fingerprint changes with the files', () => {
    const [first, ...rest] = mediaManifest;
    expect(mediaFingerprint(rest)).not.toBe(mediaFingerprint(mediaManifest));
    expect(mediaFingerprint([{ ...first!, file: 'missing.png' }])).not.toBe(mediaFingerprint([first!]));
  });
});

describe('needsPauseControl (WCAG 2.2.2)', () => {
  test.each([
    [{ frames: 10, durationMs: 2000, loop: 0 }, true],
    [{ frames: 10, durationMs: 6000, loop: 1 }, true],
    [{ frames: 10, durationMs: 4000, loop: 1 }, false],
    [{ frames: 1, durationMs: 0, loop: 0 }, false],
  ])('%o → %s', (info, expected) => expect(needsPauseControl(info)).toBe(expected));
});

test.each([
  [0, '0 B'],
  [999, '999 B'],
  [1000, '1 kB'],
  [183_143, '183 kB'],
  [1_949_999, '1.9 MB'],
])('formatBytes(%d) = %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
test('formatBytes refuses nonsense', () => expect(() => formatBytes(-1)).toThrow(/not a byte count/));

test('every variant has a /media/ route for its extension', async () => {
  const { readdir } = await import('node:fs/promises');
  const { allVariants } = await import('./variants');
  const { MEDIA_EXTENSIONS } = await import('./media-route');
  const routes = await readdir(new URL('../../pages/media/', import.meta.url));
  expect(routes.sort()).toEqual(MEDIA_EXTENSIONS.map((ext) => `[name].${ext}.ts`).sort());
  for (const variant of await allVariants()) expect(MEDIA_EXTENSIONS.some((ext) => variant.name.endsWith(`.${ext}`)), variant.name).toBe(true);
});
