import { readFile } from 'node:fs/promises';
import { site } from '../../../config/site';
import { formatPostDate } from '../../../lib/dates';
import type { CardInput } from './render-card';

const host = new URL(site.url).host;

/** What the card needs of a post (the post model's summary has it). */
export interface CardPost {
  title: string;
  author: string;
  date: Date;
  cover?: { local?: { file: string; carriesTitle: boolean } };
}

/** What a post's share card shows: its title, author and date, and its cover when the site has it. */
export async function postCardInput(post: CardPost): Promise<CardInput> {
  const local = post.cover?.local;
  return {
    title: post.title,
    siteName: site.name,
    byline: `${post.author} · ${formatPostDate(post.date, site.locale)}`,
    host,
    cover: local
      ? { data: await readFile(local.file), carriesTitle: local.carriesTitle }
      : undefined,
  };
}

/** The site-wide card of every page that is not a post. */
export const defaultCardInput: CardInput = {
  title: site.description,
  siteName: site.name,
  byline: site.publisher,
  host,
};
