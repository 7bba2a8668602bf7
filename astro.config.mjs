// @ts-check
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { createMarkdownPipeline } from './src/features/markdown/pipeline.ts';
import { POSTS_DIR, readKnownPosts } from './src/features/content/post-files.ts';
import { katexWoff2Only } from './src/features/math/katex-fonts.ts';
import { securityHeadersFile } from './src/features/security/headers-integration.ts';
import { cspDirectives, cspHash } from './src/features/security/security.ts';
import { site } from './src/config/site.ts';
import { base } from './src/lib/paths.ts';
import { listedInSitemap } from './src/features/sharing/sitemap-filter.ts';

export default defineConfig({
  site: site.url,
  base,
  trailingSlash: 'always',
  // HTML-aware compression keeps the spaces around inline elements ("Click <a>here</a> to").
  compressHTML: true,
  // All CSS inline: first paint needs no second request, and Astro hashes each <style> for the CSP.
  build: { inlineStylesheets: 'always' },
  vite: {
    plugins: [katexWoff2Only()],
    // Fonts stay files: the policy's font-src is 'self', which a data: URL is not. Scripts under
    // 1 KB are inlined in the page; larger ones (the post's media enhancements) are files of their
    // own: cached across posts, deferred, and kept out of the HTML's first-paint budget.
    build: {
      assetsInlineLimit: (file, content) => (/\.woff2?$/.test(file) ? false : /\.js$/.test(file) ? content.byteLength < 1024 : undefined),
    },
  },
  integrations: [
    mdx(),
    securityHeadersFile(),
    sitemap({ filter: (page) => listedInSitemap(page, fileURLToPath(new URL('./dist/', import.meta.url))) }),
  ],
  security: {
    csp: {
      directives: cspDirectives({ forHeader: false }),
      // The no-flash theme script is inlined as written (is:inline), so Astro cannot hash it itself.
      scriptDirective: { hashes: [cspHash(readFileSync('./src/scripts/theme-init.js', 'utf8'))] },
    },
  },
  markdown: {
    // The posts are read once here so links between them can point at this site's pages; the
    // list is part of the config, so adding a post re-renders the cached posts that link to it.
    processor: unified(createMarkdownPipeline({ posts: readKnownPosts(fileURLToPath(new URL(`./${POSTS_DIR}/`, import.meta.url))) })),
    // Shiki runs inside markdownPipeline, with its colours turned into classes (see shiki-classes.ts).
    syntaxHighlight: false,
  },
});
