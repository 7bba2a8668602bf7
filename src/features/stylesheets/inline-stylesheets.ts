import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { base, withBase } from '../../lib/paths';

/**
 * Each page's stylesheets inline, in one `<style>` in its `<head>`. A linked stylesheet blocks first
 * paint for a request of its own: on a phone that round trip put the post's first paint and its cover
 * behind a page with inline CSS. Vite splits the site's CSS by the components each page
 * uses; after the build, each run of consecutive stylesheet links into `_astro/` becomes one `<style>`
 * holding their concatenation in the same order (the cascade is unchanged). Pages of one kind carry
 * the same text, so the site has a handful of distinct blocks, each allowed by its hash in the one
 * policy (src/features/security/headers-integration.ts reads them from the built pages).
 * The code colours' stylesheet (only pages with code link it) stays a cached file.
 */

/** A stylesheet link as Astro writes it. */
const LINK = /<link rel="stylesheet" href="([^"]+)"\s*\/?>/g;
/** Files never inlined: the code colours' stylesheet is linked by pages with code alone. */
const KEEP_APART = /^code-theme\./;

export interface InlinedPage {
  html: string;
  /** `_astro/` files the page no longer links. */
  inlined: string[];
}

/** The `_astro/` file name a link points at, or undefined for any other stylesheet. */
function astroFile(href: string, onto: string): string | undefined {
  const prefix = withBase('_astro/', onto);
  if (!href.startsWith(prefix)) return undefined;
  const name = href.slice(prefix.length);
  return /^[^/?#]+\.css$/.test(name) && !KEEP_APART.test(name) ? name : undefined;
}

/**
 * Rewrites each run of consecutive `_astro/` stylesheet links (only whitespace between them) into
 * one `<style>` with their CSS. `onto` is the site's base path; `read` returns a file's CSS by its
 * name in `_astro/`.
 */
export function inlineStylesheetRuns(
  html: string,
  onto: string,
  read: (name: string) => string,
): InlinedPage {
  const inlined: string[] = [];
  const links = [...html.matchAll(LINK)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    file: astroFile(m[1] ?? '', onto),
  }));
  /** Runs of adjacent links into `_astro/`. */
  const runs: (typeof links)[] = [];
  for (const link of links) {
    const run = runs.at(-1);
    const previous = run?.at(-1);
    if (link.file && run && previous?.file && /^\s*$/.test(html.slice(previous.end, link.start)))
      run.push(link);
    else runs.push([link]);
  }
  let out = html;
  // From the end, so earlier offsets stay valid.
  for (const run of runs.filter((r) => r.every((l) => l.file)).reverse()) {
    const files = run.map((l) => l.file as string);
    const css = files.map((file) => read(file).trim()).join('\n');
    // The HTML parser would end the element there; Vite's minified CSS never writes it unescaped.
    if (/<\/style/i.test(css))
      throw new Error(
        `inline-stylesheets: ${files.join(', ')} contain "</style", which cannot be inlined`,
      );
    inlined.push(...files);
    out = `${out.slice(0, run[0]!.start)}<style>${css}</style>${out.slice(run.at(-1)!.end)}`;
  }
  return { html: out, inlined };
}

/** Astro integration: inlines each page's stylesheets after the build (see above). */
export function inlineStylesheets(): AstroIntegration {
  return {
    name: 'inline-stylesheets',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const assets = join(root, '_astro');
        const cache = new Map<string, string>();
        const read = (name: string) => {
          const css = cache.get(name);
          if (css === undefined) throw new Error(`inline-stylesheets: _astro/${name} was not read`);
          return css;
        };
        for (const name of (await readdir(assets)).filter((n) => n.endsWith('.css')))
          cache.set(name, await readFile(join(assets, name), 'utf8'));
        const pages = (await readdir(root, { recursive: true, withFileTypes: true }))
          .filter((e) => e.isFile() && e.name.endsWith('.html'))
          .map((e) => join(e.parentPath, e.name));
        const inlined = new Set<string>();
        for (const page of pages) {
          const result = inlineStylesheetRuns(await readFile(page, 'utf8'), base, read);
          result.inlined.forEach((name) => inlined.add(name));
          if (result.inlined.length) await writeFile(page, result.html);
        }
        // Every page carries these inline now: no page links them.
        await Promise.all([...inlined].map((name) => rm(join(assets, name))));
        if (inlined.size) logger.info(`${pages.length} pages: ${inlined.size} stylesheets inlined`);
      },
    },
  };
}
