import { expect, test } from 'vitest';
import { entryIdFromPath, postPath, tagPath, tagSlug, withBase } from './paths';

test('entry ids are file names without the extension, unchanged', () => {
  expect(entryIdFromPath('2022-4-12-milvus-10k-stars.md')).toBe('2022-4-12-milvus-10k-stars');
  expect(entryIdFromPath('Milvus_2.0.Release.MD')).toBe('Milvus_2.0.Release');
  expect(entryIdFromPath('2022-1-5-向量数据库.mdx')).toBe('2022-1-5-向量数据库');
  expect(entryIdFromPath('nested\\post.md')).toBe('nested/post');
});

test('paths honour the base', () => {
  expect(postPath('2022-4-12-milvus-10k-stars', '/')).toBe('/blog/2022-4-12-milvus-10k-stars/');
  expect(postPath('a', '/milestones/')).toBe('/milestones/blog/a/');
  expect(withBase('/blog/', '/milestones')).toBe('/milestones/blog/');
  expect(tagPath('Artificial Intelligence', '/')).toBe('/tags/artificial-intelligence/');
});

test('tag slugs are stable for case and keep non-Latin letters', () => {
  expect(tagSlug('Data Science')).toBe(tagSlug('data science'));
  expect(tagSlug('向量')).toBe('向量');
  expect(tagSlug('C++')).toBe('c');
});
