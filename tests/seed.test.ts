import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../scripts/project-copy.mjs';

const NAME = '2022-4-12-milvus-10k-stars.md';
/** SHA-256 of the seed as the author wrote it, so the check holds even where shared/ is absent. */
const SEED_SHA256 = 'd0785516d1f6a3645ae76834f53c22d1aba59d1324d37bf9918c2d9498461d4f';
const seedPath = join(process.env.SEED_DIR ?? join(ROOT, '../shared/seed'), NAME);

test('the post in the content collection is byte-for-byte the seed', async () => {
  const ours = await readFile(join(ROOT, 'src/content/blog', NAME));
  expect(createHash('sha256').update(ours).digest('hex')).toBe(SEED_SHA256);
  if (existsSync(seedPath)) expect(ours.equals(await readFile(seedPath))).toBe(true);
});
