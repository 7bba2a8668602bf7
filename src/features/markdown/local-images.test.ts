import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runRehype } from './plugin-testing';
import { rehypeLocalImages } from './local-images';

const dir = mkdtempSync(join(tmpdir(), 'local-images-'));
writeFileSync(join(dir, 'here.png'), '');
const path = join(dir, 'post.md');

test('a raw <img> to a local file that exists passes; remote and site-absolute ones are not checked', async () => {
  const html =
    '<img src="./here.png" alt="a"><img src="https://a.example/x.png" alt="b"><img src="/media/x.png" alt="c">';
  expect((await runRehype([rehypeLocalImages], html, { path })).html).toBe(html);
});

test('a raw <img> to a missing local file fails, naming the post and the image', async () => {
  await expect(
    runRehype([rehypeLocalImages], '<p><img src="images/gone.png"></p>', { path }),
  ).rejects.toThrow(/post\.md: image "images\/gone\.png" does not exist/);
});
