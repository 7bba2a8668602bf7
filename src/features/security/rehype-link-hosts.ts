import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { siteUrl } from '../../lib/paths';

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/**
 * A link with no scheme that a browser still reads as another host: `//evil.example`, and the
 * spellings that only look like paths (`/\evil.example`, `\\evil.example`, a tab inside `//`), since
 * browsers treat `\` as `/` and drop tabs and newlines in URLs. Each is written out as the absolute
 * URL the browser would follow, so it gets the external-link treatment (rehype-external-links) and
 * reads as what it is. Links that stay on the site are left as written.
 */
export function rehypeLinkHosts({ page = siteUrl('blog/') }: { page?: string } = {}) {
  const origin = new URL(page).origin;
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string' || SCHEME.test(href.trim())) return;
      let url: URL;
      try {
        url = new URL(href, page);
      } catch {
        return;
      }
      if (url.origin !== origin) node.properties.href = url.href;
    });
  };
}
