import { tagSlug } from '../../lib/paths';

interface Dated {
  id: string;
  date: Date;
  title: string;
  tags: string[];
}

/** Newest first; posts of the same day by title, so the order never depends on file-system order. */
export function sortNewestFirst<T extends Dated>(posts: readonly T[]): T[] {
  return [...posts].sort(
    (a, b) => b.date.getTime() - a.date.getTime() || a.title.localeCompare(b.title),
  );
}

export interface TagGroup<T> {
  slug: string;
  /** The spelling used by the newest post carrying the tag. */
  label: string;
  posts: T[];
}

/** Groups posts by tag slug, so `Data Science` and `data science` share one page, each post listed once. */
export function groupByTag<T extends Dated>(posts: readonly T[]): TagGroup<T>[] {
  const groups = new Map<string, TagGroup<T>>();
  for (const post of sortNewestFirst(posts)) {
    for (const tag of post.tags) {
      const slug = tagSlug(tag);
      const group = groups.get(slug) ?? { slug, label: tag, posts: [] };
      if (group.posts.at(-1) === post) continue;
      group.posts.push(post);
      groups.set(slug, group);
    }
  }
  return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label));
}
