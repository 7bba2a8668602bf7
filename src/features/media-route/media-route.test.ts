import { readdir } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { allVariants, MEDIA_EXTENSIONS } from './media-route';

test('every variant has a /media/ route for its extension, and a name of its own', async () => {
  const routes = await readdir(new URL('../../pages/media/', import.meta.url));
  expect(routes.sort()).toEqual(MEDIA_EXTENSIONS.map((ext) => `[name].${ext}.ts`).sort());
  const variants = await allVariants();
  expect(new Set(variants.map((v) => v.name)).size).toBe(variants.length);
  for (const variant of variants)
    expect(
      MEDIA_EXTENSIONS.some((ext) => variant.name.endsWith(`.${ext}`)),
      variant.name,
    ).toBe(true);
});
