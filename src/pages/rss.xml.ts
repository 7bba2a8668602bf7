import rss from '@astrojs/rss';
import { getContainerRenderer as mdxRenderer } from '@astrojs/mdx/container-renderer';
import type { APIRoute } from 'astro';
import { render } from 'astro:content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { FEED_NAMESPACES, escapeXml, feedHtml, feedItemExtras } from '../features/feed/feed';
import { withBase } from '../lib/paths';
import { postShareMeta } from '../features/sharing/post-share';
import { getPosts } from '../features/content/posts';
import { site } from '../config/site';

// Full-content RSS 2.0 feed. Items link to the post on this site (what a feed reader opens);
// their share card or cover travels as Media RSS, since covers are remote and an
// <enclosure> would need a byte length we cannot know without fetching them.
export const GET: APIRoute = async (context) => {
  const siteUrl = context.site ?? new URL(site.url);
  const container = await AstroContainer.create({ renderers: await loadRenderers([mdxRenderer()]) });
  const posts = await getPosts();
  const items = await Promise.all(
    posts.map(async (post) => {
      const meta = postShareMeta(post, siteUrl);
      const { Content } = await render(post);
      const html = post.rendered?.html ?? (await container.renderToString(Content));
      const image = post.data.cover ? { url: post.data.cover } : meta.image;
      return {
        title: post.data.title,
        link: meta.ownUrl,
        pubDate: post.data.date,
        description: post.data.desc,
        categories: post.data.tags,
        content: feedHtml(html, meta.ownUrl),
        customData: feedItemExtras(image, meta.article.author),
      };
    }),
  );
  const feedUrl = new URL(withBase(site.feedPath), siteUrl).href;
  return rss({
    title: site.name,
    description: site.description,
    site: new URL(withBase(''), siteUrl).href,
    xmlns: FEED_NAMESPACES,
    customData: `<language>${escapeXml(site.locale)}</language><atom:link href="${escapeXml(feedUrl)}" rel="self" type="application/rss+xml"/>`,
    items,
    trailingSlash: true,
  });
};
