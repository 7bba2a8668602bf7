// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { createMarkdownPipeline } from './src/features/markdown/pipeline.ts';
import { POSTS_DIR, readPostNames } from './src/features/content/post-files.ts';
import { securityHeadersFile } from './src/features/security/headers-integration.ts';
import { placeholderCheck } from './src/features/security/placeholder-check.ts';
import { codeThemeStylesheet } from './src/features/code/code-theme-stylesheet.ts';
import { inlineStylesheets } from './src/features/stylesheets/inline-stylesheets.ts';
import { site } from './src/config/site.ts';
import { base } from './src/lib/paths.ts';
import { searchIndex } from './src/features/search/pagefind-integration.ts';
import { listedInSitemap } from './src/features/sharing/sitemap-filter.ts';
import { mediaNote } from './src/features/media-pull/media-integration.ts';

export default defineConfig({
  site: site.url,
  base,
  trailingSlash: 'always',
  // Scoped styles mark elements with a class rather than a data attribute: the same specificity
  // in fewer bytes, on every page's first round trip.
  scopedStyleStrategy: 'class',
  // Two routes writing the same page (a post named `2` and page 2 of /blog/) fail the build.
  prerenderConflictBehavior: 'error',
  // HTML-aware compression keeps the spaces around inline elements ("Click <a>here</a> to").
  compressHTML: true,
  // One Content-Security-Policy for every page (src/features/security/security.ts, written by
  // BaseLayout as the first <meta> after the charset): so no per-page inline code. Styles are
  // files in _astro/ until the build is done; then each page's are inlined into its <head>
  // (inline-stylesheets.ts) and the policy allows them by hash (headers-integration.ts).
  // Four pages at a time: a share card or media file spends most of its time in sharp, off the main
  // thread, which can render the next pages meanwhile (`npm run bench` shows the build time).
  build: { inlineStylesheets: 'never', concurrency: 4 },
  vite: {
    plugins: [codeThemeStylesheet()],
    build: {
      // Component scripts stay files in _astro/ too (script-src 'self'); other assets keep Vite's default.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
    },
  },
  integrations: [
    mdx(),
    // No render-blocking stylesheet request: Vite's CSS chunks, inlined after the build.
    inlineStylesheets(),
    // After the inlining: completes the pages' policy with the inline stylesheets' hashes.
    securityHeadersFile(),
    // No unresolved picture (an astro:assets placeholder) in any built file.
    placeholderCheck(),
    // The posts' search index, read from the built pages (so only what is published).
    searchIndex(),
    // One line: how many remote media files have no local copy, and the command that fetches them.
    mediaNote(),
    sitemap({
      filter: (page) => listedInSitemap(page, fileURLToPath(new URL('./dist/', import.meta.url))),
    }),
  ],
  markdown: {
    // The posts are read once here so links between them can point at this site's pages; the
    // list is part of the config, so adding a post re-renders the cached posts that link to it.
    // Drafts are published by `astro dev` only (Astro sets NODE_ENV before it reads this file).
    processor: unified(
      createMarkdownPipeline(
        readPostNames(fileURLToPath(new URL(`./${POSTS_DIR}/`, import.meta.url)), {
          showDrafts: process.env.NODE_ENV === 'development',
        }),
      ),
    ),
    // Shiki runs inside markdownPipeline, with its colours turned into classes (see shiki-classes.ts).
    syntaxHighlight: false,
  },
});
