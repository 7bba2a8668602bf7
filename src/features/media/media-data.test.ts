import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { mediaDataSchema } from './media-data';

const data = parse(readFileSync('src/content/media.yaml', 'utf8')) as unknown;

describe('the media data file', () => {
  test('src/content/media.yaml follows the schema, with the seed’s four files', () => {
    const parsed = mediaDataSchema.parse(data);
    expect(Object.values(parsed).map((entry) => entry.role)).toEqual([
      'cover',
      'animation',
      'animation',
      'wallpaper',
    ]);
  });

  test.each([
    [{ role: 'poster' }, 'role'],
    [{ file: '../../etc/passwd' }, 'file'],
    [{ slug: 'Not A Slug' }, 'slug'],
    [{ stillFrame: 1.5 }, 'stillFrame'],
    [{ safeAreas: { landscape: { left: 0, top: 0, width: 0, height: 1 } } }, 'safeAreas'],
    [{ colour: 'red' }, ''],
  ])('refuses %j, naming the field', (settings, field) => {
    const result = mediaDataSchema.safeParse({ 'https://a.example/x.png': settings });
    expect(result.success).toBe(false);
    const path = result.error!.issues[0]!.path.join('.');
    expect(path.startsWith(`https://a.example/x.png`)).toBe(true);
    expect(path).toContain(field);
  });
});
