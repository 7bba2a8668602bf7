import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** What an empty link to `href` says: the host of a web URL, the address of a mail link, else the URL as written. */
export function linkLabel(href: string): string {
  try {
    const url = new URL(href);
    if (url.protocol === 'mailto:') return decodeURIComponent(url.pathname);
    if (url.host) return url.host.replace(/^www\./, '');
  } catch {
    // relative: shown as written
  }
  return href;
}

function hasDescribedImage(node: Element): boolean {
  return node.children.some(
    (child: ElementContent) =>
      child.type === 'element' &&
      ((child.tagName === 'img' && String(child.properties.alt ?? '').trim() !== '') ||
        hasDescribedImage(child)),
  );
}

/**
 * `[](https://example.com)` renders a link with no name: invisible, and announced as nothing. It gets
 * its URL's host as text (`example.com`).
 */
export function rehypeEmptyLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (
        node.tagName !== 'a' ||
        typeof node.properties.href !== 'string' ||
        !node.properties.href.trim()
      )
        return;
      if (toString(node).trim() || hasDescribedImage(node)) return;
      node.children.push({ type: 'text', value: linkLabel(node.properties.href) });
    });
  };
}
