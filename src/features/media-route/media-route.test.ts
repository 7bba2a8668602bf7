import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { allVariants, MEDIA_EXTENSIONS } from './media-route';

const SEED_POST = {
  entry: {
    body: readFileSync('src/content/blog/2022-4-12-milvus-10k-stars.md', 'utf8'),
    data: { cover: 'https://assets.zilliz.com/1_c1b02d6ab8.png' },
  },
};

test('every variant has a /media/ route for its extension, and a name of its own', async () => {
  const routes = await readdir(new URL('../../pages/media/', import.meta.url));
  expect(routes.sort()).toEqual(MEDIA_EXTENSIONS.map((ext) => `[name].${ext}.ts`).sort());
  const variants = await allVariants([SEED_POST]);
  expect(variants.length).toBeGreaterThan(8);
  expect(new Set(variants.map((v) => v.name)).size).toBe(variants.length);
  for (const variant of variants)
    expect(
      MEDIA_EXTENSIONS.some((ext) => variant.name.endsWith(`.${ext}`)),
      variant.name,
    ).toBe(true);
});
