import { expect, test } from 'vitest';
import {
  absoluteUrl,
  blogPagePath,
  encodePath,
  entryIdFromPath,
  normaliseBase,
  postCardPath,
  postPath,
  tagPath,
  tagSlug,
  withBase,
} from './paths';

test('every accepted form of BASE_PATH gives one base', () => {
  for (const form of ['milestones', '/milestones', '/milestones/', ' milestones// '])
    expect(normaliseBase(form)).toBe('/milestones/');
  for (const form of ['', '/', undefined]) expect(normaliseBase(form)).toBe('/');
  expect(normaliseBase('a/b')).toBe('/a/b/');
});

test('withBase joins onto any form of the base, never producing a relative path', () => {
  expect(withBase('blog/', 'milestones')).toBe('/milestones/blog/');
  expect(withBase('/blog/', '/milestones/')).toBe('/milestones/blog/');
  expect(withBase('media/a.gif', '')).toBe('/media/a.gif');
  expect(withBase('', 'milestones')).toBe('/milestones/');
});

test('entry ids are file names without the extension, unchanged', () => {
  expect(entryIdFromPath('2022-4-12-milvus-10k-stars.md')).toBe('2022-4-12-milvus-10k-stars');
  expect(entryIdFromPath('Milvus_2.0.Release.MD')).toBe('Milvus_2.0.Release');
  expect(entryIdFromPath('2022-1-5-向量数据库.mdx')).toBe('2022-1-5-向量数据库');
  expect(entryIdFromPath('nested\\post.md')).toBe('nested/post');
});

test('post, tag and card paths are site-absolute and encoded', () => {
  expect(postPath('2022-4-12-milvus-10k-stars')).toBe('/blog/2022-4-12-milvus-10k-stars/');
  expect(postPath('100% done?')).toBe('/blog/100%25%20done%3F/');
  expect(tagPath('Artificial Intelligence')).toBe('/tags/artificial-intelligence/');
  expect(postCardPath('a#b')).toBe('/og/posts/a%23b.jpg');
  expect(encodePath('a b/向量')).toBe(`a%20b/${encodeURIComponent('向量')}`);
  expect(absoluteUrl('/blog/x/', 'https://example.org')).toBe('https://example.org/blog/x/');
});

test('tag slugs are stable for case and keep non-Latin letters', () => {
  expect(tagSlug('Data Science')).toBe(tagSlug('data science'));
  expect(tagSlug('向量')).toBe('向量');
});

test('C, C++ and C# get three stable slugs, symbols spelled as words', () => {
  expect(['C', 'C++', 'C#', 'F#', '.NET', 'R&D'].map(tagSlug)).toEqual([
    'c',
    'c-plus-plus',
    'c-sharp',
    'f-sharp',
    'dot-net',
    'r-and-d',
  ]);
  for (const tag of ['C++', 'C#', '.NET']) expect(tagSlug(tagSlug(tag))).toBe(tagSlug(tag));
});

test('a tag with no letters gets a stable slug made of plain path characters', () => {
  expect(tagSlug('🚀')).toBe('tag-1f680');
  expect(tagSlug(' 🚀 ')).toBe('tag-1f680');
  expect(tagSlug('---')).toBe('tag-2d-2d-2d');
  expect(tagSlug('🚀')).not.toBe(tagSlug('🎉'));
  // Idempotent: tag pages are linked by their group's slug.
  expect(tagSlug(tagSlug('🚀'))).toBe(tagSlug('🚀'));
  expect(tagPath('🚀')).toMatch(/^\/tags\/[a-z0-9-]+\/$/);
});

test('list pages: the first page keeps the list URL, later pages add their number', () => {
  expect(blogPagePath()).toBe('/blog/');
  expect(blogPagePath(1)).toBe('/blog/');
  expect(blogPagePath(2)).toBe('/blog/2/');
  expect(tagPath('Data Science', 1)).toBe('/tags/data-science/');
  expect(tagPath('Data Science', 3)).toBe('/tags/data-science/3/');
  expect(() => blogPagePath(0)).toThrow();
  expect(() => tagPath('x', 1.5)).toThrow();
});
