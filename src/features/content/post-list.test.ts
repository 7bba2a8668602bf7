import { expect, test } from 'vitest';
import { groupByTag, sortNewestFirst } from './post-list';

const post = (id: string, day: string, tags: string[] = [], title = id) => ({
  id,
  date: new Date(`${day}T00:00:00Z`),
  title,
  tags,
});

test('newest first, ties broken by title', () => {
  const posts = [
    post('a', '2021-01-01'),
    post('c', '2022-04-12', [], 'Zed'),
    post('b', '2022-04-12', [], 'Alpha'),
  ];
  expect(sortNewestFirst(posts).map((p) => p.id)).toEqual(['b', 'c', 'a']);
});

test('tags group case-insensitively under one slug, posts newest first', () => {
  const groups = groupByTag([
    post('old', '2020-01-01', ['data science']),
    post('new', '2022-01-01', ['Data Science', 'AI']),
  ]);
  expect(groups.map((g) => [g.slug, g.label, g.posts.map((p) => p.id)])).toEqual([
    ['ai', 'AI', ['new']],
    ['data-science', 'Data Science', ['new', 'old']],
  ]);
});

test('a post is listed once per tag page, even when two of its tags share a slug', () => {
  const groups = groupByTag([post('one', '2022-01-01', ['C', 'C++', 'C#', 'c.'])]);
  expect(groups.map((g) => [g.slug, g.posts.length])).toEqual([
    ['c', 1],
    ['c-sharp', 1],
    ['c-plus-plus', 1],
  ]);
});
