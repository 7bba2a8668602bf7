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

export interface PostLinks<T> extends Neighbours<T> {
  /** Other posts sharing a tag: most shared tags first, then newest first. */
  related: T[];
}

/**
 * For every post: the posts either side of it in publication order, and up to `limit` other posts
 * sharing at least one tag (tags compared by slug, so `Data Science` matches `data science`), most
 * shared tags first, then newest first. One sort and one slug per tag for the whole site, so 1,000
 * posts take milliseconds (comparing each pair is the only quadratic step).
 */
export function linkPosts<T extends Dated>(
  posts: readonly T[],
  limit = 3,
): Map<string, PostLinks<T>> {
  const newestFirst = sortNewestFirst(posts);
  const slugs = newestFirst.map((post) => new Set(post.tags.map(tagSlug)));
  const links = new Map<string, PostLinks<T>>();
  newestFirst.forEach((post, index) => {
    const own = slugs[index]!;
    const scored: Array<{ post: T; score: number }> = [];
    if (own.size > 0) {
      newestFirst.forEach((other, j) => {
        if (j === index) return;
        let score = 0;
        for (const slug of slugs[j]!) if (own.has(slug)) score++;
        if (score > 0) scored.push({ post: other, score });
      });
    }
    links.set(post.id, {
      next: newestFirst[index - 1],
      previous: newestFirst[index + 1],
      related: scored
        .sort((a, b) => b.score - a.score) // stable: ties stay newest first
        .slice(0, limit)
        .map(({ post: other }) => other),
    });
  });
  return links;
}

function linksOf<T extends Dated>(posts: readonly T[], id: string, limit?: number): PostLinks<T> {
  const links = linkPosts(posts, limit).get(id);
  if (!links) throw new Error(`Post "${id}" is not in the list of posts`);
  return links;
}

/** The posts either side of `id` in publication order. Throws if `id` is not among `posts`. */
export function neighbours<T extends Dated>(posts: readonly T[], id: string): Neighbours<T> {
  const { previous, next } = linksOf(posts, id);
  return { next, previous };
}

/** Up to `limit` other posts sharing at least one tag with `id` (see `linkPosts`). */
export function relatedPosts<T extends Dated>(posts: readonly T[], id: string, limit = 3): T[] {
  return linksOf(posts, id, limit).related;
}
