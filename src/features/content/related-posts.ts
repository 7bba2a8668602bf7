import { sortNewestFirst } from './post-list';
import { tagSlug } from '../../lib/paths';

interface Dated {
  id: string;
  date: Date;
  title: string;
  tags: string[];
}

export interface Neighbours<T> {
  /** The post published just before this one, if any. */
  previous?: T;
  /** The post published just after this one, if any. */
  next?: T;
}

/** The posts either side of `id` in publication order. Throws if `id` is not among `posts`. */
export function neighbours<T extends Dated>(posts: readonly T[], id: string): Neighbours<T> {
  const newestFirst = sortNewestFirst(posts);
  const index = newestFirst.findIndex((post) => post.id === id);
  if (index === -1) throw new Error(`Post "${id}" is not in the list of posts`);
  return { next: newestFirst[index - 1], previous: newestFirst[index + 1] };
}

/**
 * Up to `limit` other posts sharing at least one tag with `id` (tags compared by slug, so
 * `Data Science` matches `data science`): most shared tags first, then newest first.
 */
export function relatedPosts<T extends Dated>(posts: readonly T[], id: string, limit = 3): T[] {
  const current = posts.find((post) => post.id === id);
  if (!current) throw new Error(`Post "${id}" is not in the list of posts`);
  const tags = new Set(current.tags.map(tagSlug));
  const shared = (post: T) => new Set(post.tags.map(tagSlug).filter((tag) => tags.has(tag))).size;
  return sortNewestFirst(posts)
    .filter((post) => post.id !== id)
    .map((post) => ({ post, score: shared(post) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score) // stable: ties stay newest first
    .slice(0, limit)
    .map(({ post }) => post);
}
