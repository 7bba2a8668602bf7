import { describe, expect, test } from 'vitest';
import type { MediaEntry } from './media-files';
import { displaySize } from './rehype-local-pictures';
import { roleOf, wallpaperCards } from './used-media';

const entry = (file: string, extra: Partial<MediaEntry> = {}): MediaEntry => ({
  remote: `https://cdn.example/${file}`,
  file,
  slug: file.replace(/\.\w+$/, ''),
  settings: {},
  ...extra,
});

describe('roles where a file is used', () => {
  test.each([
    [{ kind: 'cover' as const }, {}, 'cover'],
    [{ kind: 'image' as const }, { frames: 1 }, 'image'],
    [{ kind: 'image' as const }, { frames: 9 }, 'animation'],
    [{ kind: 'link' as const, text: 'Download the wallpaper' }, { frames: 1 }, 'wallpaper'],
    [{ kind: 'link' as const, text: 'the chart in full' }, { frames: 1 }, undefined],
    [{ kind: 'image' as const }, { frames: 9, role: 'image' as const }, 'image'],
  ])('%j of %j → %s', async (ref, extra, role) => {
    expect(await roleOf(entry('x.png', extra), ref)).toBe(role);
  });
});

test('a landscape and a portrait wallpaper in one post make one card with both masters', async () => {
  const landscape = entry('milvus-10k-wallpaper.png');
  const portrait = entry('milvus-10k-wallpaper-portrait.png');
  const cards = await wallpaperCards([landscape, portrait, landscape]);
  const card = cards.get(landscape)!;
  expect(cards.get(portrait)).toBe(card);
  expect([card.file, card.portrait]).toEqual([
    'milvus-10k-wallpaper.png',
    'milvus-10k-wallpaper-portrait.png',
  ]);
  expect((await wallpaperCards([landscape])).get(landscape)).toBe(landscape);
});

test.each([
  [{}, { width: 1280, height: 640 }],
  [{ width: '400' }, { width: 400, height: 200 }],
  [{ height: 100 }, { width: 200, height: 100 }],
  [
    { width: 300, height: 100 },
    { width: 300, height: 100 },
  ],
])('a 2000×1000 picture given %j is shown %j', (given, shown) =>
  expect(displaySize({ width: 2000, height: 1000 }, given)).toEqual(shown),
);
