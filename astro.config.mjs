// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { markdownPipeline } from './src/lib/markdown/index.ts';
import { site } from './src/lib/site.ts';

export default defineConfig({
  site: site.url,
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  // HTML-aware compression keeps the spaces around inline elements ("Click <a>here</a> to").
  compressHTML: true,
  // The sitemap lists readable pages: not the 404 or the per-post Mastodon share pages.
  integrations: [mdx(), sitemap({ filter: (page) => !/\/(404|share)\//.test(new URL(page).pathname) })],
  markdown: {
    processor: unified(markdownPipeline),
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
    },
  },
});
