import { readFileSync } from 'node:fs';
import type { PostSummary } from '../../content/posts';
import { formatPostDate } from '../../content/dates';
import type { SiteConfig } from '../../../config/site';
import { renderShareCard, type ShareCard, type ShareCardInput } from './card';

function host(site: SiteConfig): string {
  return new URL(site.url).host;
}

export function postCardInput(post: PostSummary, site: SiteConfig): ShareCardInput {
  const coverFile = post.cover?.local?.file;
  return {
    title: post.title,
    eyebrow: site.name,
    footer: `${post.author} · ${formatPostDate(post.date, site.locale)}`,
    corner: host(site),
    cover: coverFile ? readFileSync(coverFile) : undefined,
  };
}

export function defaultCardInput(site: SiteConfig): ShareCardInput {
  return { title: site.description, eyebrow: site.name, footer: site.publisher, corner: host(site) };
}

export async function renderPostCard(post: PostSummary, site: SiteConfig): Promise<ShareCard> {
  const card = await renderShareCard(postCardInput(post, site));
  if (card.missing.length) {
    // The card still builds; the reader of the log learns which characters no bundled font has.
    console.warn(`[share-image] ${post.id}: no bundled font draws ${card.missing.map((c) => JSON.stringify(c)).join(' ')}; left out of the card`);
  }
  return card;
}
