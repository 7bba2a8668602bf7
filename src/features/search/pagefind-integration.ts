import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * The search index: Pagefind reads the built posts (the `<article data-pagefind-body>` of
 * PostLayout.astro; every other page has none, so it is left out) and writes a chunked index to
 * `dist/pagefind/`, of which a search loads only the chunks its words need. Drafts are never built,
 * so they are never indexed. (Extensions in imports: astro.config.mjs loads this file directly.)
 */

/** Where the index is written, under the site's root. */
export const SEARCH_INDEX_DIR = 'pagefind';

/**
 * Parts of a post page that are not its text: eyebrow, the hero's actions, byline, contents,
 * media controls, the wallpaper card's size list, share controls, footer.
 */
export const NOT_INDEXED = [
  '.eyebrow',
  '.hero-actions',
  '.media-controls',
  '.wallpaper-card',
  '.post-meta',
  '.draft-badge',
  '.toc',
  '.share',
  '.post-footer',
  '.heading-alias',
];

/** What the site's own search page loads; Pagefind also writes ready-made UIs the site does not use. */
const KEPT =
  /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|.*\.pf_meta|wasm\..*\.pagefind|index|fragment|filter)$/;

export function searchIndex(): AstroIntegration {
  return {
    name: 'milestones:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const dist = fileURLToPath(dir);
        const output = join(dist, SEARCH_INDEX_DIR);
        try {
          const { index, errors } = await pagefind.createIndex({ excludeSelectors: NOT_INDEXED });
          if (!index) throw new Error(errors.join('\n'));
          const added = await index.addDirectory({ path: dist });
          if (added.errors.length) throw new Error(added.errors.join('\n'));
          const written = await index.writeFiles({ outputPath: output });
          if (written.errors.length) throw new Error(written.errors.join('\n'));
          for (const name of await readdir(output))
            if (!KEPT.test(name)) await rm(join(output, name), { recursive: true });
          logger.info(
            `read ${added.page_count} pages and wrote the posts' search index in ${((performance.now() - started) / 1000).toFixed(2)} s`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
