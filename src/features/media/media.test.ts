import { describe, expect, test } from 'vitest';
import { formatBytes } from './format';
import { filesOf, findMedia, mediaManifest } from './manifest';
import { mediaFingerprint, sourceInfo } from './variants';

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

describe('the manifest', () => {
  test('every file of every entry is an image sharp can read; slugs are unique', async () => {
    expect(new Set(mediaManifest.map((e) => e.slug)).size).toBe(mediaManifest.length);
    for (const entry of mediaManifest) {
      for (const file of filesOf(entry)) {
        const info = await sourceInfo(file, entry);
        expect(info.width, file).toBeGreaterThan(0);
        if (entry.role === 'animation') expect(info.frames, file).toBeGreaterThan(1);
      }
    }
  });

  test('both animations have a phone composition with the same frames and timing as the wide one', async () => {
    for (const entry of mediaManifest) {
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

  test('a missing file is reported with the manifest entry', async () => {
    await expect(sourceInfo('nope.gif', { remote: 'https://a.example/x.gif' })).rejects.toThrow(
      /manifest\.ts: file "nope\.gif" for https:\/\/a\.example\/x\.gif does not exist/,
    );
  });
});

describe('mediaFingerprint', () => {
  test('changes with the files and with what the manifest says of them', () => {
    const [first, ...rest] = mediaManifest;
    expect(mediaFingerprint(rest)).not.toBe(mediaFingerprint(mediaManifest));
    expect(mediaFingerprint([{ ...first!, file: 'missing.png' }])).not.toBe(
      mediaFingerprint([first!]),
    );
    const animation = mediaManifest.find((e) => e.role === 'animation')!;
    expect(mediaFingerprint([{ ...animation, stillFrame: 0 }])).not.toBe(
      mediaFingerprint([animation]),
    );
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
