import sharp from 'sharp';
import { expect, test } from 'vitest';
import { site } from '../../../config/site';
import { localCoverFor, postCardImage, postCardInput, postCardPath, renderPostCard } from './index';

const COVER = 'https://assets.zilliz.com/1_c1b02d6ab8.png';
const post = {
  id: '2022-4-12-milvus-10k-stars',
  data: { title: 'A Small Step for Milvus - 10,000 Stars', date: new Date(Date.UTC(2022, 3, 12)), cover: COVER, tags: [] },
} as unknown as Parameters<typeof postCardPath>[0];
const chinese = { id: '2022-1-5-向量数据库', data: { title: '向量数据库入门', date: new Date(0), tags: [] } } as unknown as typeof post;

const unknownCover = { ...post, data: { ...post.data, cover: 'https://assets.zilliz.com/not_in_the_manifest.png' } } as typeof post;

test('a remote cover the manifest does not know is never fetched: the card is the title-only PNG', async () => {
  expect(localCoverFor(unknownCover)).toBeUndefined();
  expect(postCardPath(unknownCover)).toBe('og/posts/2022-4-12-milvus-10k-stars.png');
  expect(postCardInput(unknownCover, site).cover).toBeUndefined();
  const card = await renderPostCard(unknownCover, site);
  expect(card.type).toBe('image/png');
});

test('a cover the media manifest has locally gives a JPEG card over it', async () => {
  expect(localCoverFor(post)).toMatch(/src\/assets\/media\/covers\/milvus-10k-cover\.png$/);
  expect(postCardPath(post)).toBe('og/posts/2022-4-12-milvus-10k-stars.jpg');
  const image = postCardImage(post, (path) => new URL(path, 'https://example.org').href, '/sub/');
  expect(image).toMatchObject({ url: 'https://example.org/sub/og/posts/2022-4-12-milvus-10k-stars.jpg', type: 'image/jpeg', width: 1200, height: 630 });
  const card = await renderPostCard(post, site);
  const meta = await sharp(card.data).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 630]);
});

test('card URLs encode non-ASCII post ids', () => {
  const image = postCardImage(chinese, (path) => new URL(path, 'https://example.org').href, '/');
  expect(image.url).toBe(`https://example.org/og/posts/${encodeURIComponent('2022-1-5-向量数据库')}.png`);
});
