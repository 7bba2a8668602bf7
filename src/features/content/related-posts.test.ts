import { describe, expect, test } from 'vitest';
import { linkPosts, neighbours, relatedPosts } from './related-posts';

const post = (id: string, date: string, tags: string[] = []) => ({
  id,
  date: new Date(date),
  title: id,
  tags,
});

const posts = [
  post('b', '2022-02-01', ['Milvus', 'Release']),
  post('d', '2022-04-01', ['milvus', 'Release', 'Database']),
  post('a', '2022-01-01', ['Milvus', 'Release', 'Database']),
  post('c', '2022-03-01', ['Community']),
  post('e', '2022-05-01', ['Database']),
  post('f', '2022-06-01', ['Milvus']),
];

describe('previous and next', () => {
  test('follow publication order, whatever the input order', () => {
    const { previous, next } = neighbours(posts, 'c');
    expect(previous?.id).toBe('b');
    expect(next?.id).toBe('d');
  });

  test('the oldest has no previous, the newest no next, a lone post neither', () => {
    expect(neighbours(posts, 'a').previous).toBeUndefined();
    expect(neighbours(posts, 'f').next).toBeUndefined();
    expect(neighbours([post('x', '2022-01-01')], 'x')).toEqual({
      previous: undefined,
      next: undefined,
    });
  });

  test('an unknown post is an error naming it', () => {
    expect(() => neighbours(posts, 'zz')).toThrow('"zz"');
  });
});

describe('related posts', () => {
  test('most shared tags first (tags compared by slug), then newest; never itself; at most three', () => {
    expect(relatedPosts(posts, 'a').map((p) => p.id)).toEqual(['d', 'b', 'f']);
  });

  test('posts sharing no tag are left out', () => {
    expect(relatedPosts(posts, 'c')).toEqual([]);
    expect(relatedPosts([post('x', '2022-01-01')], 'x')).toEqual([]);
  });

  test('the limit is respected', () => {
    expect(relatedPosts(posts, 'a', 1).map((p) => p.id)).toEqual(['d']);
  });
});

describe('all posts at once', () => {
  test('give each post the same neighbours and related posts as asking for it alone', () => {
    const links = linkPosts(posts);
    for (const { id } of posts) {
      expect(links.get(id), id).toEqual({
        ...neighbours(posts, id),
        related: relatedPosts(posts, id),
      });
    }
  });

  // Its speed at this size is the bench's to report (npm run bench), not a timed assertion.
  test('link a large blog: each of 1,000 posts gets three related posts', () => {
    const tags = ['Milvus', 'Release', 'Database', 'Cloud', 'RAG', 'Search', 'Kubernetes'];
    const many = Array.from({ length: 1000 }, (_, i) =>
      post(`p${i}`, `2020-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`, [
        tags[i % 7]!,
        tags[(i * 3) % 7]!,
      ]),
    );
    const links = linkPosts(many);
    expect(links.size).toBe(1000);
    expect([...links.values()].every((l) => l.related.length === 3)).toBe(true);
  });
});
