import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { base } from '../../lib/paths';

const CANONICAL = /<link rel="canonical" href="([^"]+)"/;
const NOINDEX = /<meta name="robots" content="[^"]*noindex/;

/**
 * Whether the sitemap lists a page: only pages whose canonical URL is the page itself and that
 * may be indexed. A syndicated post (canonical on milvus.io) is the original's to list; the 404
 * and the Mastodon share pages say noindex. Read from the built HTML, the single source of both.
 */
export function listedInSitemap(pageUrl: string, dist: string): boolean {
  const path = decodeURIComponent(new URL(pageUrl).pathname).slice(base.length);
  let html: string;
  try {
    html = readFileSync(
      join(dist, path, path === '' || path.endsWith('/') ? 'index.html' : ''),
      'utf8',
    );
  } catch {
    return false;
  }
  return !NOINDEX.test(html) && CANONICAL.exec(html)?.[1] === pageUrl;
}
