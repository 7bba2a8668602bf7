import { slug } from 'github-slugger';
import { cleanText } from './text';

/** milvus.io's heading id: the heading text with runs of spaces as dashes, case kept (`Special-event`). */
export function milvusHeadingId(text: string): string {
  return text.trim().replace(/\s+/g, '-');
}

/** Punctuation posts often leave out when they link to a milvus.io id (`#How-to-manage-string-data-in-Milvus-21`). */
const DROPPED_IN_LINKS = /[?.,:!]/g;

/**
 * The ids a link to a heading may be written with, besides its slug: milvus.io's id, and the same
 * without `?`, `.`, `,`, `:` and `!`.
 */
export function milvusHeadingIds(text: string): string[] {
  return [
    ...new Set([milvusHeadingId(text), milvusHeadingId(text.replace(DROPPED_IN_LINKS, ''))]),
  ].filter(Boolean);
}

export interface HeadingTargets {
  /** The github slug (what Astro's `headings` and the table of contents use). */
  id: string;
  /** milvus.io-style ids that land on the same heading. */
  aliases: string[];
}

/**
 * Where links to the post's title land: the page's `<h1>` (the layout's) carries these, since the
 * body's own copy of the title is dropped and tables of contents written for milvus.io link to it.
 */
export function titleTargets(title: string): HeadingTargets {
  const text = cleanText(title);
  const id = slug(text) || 'title';
  return { id, aliases: milvusHeadingIds(text).filter((alias) => alias !== id) };
}
