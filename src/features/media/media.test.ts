import { describe, expect, test } from 'vitest';
import { formatBytes } from './format';
import {
  buildMediaIndex,
  filesOf,
  findMedia,
  inferRole,
  mediaIndex,
  mediaKey,
  parseMediaData,
  slugFromUrl,
} from './media-files';
import { EMPTY_LOCK } from './media-lock';
import { mediaFingerprint, sourceInfo } from './variants';

const seed = [...mediaIndex().entries.values()];

describe('findMedia', () => {
  test.each([
    'https://assets.zilliz.com/1_c1b02d6ab8.png',
    'http://assets.zilliz.com/1_c1b02d6ab8.png',
    '//assets.zilliz.com/1_c1b02d6ab8.png',
    'assets.zilliz.com/1_c1b02d6ab8.png',
  ])('knows the cover however it is spelled: %s', (url) =>
    expect(findMedia(url)?.role).toBe('cover'),
  );

  test.each([
    'https://assets.zilliz.com/other.png',
    'https://example.com/1_c1b02d6ab8.png',
    './1_c1b02d6ab8.png',
    '',
    undefined,
  ])('does not know %s', (url) => expect(findMedia(url)).toBeUndefined());
});

describe('the seed’s entries in the data file', () => {
  test('every file of every entry is an image sharp can read; slugs are unique', async () => {
    expect(new Set(seed.map((e) => e.slug)).size).toBe(seed.length);
    for (const entry of seed) {
      for (const file of filesOf(entry)) {
        const info = await sourceInfo(file, entry);
        expect(info.width, file).toBeGreaterThan(0);
        if (entry.role === 'animation') expect(info.frames, file).toBeGreaterThan(1);
      }
    }
  });

  test('both animations have a phone composition with the same frames and timing as the wide one', async () => {
    for (const entry of seed) {
      if (entry.role !== 'animation') continue;
      expect(entry.phone, entry.slug).toBeTruthy();
      const [wide, phone] = await Promise.all([
        sourceInfo(entry.file, entry),
        sourceInfo(entry.phone!, entry),
      ]);
      expect(phone.delays).toEqual(wide.delays);
      expect(phone.height).toBeGreaterThan(phone.width);
    }
  });

  test('a missing file is reported with its entry in the data file', async () => {
    await expect(sourceInfo('nope.gif', { remote: 'https://a.example/x.gif' })).rejects.toThrow(
      /media\.yaml: file "nope\.gif" for https:\/\/a\.example\/x\.gif does not exist/,
    );
  });
});

describe('mediaFingerprint', () => {
  test('changes with the files and with what the data file says of them', () => {
    const [first, ...rest] = seed;
    expect(mediaFingerprint(rest)).not.toBe(mediaFingerprint(seed));
    expect(mediaFingerprint([{ ...first!, file: 'missing.png' }])).not.toBe(
      mediaFingerprint([first!]),
    );
    const animation = seed.find((e) => e.role === 'animation')!;
    expect(
      mediaFingerprint([{ ...animation, settings: { ...animation.settings, stillFrame: 0 } }]),
    ).not.toBe(mediaFingerprint([animation]));
  });

  test('is the same however often it is computed', () => {
    expect(mediaFingerprint()).toBe(mediaFingerprint());
  });
});

test.each([
  [0, '0 B'],
  [999, '999 B'],
  [1000, '1 kB'],
  [183_143, '183 kB'],
  [1_949_999, '1.9 MB'],
])('formatBytes(%d) = %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
test('formatBytes refuses nonsense', () =>
  expect(() => formatBytes(-1)).toThrow(/not a byte count/));

describe('the index of the data file and the lock', () => {
  const lock = {
    version: 1 as const,
    files: {
      'https://cdn.example/a/Star_Chart.gif': {
        file: 'pulled/cdn.example/a/Star_Chart.gif',
        sha256: 'a'.repeat(64),
        bytes: 10,
        type: 'image/gif',
        width: 10,
        height: 10,
        frames: 4,
      },
      'https://cdn.example/p.png': {
        file: 'pulled/cdn.example/p.png',
        sha256: 'b'.repeat(64),
        bytes: 10,
        type: 'image/png',
        width: 10,
        height: 20,
        frames: 1,
      },
    },
  };

  test('a pulled file is found with its frames and a slug from its name; the data file overrides', () => {
    const index = buildMediaIndex(
      parseMediaData('cdn.example/p.png: { role: image, slug: portrait-shot, alt: A star }'),
      lock,
    );
    const gif = index.find('//cdn.example/a/Star_Chart.gif')!;
    expect([gif.file, gif.slug, gif.frames, gif.role]).toEqual([
      'pulled/cdn.example/a/Star_Chart.gif',
      'star-chart',
      4,
      undefined,
    ]);
    const png = index.find('http://cdn.example/p.png')!;
    expect([png.slug, png.role, png.settings.alt]).toEqual(['portrait-shot', 'image', 'A star']);
  });

  test('a data entry without a file and without a pulled copy has no local copy', () => {
    const index = buildMediaIndex(
      parseMediaData('https://x.example/y.png: { role: cover }'),
      EMPTY_LOCK,
    );
    expect(index.find('https://x.example/y.png')).toBeUndefined();
  });

  test('a portrait given as a URL takes the pulled portrait file', () => {
    const index = buildMediaIndex(
      parseMediaData(
        'https://cdn.example/a/Star_Chart.gif: { role: wallpaper, portrait: "https://cdn.example/p.png" }',
      ),
      lock,
    );
    expect(index.find('https://cdn.example/a/Star_Chart.gif')!.portrait).toBe(
      'pulled/cdn.example/p.png',
    );
  });

  test('errors name the file, the URL and the field', () => {
    expect(() =>
      parseMediaData('https://a.example/x.png: { stillFrame: "last" }', 'media.yaml'),
    ).toThrow(/media\.yaml: https:\/\/a\.example\/x\.png → stillFrame:/);
    expect(() => parseMediaData('not-a-url: {}', 'media.yaml')).toThrow(
      /"not-a-url" is not an http\(s\) URL/,
    );
  });

  test.each([
    [{}, {}, 'image'],
    [{}, { cover: true }, 'cover'],
    [{}, { frames: 12 }, 'animation'],
    [{}, { wallpaperLink: true }, 'wallpaper'],
    [{ role: 'image' as const }, { frames: 12 }, 'image'],
  ])('inferRole(%j, %j) = %s', (entry, hints, role) => expect(inferRole(entry, hints)).toBe(role));

  test('keys and slugs', () => {
    expect(mediaKey('assets.zilliz.com/a.png')).toBe(mediaKey('http://assets.zilliz.com/a.png'));
    expect(mediaKey('./a.png')).toBeUndefined();
    expect(slugFromUrl('https://x.example/Milvus_0_10000_d50a914332.gif?x=1')).toBe(
      'milvus-0-10000-d50a914332',
    );
  });
});
