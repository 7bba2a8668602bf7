// One page of each type in a built site, found from dist/ itself so the audit, the bench and the
// tests follow the site as its pages change.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';

/** @typedef {{ type: string, path: string }} SitePage */

/** @param {string} dist @param {string} dir @param {string} listPage */
function firstLinked(dist, dir, listPage) {
  const listFile = join(dist, listPage, 'index.html');
  if (existsSync(listFile)) {
    const $ = load(readFileSync(listFile, 'utf8'));
    for (const el of $('main a[href]').toArray()) {
      const href = new URL($(el).attr('href') ?? '', 'http://site/').pathname;
      if (
        href.startsWith(`/${dir}/`) &&
        href !== `/${dir}/` &&
        existsSync(join(dist, decodeURIComponent(href), 'index.html'))
      )
        return href;
    }
  }
  const root = join(dist, dir);
  if (!existsSync(root)) return undefined;
  const first = readdirSync(root, { withFileTypes: true }).find(
    (e) => e.isDirectory() && existsSync(join(root, e.name, 'index.html')),
  );
  return first ? `/${dir}/${encodeURIComponent(first.name)}/` : undefined;
}

/**
 * Home, blog index, the newest post, a tag page, the tag index, the archive, the search page and
 * the 404 page, where they exist.
 * @param {string} dist
 * @returns {SitePage[]}
 */
export function sitePages(dist) {
  /** @type {SitePage[]} */
  const pages = [];
  const add = (/** @type {string} */ type, /** @type {string | undefined} */ path) => {
    if (!path) return;
    const file = path.endsWith('.html')
      ? join(dist, path)
      : join(dist, decodeURIComponent(path), 'index.html');
    if (existsSync(file)) pages.push({ type, path });
  };
  add('home', '/');
  add('blog index', '/blog/');
  add('post', firstLinked(dist, 'blog', 'blog'));
  add('tag', firstLinked(dist, 'tags', 'tags'));
  add('tags index', '/tags/');
  add('archive', '/archive/');
  add('search', '/search/');
  add('404', '/404.html');
  return pages;
}
