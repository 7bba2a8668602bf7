import { getCollection, type CollectionEntry } from 'astro:content';
import { site } from '../../config/site';
import { absoluteUrl, postPath } from '../../lib/paths';
import { resolveCover, type Cover } from '../cover/cover';
import { coverAltFromMarkdown } from '../cover/remark-lead-duplicates';
import { postShare, type PostShare } from '../sharing/post-share';
import { titleTargets, type HeadingTargets } from '../../lib/heading-ids';
import { htmlExcerpt } from './excerpt';
import { sortNewestFirst } from './post-list';
import { readingMinutes } from './reading-time';
import { linkPosts } from './related-posts';

export type PostEntry = CollectionEntry<'blog'>;

/** Everything a page shows about a post, computed once per build. */
export interface PostSummary {
  id: string;
  /** The collection entry, for `render()`. */
  entry: PostEntry;
  title: string;
  author: string;
  date: Date;
  /** The post's `desc`, else its opening paragraphs (Markdown posts), else undefined. */
  description?: string;
  tags: string[];
  /** Site path, with the base. */
  path: string;
  /** Absolute URL of this page: what every share carries. */
  url: string;
  cover?: Cover;
  readingMinutes: number;
  /** Whether the body has highlighted code (the page then loads the code colours). */
  hasCode: boolean;
  /** Whether the body has `$$` math, typeset by KaTeX (the page then loads KaTeX's stylesheet and fonts). */
  hasMath: boolean;
  /** Ids of the page's `<h1>`: links written to the body's own copy of the title land there. */
  titleTargets: HeadingTargets;
  share: PostShare;
}

export interface Post extends PostSummary {
  previous?: PostSummary;
  next?: PostSummary;
  related: PostSummary[];
}

const CODE_FENCE = /^ {0,3}(```|~~~)/m;
/** KaTeX's root class in rendered HTML; an MDX post (not rendered yet) is judged by its `$$`. */
const KATEX = /class="katex[" ]/;

async function summarise(entry: PostEntry): Promise<PostSummary> {
  const { title, desc, date, updated, tags, cover, canonicalUrl } = entry.data;
  const author = entry.data.author ?? site.defaultAuthor;
  const body = entry.body ?? '';
  const path = postPath(entry.id);
  const url = absoluteUrl(path);
  return {
    id: entry.id,
    entry,
    title,
    author,
    date,
    description: desc ?? (entry.rendered?.html ? htmlExcerpt(entry.rendered.html) : undefined),
    tags,
    path,
    url,
    cover: resolveCover(
      cover,
      (cover && coverAltFromMarkdown(body, { title, cover })) || title,
      entry.data.coverImage,
    ),
    readingMinutes: readingMinutes(body, site.wordsPerMinute),
    hasCode: CODE_FENCE.test(body) || /<pre[\s>]/.test(entry.rendered?.html ?? ''),
    hasMath: entry.rendered ? KATEX.test(entry.rendered.html) : body.includes('$$'),
    titleTargets: titleTargets(title),
    share: postShare({ id: entry.id, title, desc, author, date, updated, tags, canonicalUrl, url }),
  };
}

async function buildPosts(entries: PostEntry[]): Promise<Post[]> {
  const summaries = sortNewestFirst(await Promise.all(entries.map(summarise)));
  const links = linkPosts(summaries, 3);
  return summaries.map((summary) => ({ ...summary, ...links.get(summary.id)! }));
}

let cache: { key: string; posts: Promise<Post[]> } | undefined;

/**
 * Every post, newest first, each built once per build: pages receive these through
 * `getStaticPaths` props or this call and never query the collection themselves. The cache key
 * is the entries' content digests, so `astro dev` rebuilds the models when a post changes.
 */
export async function getPosts(): Promise<Post[]> {
  const entries = await getCollection('blog');
  const key = entries.map((entry) => `${entry.id}:${entry.digest}`).join('\n');
  if (cache?.key !== key) cache = { key, posts: buildPosts(entries) };
  return cache.posts;
}
