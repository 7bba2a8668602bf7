import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * One stylesheet per page instead of Vite's shared chunks. Vite splits the site's CSS by the
 * components each page uses, so a post linked four files that all block its first paint; on a phone
 * each one after the first waits for a connection of its own (a round trip to open it, one to ask),
 * which put the post's first paint and its cover well behind a page with a single stylesheet
 * (issue #12). After the build, each run of consecutive stylesheet links into `_astro/` becomes one
 * link to their concatenation, in the same order (the cascade is unchanged), named by its content's
 * hash; pages linking the same run share the file, which stays cached for a year like any other.
 * The code colours' stylesheet (only pages with code link it) stays its own file.
 */

/** A stylesheet link as Astro writes it. */
const LINK = /<link rel="stylesheet" href="([^"]+)"\s*\/?>/g;
/** Files never merged: the code colours' stylesheet is linked by pages with code alone. */
const KEEP_APART = /^code-theme\./;

export interface MergedPage {
  html: string;
  /** Merged stylesheets this page now links: file name in `_astro/` → contents. */
  created: Map<string, string>;
  /** `_astro/` files the page no longer links. */
  replaced: string[];
}

/** The `_astro/` file name a link points at, or undefined for any other stylesheet. */
function astroFile(href: string, base: string): string | undefined {
  const prefix = `${base.replace(/\/?$/, '/')}_astro/`;
  if (!href.startsWith(prefix)) return undefined;
  const name = href.slice(prefix.length);
  return /^[^/?#]+\.css$/.test(name) && !KEEP_APART.test(name) ? name : undefined;
}

/** The merged file's name: its content's hash, as Vite names files (8 URL-safe characters). */
export function mergedName(css: string): string {
  return `styles.${createHash('sha256').update(css).digest('base64url').slice(0, 8)}.css`;
}

/**
 * Rewrites a page's runs of two or more consecutive `_astro/` stylesheet links (only whitespace
 * between them) into one link each. `read` returns a file's CSS by its name in `_astro/`.
 */
export function mergeStylesheetRuns(html: string, base: string, read: (name: string) => string): MergedPage {
  const created = new Map<string, string>();
  const replaced: string[] = [];
  const links = [...html.matchAll(LINK)].map((m) => ({ start: m.index, end: m.index + m[0].length, file: astroFile(m[1] ?? '', base) }));
  /** Runs of adjacent mergeable links. */
  const runs: (typeof links)[] = [];
  for (const link of links) {
    const run = runs.at(-1);
    const previous = run?.at(-1);
    if (link.file && run && previous?.file && /^\s*$/.test(html.slice(previous.end, link.start))) run.push(link);
    else runs.push([link]);
  }
  let out = html;
  // From the end, so earlier offsets stay valid.
  for (const run of runs.filter((r) => r.length > 1 && r.every((l) => l.file)).reverse()) {
    const files = run.map((l) => l.file as string);
    const css = files.map((file) => read(file).trim()).join('\n');
    const name = mergedName(css);
    created.set(name, css);
    replaced.push(...files);
    const first = run[0]!;
    const last = run.at(-1)!;
    out = `${out.slice(0, first.start)}<link rel="stylesheet" href="${base.replace(/\/?$/, '/')}_astro/${name}">${out.slice(last.end)}`;
  }
  return { html: out, created, replaced };
}

/** Astro integration: merges each page's stylesheets after the build (see above). */
export function mergeStylesheets(): AstroIntegration {
  let base = '/';
  return {
    name: 'merge-stylesheets',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const assets = join(root, '_astro');
        const cache = new Map<string, string>();
        const read = (name: string) => {
          const css = cache.get(name);
          if (css === undefined) throw new Error(`merge-stylesheets: _astro/${name} was not read`);
          return css;
        };
        for (const name of (await readdir(assets)).filter((n) => n.endsWith('.css'))) cache.set(name, await readFile(join(assets, name), 'utf8'));
        const pages = (await readdir(root, { recursive: true, withFileTypes: true }))
          .filter((e) => e.isFile() && e.name.endsWith('.html'))
          .map((e) => join(e.parentPath, e.name));
        const written = new Set<string>();
        const replaced = new Set<string>();
        const stillLinked = new Set<string>();
        for (const page of pages) {
          const merged = mergeStylesheetRuns(await readFile(page, 'utf8'), base, read);
          for (const [name, css] of merged.created) {
            if (!written.has(name)) await writeFile(join(assets, name), `${css}\n`);
            written.add(name);
          }
          merged.replaced.forEach((name) => replaced.add(name));
          for (const m of merged.html.matchAll(LINK)) {
            const name = astroFile(m[1] ?? '', base);
            if (name) stillLinked.add(name);
          }
          if (merged.replaced.length) await writeFile(page, merged.html);
        }
        // A chunk every page now reads from a merged file is not served.
        const unused = [...replaced].filter((name) => !stillLinked.has(name));
        await Promise.all(unused.map((name) => rm(join(assets, name))));
        if (written.size) {
          logger.info(`${pages.length} pages: ${replaced.size} stylesheets merged into ${written.size} (${[...written].join(', ')})`);
        }
      },
    },
  };
}
