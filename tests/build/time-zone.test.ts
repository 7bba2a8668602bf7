import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { astroBuild, copyProject, type ProjectCopy } from '../../scripts/project-copy.mjs';

let project: ProjectCopy;
beforeAll(async () => {
  project = await copyProject();
});
afterAll(() => project?.dispose());

// The fixture build runs in Los Angeles; this one is east of UTC, where a naive
// local-time format would move midnight-UTC dates a day forward... or not at all.
test('the seed post reads 12 April 2022 when built in Tokyo', async () => {
  const { code, output } = await astroBuild(project.dir, { TZ: 'Asia/Tokyo' });
  expect(code, output).toBe(0);
  const html = await readFile(join(project.dir, 'dist/blog/2022-4-12-milvus-10k-stars/index.html'), 'utf8');
  expect(html).toContain('<time datetime="2022-04-12">April 12, 2022</time>');
});
