import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { site } from '../site';
import { localCovers, postCardImage, postCardInput, postCardPath, renderPostCard } from './index';

const COVER = 'https://assets.zilliz.com/1_c1b02d6ab8.png';
const post = {
  id: '2022-4-12-milvus-10k-stars',
  data: { title: 'A Small Step for Milvus - 10,000 Stars', date: new Date(Date.UTC(2022, 3, 12)), cover: COVER, tags: [] },
} as unknown as Parameters<typeof postCardPath>[0];
const chinese = { id: '2022-1-5-向量数据库', data: { title: '向量数据库入门', date: new Date(0), tags: [] } } as unknown as typeof post;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'share-cover-'));
});
afterAll(async () => {
  localCovers.clear();
  await rm(dir, { recursive: true, force: true });
});

test('a remote cover is never fetched: the card is the title-only PNG', async () => {
  localCovers.clear();
  expect(postCardPath(post)).toBe('og/posts/2022-4-12-milvus-10k-stars.png');
  expect(postCardInput(post, site).cover).toBeUndefined();
  const card = await renderPostCard(post, site);
  expect(card.type).toBe('image/png');
});

test('with a local file for the cover (the media manifest hook), the card is a JPEG over it', async () => {
  const file = join(dir, 'cover.png');
  await writeFile(file, await sharp({ create: { width: 800, height: 400, channels: 3, background: '#2050c0' } }).png().toBuffer());
  localCovers.set(COVER, file);
  expect(postCardPath(post)).toBe('og/posts/2022-4-12-milvus-10k-stars.jpg');
  const image = postCardImage(post, (path) => new URL(path, 'https://example.org').href, '/sub/');
  expect(image).toMatchObject({ url: 'https://example.org/sub/og/posts/2022-4-12-milvus-10k-stars.jpg', type: 'image/jpeg', width: 1200, height: 630 });
  const card = await renderPostCard(post, site);
  expect((await sharp(card.data).metadata()).format).toBe('jpeg');
  localCovers.clear();
});

test('card URLs encode non-ASCII post ids', () => {
  const image = postCardImage(chinese, (path) => new URL(path, 'https://example.org').href, '/');
  expect(image.url).toBe(`https://example.org/og/posts/${encodeURIComponent('2022-1-5-向量数据库')}.png`);
});
