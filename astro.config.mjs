// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { markdownPipeline } from './src/lib/markdown/index.ts';
import { site } from './src/lib/site.ts';

export default defineConfig({
  site: site.url,
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  // HTML-aware compression keeps the spaces around inline elements ("Click <a>here</a> to").
  compressHTML: true,
  integrations: [mdx()],
  markdown: {
    processor: unified(markdownPipeline),
    shikiConfig: {
      // The -default variants: github-light/github-dark token colours fail WCAG AA contrast (axe).
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
    },
  },
});
