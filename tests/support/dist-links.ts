import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'cheerio';
import { normaliseBase } from '../../src/lib/paths';

export interface SiteLocation {
  /** The deployment base path (`/` or `/milestones/`). */
  base: string;
  /** The site's origin, for absolute URLs in meta tags, feeds and sitemaps. */
  site: string;
}

export interface Reference {
  /** The file it is in, relative to dist/. */
  from: string;
  url: URL;
}

export function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesIn(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** The file in dist/ a URL path is served from, or undefined when there is none (or it is outside the base). */
export function fileFor(dist: string, pathname: string, base: string): string | undefined {
  const prefix = normaliseBase(base);
  if (!pathname.startsWith(prefix)) return undefined;
  const path = join(dist, decodeURIComponent(pathname.slice(prefix.length)));
  for (const candidate of [path, join(path, 'index.html')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Every URL a built file links to or loads: HTML attributes, srcsets, meta tags, CSS url(), feed and sitemap links. */
function referencesIn(dist: string, file: string, { base, site }: SiteLocation): Reference[] {
  const from = relative(dist, file);
  const fileUrl = new URL(
    `${normaliseBase(base)}${from.replace(/(^|\/)index\.html$/, '$1')}`,
    site,
  );
  const text = readFileSync(file, 'utf8');
  const refs: string[] = [];
  if (file.endsWith('.css')) {
    for (const match of text.matchAll(/url\(\s*['"]?([^'")]+)/g)) refs.push(match[1] ?? '');
  } else if (file.endsWith('.xml')) {
    const $ = load(text, { xml: true });
    $('loc, link, url, guid[isPermaLink="true"]').each(
      (_, el) => void refs.push($(el).text().trim()),
    );
    $('[href], [url]').each(
      (_, el) => void refs.push($(el).attr('href') ?? $(el).attr('url') ?? ''),
    );
  } else {
    const $ = load(text);
    // data-still / data-moving: the frames an animation's pause control swaps in.
    for (const attr of ['href', 'src', 'poster', 'data', 'action', 'data-still', 'data-moving'])
      $(`[${attr}]`).each((_, el) => void refs.push($(el).attr(attr) ?? ''));
    for (const attr of ['srcset', 'imagesrcset']) {
      $(`[${attr}]`).each((_, el) => {
        for (const candidate of ($(el).attr(attr) ?? '').split(','))
          refs.push(candidate.trim().split(/\s+/)[0] ?? '');
      });
    }
    $('meta[content^="http"], meta[content^="/"]').each(
      (_, el) => void refs.push($(el).attr('content') ?? ''),
    );
    $('[style], style').each((_, el) => {
      const css = $(el).attr('style') ?? $(el).text();
      for (const match of css.matchAll(/url\(\s*['"]?([^'")]+)/g)) refs.push(match[1] ?? '');
    });
  }
  return refs.filter(Boolean).map((ref) => ({ from, url: new URL(ref, fileUrl) }));
}

export interface LinkReport {
  /** References to the site itself (other origins are never fetched). */
  internal: Reference[];
  /** `page -> url` for each internal reference with no file in dist/ (or outside the base path). */
  missing: string[];
  /** `page -> url#id` for each fragment with no element of that id on its page. */
  brokenFragments: string[];
}

/** Checks every internal link and asset reference in a built site. */
export function checkLinks(dist: string, location: SiteLocation): LinkReport {
  const origin = new URL(location.site).origin;
  const internal = filesIn(dist)
    .filter((file) => /\.(html|xml|css)$/.test(file))
    .flatMap((file) => referencesIn(dist, file, location))
    .filter((ref) => ref.url.origin === origin);
  const shown = (ref: Reference) => `${ref.from} -> ${ref.url.href.slice(origin.length)}`;
  const missing = internal
    .filter((ref) => !fileFor(dist, ref.url.pathname, location.base))
    .map(shown);
  // Each target page's anchors, read once: a page with a table of contents is linked many times.
  const anchors = new Map<string, Set<string>>();
  const anchorsOf = (file: string) => {
    let ids = anchors.get(file);
    if (!ids) {
      const $ = load(readFileSync(file, 'utf8'));
      ids = new Set([
        ...$('[id]')
          .map((_, el) => $(el).attr('id'))
          .get(),
        ...$('a[name]')
          .map((_, el) => $(el).attr('name'))
          .get(),
      ]);
      anchors.set(file, ids);
    }
    return ids;
  };
  const brokenFragments = internal
    .filter((ref) => ref.url.hash.length > 1)
    .filter((ref) => {
      const target = fileFor(dist, ref.url.pathname, location.base);
      if (!target?.endsWith('.html')) return false; // reported as missing
      return !anchorsOf(target).has(decodeURIComponent(ref.url.hash.slice(1)));
    })
    .map(shown);
  return {
    internal,
    missing: [...new Set(missing)],
    brokenFragments: [...new Set(brokenFragments)],
  };
}
