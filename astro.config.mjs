// @ts-check
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { markdownPipeline } from './src/features/markdown/pipeline.ts';
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
    processor: unified(markdownPipeline),
    // Shiki runs inside markdownPipeline, with its colours turned into classes (see shiki-classes.ts).
    syntaxHighlight: false,
  },
});
