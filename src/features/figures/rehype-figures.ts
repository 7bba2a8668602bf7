import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import { isMeaninglessAlt } from '../../lib/alt-text';

/** The prose column at its widest, in CSS px (global.css `--measure: 40rem`). Wider images get a full-size view. */
export const COLUMN_WIDTH = 640;

/** Alt text that says nothing (`Gif2`) or mostly names the file type (`Timeline gif`). */
export function saysLittle(alt: string): boolean {
  return (
    isMeaninglessAlt(alt) || /\b(gif|png|jpe?g|webp|image|img|picture|screenshot)\b/i.test(alt)
  );
}

/** The image of a paragraph that holds only that image (possibly inside a link), and nothing else. */
export function loneImage(node: Element): Element | undefined {
  if (node.tagName !== 'p' || toString(node).trim()) return undefined;
  const parts = node.children.filter((child) => child.type === 'element');
  if (parts.length !== 1) return undefined;
  const [only] = parts as Element[];
  if (only!.tagName === 'img') return only;
  const inner = only!.children.filter((child) => child.type === 'element');
  if (only!.tagName === 'a' && inner.length === 1 && (inner[0] as Element).tagName === 'img')
    return inner[0] as Element;
  return undefined;
}

/**
 * "View full size": a plain link to the file, which a browser opens on its own without
 * JavaScript; full-size.browser.ts turns it into a dialog. `describes` is the id of the image,
 * whose alt text says which image the link shows.
 */
export function fullSizeLink(
  file: { href: string; width: number; height: number; still?: string },
  describes: string,
): Element {
  return h(
    'a.media-control.media-expand',
    {
      href: file.href,
      dataFullSize: '',
      dataWidth: file.width,
      dataHeight: file.height,
      dataStill: file.still,
      ariaDescribedBy: [describes],
    },
    [h('span.media-icon', { ariaHidden: 'true' }), h('span.media-control-text', 'Full size')],
  );
}

/**
 * The image with its controls laid over its corner: inside the figure, above the caption, never
 * between the image and its caption. A span, so it is valid wherever the image was.
 */
export function mediaFrame(
  image: ElementContent,
  controls: Element[],
  properties: Record<string, string | string[]> = {},
): Element {
  const className = ['media-frame', ...((properties.className as string[] | undefined) ?? [])];
  return h('span', { ...properties, className }, [
    image,
    ...(controls.length ? [h('span.media-controls', controls)] : []),
  ]);
}

/**
 * Images in post bodies:
 * - an image with a title, alone in its paragraph, becomes a `<figure>` with the title as
 *   caption (and as alt text when the alt says nothing);
 * - a figure's image wider than the column (by its `width`) gets a full-size view;
 * - remote images load lazily and decode off the main thread.
 * Runs before the animation and wallpaper plugins, which replace the images they know.
 */
export function rehypeFigures() {
  return (tree: Root) => {
    let wide = 0;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const img = loneImage(node);
      const title = img?.properties.title;
      if (!img || typeof title !== 'string' || !title.trim()) return undefined;
      const caption = title.trim();
      if (saysLittle(String(img.properties.alt ?? ''))) img.properties.alt = caption;
      delete img.properties.title;
      let content = node.children.find((child) => child.type === 'element')!;
      const width = Number(img.properties.width);
      const height = Number(img.properties.height);
      // A local picture names its original (rehype-local-pictures); a remote one is its own.
      const fullSize = img.properties.dataOriginal ?? img.properties.src;
      delete img.properties.dataOriginal;
      if (content === img && width > COLUMN_WIDTH && height > 0 && typeof fullSize === 'string') {
        const id = typeof img.properties.id === 'string' ? img.properties.id : `figure-${++wide}`;
        img.properties.id = id;
        content = mediaFrame(img, [fullSizeLink({ href: fullSize, width, height }, id)]);
      }
      parent.children[index] = h('figure', [content, h('figcaption', caption)]);
      return [SKIP, index + 1];
    });
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'img') delete node.properties.dataOriginal;
      if (node.tagName !== 'img' || !/^(https?:)?\/\//i.test(String(node.properties.src ?? '')))
        return;
      node.properties.loading ??= 'lazy';
      node.properties.decoding ??= 'async';
    });
  };
}
