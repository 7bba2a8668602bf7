import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { expect, test } from 'vitest';
import { runRehype, runRemark } from './plugin-testing';
import { rehypeLocalImages, remarkLocalImages } from './local-images';

// A project folder with a post, and a folder outside it.
const outside = mkdtempSync(join(tmpdir(), 'local-images-'));
const dir = join(outside, 'project');
mkdirSync(dir);
const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#123' } })
  .png()
  .toBuffer();
writeFileSync(join(dir, 'here.png'), png);
writeFileSync(join(dir, 'named.png'), 'const site = "not a picture";');
writeFileSync(
  join(dir, 'logo.svg'),
  '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><script>alert(1)</script></svg>',
);
writeFileSync(join(outside, 'secret.png'), png);
symlinkSync(join(outside, 'secret.png'), join(dir, 'link.png'));
const path = join(dir, 'post.md');
const cwd = dir;

test("a raw <img> to a local picture passes and joins the post's local images; remote and site-absolute ones are not checked", async () => {
  const html =
    '<img src="./here.png" alt="a"><img src="https://a.example/x.png" alt="b"><img src="/media/x.png" alt="c">';
  const run = await runRehype([rehypeLocalImages], html, { path, cwd });
  expect(run.html).toBe(html);
  expect(run.localImagePaths).toEqual(['./here.png']);
});

test('a raw <img> to a missing local file fails, naming the post and the image', async () => {
  await expect(
    runRehype([rehypeLocalImages], '<p><img src="images/gone.png"></p>', { path, cwd }),
  ).rejects.toThrow(/post\.md: image "images\/gone\.png" does not exist/);
});

test.each([
  ['![logo](./logo.svg)', /image "\.\/logo\.svg" is an SVG, which can carry script/],
  ['![x](./named.png)', /image "\.\/named\.png" is not an image \(its bytes/],
  ['![x](../../etc/hostname)', /is outside the project|does not exist/],
  ['![x](./link.png)', /image "\.\/link\.png" is outside the project/],
])('%s fails the post, naming it and the reference', async (markdown, reason) => {
  await expect(runRemark([remarkLocalImages], markdown, { path, cwd })).rejects.toThrow(reason);
  await expect(runRemark([remarkLocalImages], markdown, { path, cwd })).rejects.toThrow(
    /post\.md: /,
  );
});

test('every bad reference of a post is named in one error', async () => {
  await expect(
    runRehype([rehypeLocalImages], '<img src="./logo.svg"><img src="./named.png">', { path, cwd }),
  ).rejects.toThrow(/logo\.svg.*; image "\.\/named\.png"/);
});
