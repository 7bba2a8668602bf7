import rss from '@astrojs/rss';
import { getContainerRenderer as mdxRenderer } from '@astrojs/mdx/container-renderer';
import type { APIRoute } from 'astro';
import { render } from 'astro:content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { site } from '../config/site';
import {
  cappedItemHtml,
  FEED_NAMESPACES,
  escapeXml,
  feedEnclosure,
  feedHtml,
  feedItemExtras,
} from '../features/feed/feed';
import { feedPicture, feedPosts } from '../features/feed/feed-picture';
import { sanitizeHtml } from '../features/security/rehype-sanitize-post';
import { feedPath, siteUrl } from '../lib/paths';
import { siteLogo } from '../features/sharing/post-share';

// RSS 2.0 with the newest `site.feedItems` posts in full (a feed of every post in full grows by
// tens of kilobytes a post). Items link to the post on this site; their picture (feed-picture.ts)
// travels as Media RSS and, when it is a file on this site, as the enclosure.
export const GET: APIRoute = async () => {
  const container = await AstroContainer.create({
    renderers: await loadRenderers([mdxRenderer()]),
  });
  const posts = await feedPosts();
  const items = await Promise.all(
    posts.map(async (post) => {
      // Every post is rendered as its page renders it: a markdown post's stored HTML still holds
      // astro:assets placeholders where its local pictures go. Markdown posts were sanitised by the
      // pipeline; MDX posts are sanitised here.
      const rendered = await container.renderToString((await render(post.entry)).Content);
      const html = post.entry.rendered ? rendered : sanitizeHtml(rendered);
      const image = await feedPicture(post);
      return {
        title: post.title,
        link: post.url,
        pubDate: post.date,
        description: post.description,
        categories: post.tags,
        content: cappedItemHtml(feedHtml(html, post.url), {
          url: post.url,
          summary: post.description,
        }),
        enclosure: feedEnclosure(image),
        customData: feedItemExtras(image, post.author),
      };
    }),
  );
  return rss({
    title: site.name,
    description: site.description,
    site: siteUrl(''),
    xmlns: FEED_NAMESPACES,
    customData: [
      `<language>${escapeXml(site.locale)}</language>`,
      `<image><url>${escapeXml(siteLogo.url)}</url><title>${escapeXml(site.name)}</title><link>${escapeXml(siteUrl(''))}</link></image>`,
      `<atom:link href="${escapeXml(siteUrl(feedPath))}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
    items,
    trailingSlash: true,
  });
};
