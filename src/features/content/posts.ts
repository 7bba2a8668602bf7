import { getCollection, type CollectionEntry } from 'astro:content';
import { sortNewestFirst } from './post-list';

export type Post = CollectionEntry<'blog'>;

/** Every post, newest first. */
export async function getPosts(): Promise<Post[]> {
  return sortNewestFirst(await getCollection('blog'));
}
