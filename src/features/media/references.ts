import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastText } from 'hast-util-to-string';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString as mdText } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { mediaKey } from './media-files';

/**
 * The remote media a post refers to, read from its source (never rewritten): the frontmatter
 * cover, markdown images, raw `<img>`/`<source>`/`<video>`, and links to image files (a
 * wallpaper). `media:pull` fetches these; the build serves the local copies of the same list.
 */
export interface MediaReference {
  /** As the post writes it. */
  url: string;
  kind: 'cover' | 'image' | 'link' | 'video';
  /** A link's text and title, an image's alt: what role inference reads. */
  text?: string;
}

/** Image files a link may lead to (a wallpaper, a chart in full). */
const IMAGE_FILE = /\.(png|jpe?g|gif|webp|avif|bmp|tiff?)$/i;

function isRemote(url: string): boolean {
  return /^(https?:)?\/\//i.test(url.trim());
}

/** Whether a link's target is an image file on another host. */
export function linksToImageFile(url: string): boolean {
  if (!isRemote(url)) return false;
  const key = mediaKey(url);
  return key !== undefined && IMAGE_FILE.test(key);
}

/** URLs of a `srcset` (`a.png 1x, b.png 2x`). */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(/\s*,\s*/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

function fromElement(node: Element, found: MediaReference[]): void {
  const attr = (name: string) =>
    typeof node.properties[name] === 'string' ? (node.properties[name] as string) : undefined;
  const add = (url: string | undefined, kind: MediaReference['kind'], text?: string) => {
    if (url && isRemote(url)) found.push({ url, kind, ...(text ? { text } : {}) });
  };
  if (node.tagName === 'img') {
    add(attr('src'), 'image', attr('alt'));
    for (const url of srcsetUrls(attr('srcSet') ?? '')) add(url, 'image');
  } else if (node.tagName === 'source') {
    add(attr('src'), 'video');
    for (const url of srcsetUrls(attr('srcSet') ?? '')) add(url, 'image');
  } else if (node.tagName === 'video') {
    add(attr('src'), 'video');
    add(attr('poster'), 'image');
  } else if (node.tagName === 'a') {
    const href = attr('href');
    if (href && linksToImageFile(href)) {
      add(href, 'link', `${hastText(node)} ${attr('title') ?? ''}`.trim());
    }
  }
}

/** Every remote media reference of a post, in order, once per URL and kind. */
export function findReferences(markdown: string, cover?: string): MediaReference[] {
  const found: MediaReference[] = [];
  if (cover) found.push({ url: cover, kind: 'cover' });
  let tree: Root;
  try {
    tree = fromMarkdown(markdown);
  } catch {
    return found;
  }
  const definitions = new Map<string, { url: string; title?: string | null }>();
  visit(tree, 'definition', (node) => {
    definitions.set(node.identifier, node);
  });
  visit(tree, (node) => {
    if (node.type === 'image' && isRemote(node.url)) {
      found.push({ url: node.url, kind: 'image', ...(node.alt ? { text: node.alt } : {}) });
    } else if (node.type === 'imageReference') {
      const definition = definitions.get(node.identifier);
      if (definition && isRemote(definition.url))
        found.push({ url: definition.url, kind: 'image' });
    } else if (node.type === 'link' || node.type === 'linkReference') {
      const target = node.type === 'link' ? node : definitions.get(node.identifier);
      if (target && linksToImageFile(target.url)) {
        const text = `${mdText(node)} ${target.title ?? ''}`.trim();
        found.push({ url: target.url, kind: 'link', text });
      }
    } else if (node.type === 'html') {
      visit(fromHtml(node.value, { fragment: true }), 'element', (element: Element) =>
        fromElement(element, found),
      );
    }
  });
  const seen = new Set<string>();
  return found.filter((ref) => {
    const id = `${ref.kind} ${mediaKey(ref.url) ?? ref.url}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
