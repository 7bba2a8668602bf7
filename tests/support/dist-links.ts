import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { load } from 'cheerio';

const REFERENCE_ATTRIBUTES = ['href', 'src', 'srcset', 'poster', 'action', 'data'];

export async function builtPages(dist: string): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

function fileFor(dist: string, pathname: string): string | undefined {
  const path = join(dist, decodeURIComponent(pathname));
  for (const candidate of [path, join(path, 'index.html'), `${path}.html`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/**
 * Every reference in the built pages to the site itself (links, images, scripts, styles, srcset
 * candidates) that is outside the base path or has no file in `dist/`. External URLs are not fetched.
 */
export async function brokenReferences(dist: string, { base = '/', site }: { base?: string; site: string }): Promise<string[]> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const origin = new URL(site).origin;
  const broken: string[] = [];
  for (const page of await builtPages(dist)) {
    const $ = load(await readFile(page, 'utf8'));
    const pageUrl = new URL(`${prefix}${relative(dist, page).replace(/index\.html$/, '')}`, origin);
    const references = new Set<string>();
    for (const attribute of REFERENCE_ATTRIBUTES) {
      $(`[${attribute}]`).each((_, element) => {
        const value = $(element).attr(attribute) ?? '';
        const urls = attribute === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
        for (const url of urls) if (url && !url.startsWith('#')) references.add(url);
      });
    }
    for (const reference of references) {
      let url: URL;
      try {
        url = new URL(reference, pageUrl);
      } catch {
        broken.push(`${relative(dist, page)}: unparsable ${reference}`);
        continue;
      }
      if (url.origin !== origin) continue;
      if (!url.pathname.startsWith(prefix)) broken.push(`${relative(dist, page)}: ${reference} is outside ${prefix}`);
      else if (!fileFor(dist, url.pathname.slice(prefix.length))) broken.push(`${relative(dist, page)}: ${reference} has no file`);
    }
  }
  return broken;
}
