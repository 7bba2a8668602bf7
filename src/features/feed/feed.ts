import type { Element, Nodes, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';

/**
 * Post HTML made fit for a feed: feed readers show it out of the site, so every link and image
 * must be absolute, and nothing may run (no scripts, styles, event handlers or `javascript:`).
 */

// Buttons are the page's own controls (pause, copy); in a feed reader they would be dead text.
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta', 'button']);
const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite', 'action'] as const;

function absolute(value: string, base: string): string | undefined {
  try {
    const url = new URL(value.trim(), base);
    return /^(https?|mailto):$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function absoluteSrcset(value: string, base: string): string {
  return value
    .split(',')
    .map((candidate) => {
      const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
      const resolved = absolute(url, base);
      return resolved ? [resolved, ...descriptor].join(' ') : '';
    })
    .filter(Boolean)
    .join(', ');
}

function cleanElement(element: Element, base: string): RootContent | undefined {
  if (DROPPED.has(element.tagName)) return undefined;
  const props = element.properties;
  for (const key of Object.keys(props)) {
    if (/^on/i.test(key)) delete props[key];
  }
  for (const key of URL_ATTRIBUTES) {
    const value = props[key];
    if (typeof value !== 'string') continue;
    const resolved = absolute(value, base);
    if (resolved) props[key] = resolved;
    else delete props[key];
  }
  for (const key of ['srcSet', 'srcset']) {
    const value = props[key];
    if (typeof value === 'string') props[key] = absoluteSrcset(value, base);
    else if (Array.isArray(value)) props[key] = absoluteSrcset(value.join(', '), base);
  }
  // Most readers drop iframes; a link keeps the embedded video or page reachable.
  if (element.tagName === 'iframe') {
    const src = typeof props.src === 'string' ? props.src : undefined;
    if (!src) return undefined;
    return {
      type: 'element',
      tagName: 'p',
      properties: {},
      children: [{ type: 'element', tagName: 'a', properties: { href: src }, children: [{ type: 'text', value: `Embedded content: ${src}` }] }],
    };
  }
  return element;
}

function clean(node: Root | Element, base: string): void {
  const children: RootContent[] = [];
  for (const child of node.children) {
    if (child.type === 'comment') continue;
    if (child.type !== 'element') {
      children.push(child);
      continue;
    }
    const replaced = cleanElement(child, base);
    if (!replaced) continue;
    if (replaced.type === 'element') clean(replaced, base);
    children.push(replaced);
  }
  node.children = children as typeof node.children;
}

/** Rewrites relative URLs against `pageUrl` and removes anything executable. */
export function feedHtml(html: string, pageUrl: string): string {
  const tree = fromHtml(html, { fragment: true }) as Nodes;
  if (tree.type === 'root') clean(tree, pageUrl);
  return toHtml(tree);
}

export function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

export interface FeedImage {
  url: string;
  type?: string;
  width?: number;
  height?: number;
}

/** Media RSS for an item's picture (cover, else share card) and its author as `dc:creator`. */
export function feedItemExtras(image: FeedImage, author: string): string {
  const attributes = [
    `url="${escapeXml(image.url)}"`,
    'medium="image"',
    image.type ? `type="${escapeXml(image.type)}"` : '',
    image.width ? `width="${image.width}"` : '',
    image.height ? `height="${image.height}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `<media:content ${attributes}/><media:thumbnail url="${escapeXml(image.url)}"/><dc:creator>${escapeXml(author)}</dc:creator>`;
}

export const FEED_NAMESPACES = {
  media: 'http://search.yahoo.com/mrss/',
  dc: 'http://purl.org/dc/elements/1.1/',
  atom: 'http://www.w3.org/2005/Atom',
};
