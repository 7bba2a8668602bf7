import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';
import { embedCard } from '../../lib/embed-card';

/**
 * Post HTML for the feed. It is the page's HTML, which the pipeline already sanitised
 * (rehype-sanitize-post.ts); a feed reader shows it out of the site, so links and images become
 * absolute, and what only works on the page goes: the site's controls (buttons, heading anchors),
 * frames (most readers drop them; a link card keeps the video reachable) and KaTeX's visual layout,
 * which needs its stylesheet (the MathML beside it stays).
 */

const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite'] as const;

function absolute(value: string, base: string): string {
  try {
    return new URL(value.trim(), base).href;
  } catch {
    return value;
  }
}

function absoluteSrcset(value: string, base: string): string {
  return value
    .split(',')
    .map((candidate) => {
      const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
      return [absolute(url, base), ...descriptor].join(' ');
    })
    .join(', ');
}

const classesOf = (node: Element) =>
  Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];

/** The site's own controls and KaTeX's presentational copy of each formula. */
function isPageOnly(node: Element): boolean {
  if (node.tagName === 'button') return true;
  const classes = classesOf(node);
  return (
    classes.includes('heading-anchor') ||
    classes.includes('heading-alias') ||
    classes.includes('katex-html')
  );
}

/** Rewrites relative URLs against `pageUrl` and drops what only works on the page. */
export function feedHtml(html: string, pageUrl: string): string {
  const tree = fromHtml(html, { fragment: true }) as Root;
  visit(tree, 'element', (node: Element, index, parent) => {
    if (!parent || index === undefined) return undefined;
    if (isPageOnly(node)) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.tagName === 'iframe') {
      const src = typeof node.properties.src === 'string' ? node.properties.src : '';
      let card: Element | undefined;
      try {
        card = embedCard(
          new URL(src, pageUrl),
          typeof node.properties.title === 'string' ? node.properties.title : undefined,
        );
      } catch {
        card = undefined;
      }
      if (!card) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      (parent.children as ElementContent[])[index] = card;
      return [SKIP, index + 1];
    }
    const props = node.properties;
    for (const key of URL_ATTRIBUTES) {
      const value = props[key];
      if (typeof value === 'string') props[key] = absolute(value, pageUrl);
    }
    const srcset: unknown = props.srcSet;
    if (typeof srcset === 'string') props.srcSet = absoluteSrcset(srcset, pageUrl);
    else if (Array.isArray(srcset)) props.srcSet = absoluteSrcset(srcset.join(', '), pageUrl);
    return undefined;
  });
  return toHtml(tree);
}

/**
 * The most HTML one feed item carries (in UTF-16 code units, as measured after feedHtml): about ten
 * times a long real post. A longer post is sent as its summary and a link, so one post cannot make
 * the feed too large for readers to fetch (docs/security.md, Limits).
 */
export const FEED_ITEM_HTML_LIMIT = 200_000;

/** An item's HTML, or its summary and a link to the post when the HTML is over FEED_ITEM_HTML_LIMIT. */
export function cappedItemHtml(html: string, post: { url: string; summary?: string }): string {
  if (html.length <= FEED_ITEM_HTML_LIMIT) return html;
  const summary = post.summary ? `<p>${escapeXml(post.summary)}</p>` : '';
  return `${summary}<p><a href="${escapeXml(post.url)}">Read the whole post on the site</a> (too long for the feed).</p>`;
}

export function escapeXml(value: string): string {
  return value.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}

export interface FeedImage {
  url: string;
  type?: string;
  width?: number;
  height?: number;
  /** Byte size, when the file is this site's own. */
  bytes?: number;
  /** A file on this site (else a remote address, described by its URL alone). */
  local: boolean;
}

/**
 * An item's picture as Media RSS (and, for a file on this site, as the RSS enclosure: see the
 * route) and its author as `dc:creator`.
 */
export function feedItemExtras(image: FeedImage, author: string): string {
  const attributes = [
    `url="${escapeXml(image.url)}"`,
    'medium="image"',
    image.type ? `type="${escapeXml(image.type)}"` : '',
    image.bytes ? `fileSize="${image.bytes}"` : '',
    image.width ? `width="${image.width}"` : '',
    image.height ? `height="${image.height}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `<media:content ${attributes}/><media:thumbnail url="${escapeXml(image.url)}"/><dc:creator>${escapeXml(author)}</dc:creator>`;
}

/** The RSS 2.0 enclosure of a picture on this site; none for a remote one, whose size is unknown. */
export function feedEnclosure(
  image: FeedImage,
): { url: string; length: number; type: string } | undefined {
  return image.local && image.bytes && image.type
    ? { url: image.url, length: image.bytes, type: image.type }
    : undefined;
}

export const FEED_NAMESPACES = {
  media: 'http://search.yahoo.com/mrss/',
  dc: 'http://purl.org/dc/elements/1.1/',
  atom: 'http://www.w3.org/2005/Atom',
};
