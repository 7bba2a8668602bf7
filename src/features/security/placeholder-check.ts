import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The attribute astro:assets puts where a markdown picture goes, until the page renders it. */
const PLACEHOLDER = /__astro_image_/i;
/** Files a placeholder could be written into: pages, the feed, the sitemap, scripts and styles. */
const TEXT_FILE = /\.(html|xml|json|txt|css|js|mjs)$/;

/** The files under `dir` (relative paths) whose text carries an astro:assets placeholder. */
export async function filesWithPlaceholders(dir: string): Promise<string[]> {
  const files = (await readdir(dir, { recursive: true, encoding: 'utf8' })).filter((file) =>
    TEXT_FILE.test(file),
  );
  const leaks: string[] = [];
  for (const file of files.sort())
    if (PLACEHOLDER.test(await readFile(join(dir, file), 'utf8'))) leaks.push(file);
  return leaks;
}

/**
 * Fails the build when a picture was left unresolved anywhere in dist/: a placeholder is an `<img>`
 * with no `src`, which shows nothing and publishes the picture's path (a feed rendered from a
 * post's stored HTML did this; rss.xml.ts now renders each post as its page does).
 */
export function placeholderCheck(): AstroIntegration {
  return {
    name: 'milestones:placeholder-check',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const leaks = await filesWithPlaceholders(fileURLToPath(dir));
        if (leaks.length)
          throw new Error(
            `These built files hold astro:assets image placeholders (__astro_image_) instead of pictures: ${leaks.join(', ')}. Render the post through render(entry) (its stored HTML is not final).`,
          );
      },
    },
  };
}
