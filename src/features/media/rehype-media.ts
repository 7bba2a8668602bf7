import type { Element, ElementContent, Root, RootContent } from 'hast';
import { visit } from 'unist-util-visit';
import { mediaPath } from '../../lib/paths';
import { findMedia, type MediaEntry } from './manifest';
import { mediaFingerprint, needsPauseControl, sourceInfo, variantSize, variantsOf, type Variant } from './variants';
import { isMeaninglessAlt } from '../cover/remark-lead-duplicates';

type Properties = Element['properties'];

function el(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}
const txt = (value: string) => ({ type: 'text' as const, value });

function isBlank(node: RootContent | ElementContent): boolean {
  return node.type === 'text' && !node.value.trim();
}


function pick(variants: Variant[], kind: Variant['kind']): Variant {
  const found = variants.find((v) => v.kind === kind);
  if (!found) throw new Error(`media: no ${kind} variant`);
  return found;
}

/** A looping-animation picture: animated WebP (every frame kept), the original as fallback, a still for reduced motion. */
async function animation(img: Element, entry: MediaEntry, id: string): Promise<Element> {
  const info = await sourceInfo(entry);
  const variants = await variantsOf(entry);
  const moving = mediaPath(pick(variants, 'animated-webp').name);
  const still = mediaPath(pick(variants, 'still-webp').name);
  const original = mediaPath(pick(variants, 'original').name);
  const control = needsPauseControl(info);
  const picture = el('picture', {}, [
    // Under reduced motion the browser picks the still first frame; the script can switch it back on.
    el('source', { type: 'image/webp', media: '(prefers-reduced-motion: reduce)', srcSet: still, dataStill: still, dataMoving: moving }),
    el('source', { type: 'image/webp', srcSet: moving, dataStill: still, dataMoving: moving }),
    el('img', {
      ...img.properties,
      id,
      src: original,
      dataStill: still,
      dataMoving: original,
      width: info.width,
      height: info.height,
      loading: 'lazy',
      decoding: 'async',
    }),
  ]);
  const children: ElementContent[] = [picture];
  if (control) {
    // Shown by the enhancement script; without JavaScript it would do nothing.
    // Described by the image's alt text, so each control says which animation it stops.
    children.push(
      el('button', { type: 'button', className: ['pill', 'media-toggle'], hidden: true, dataMediaToggle: '', ariaDescribedBy: [id] }, [txt('Pause animation')]),
    );
  }
  return el('span', { className: ['media-animation'], dataMediaAnimation: control ? 'controlled' : 'plain' }, children);
}

async function wallpaperCard(entry: MediaEntry): Promise<Element> {
  const variants = await variantsOf(entry);
  const preview = pick(variants, 'preview-webp');
  const sizes = variants.filter((v) => v.kind === 'wallpaper-jpeg');
  const items = await Promise.all(
    sizes.map(async (v) => {
      const size = await variantSize(v);
      return el('li', {}, [
        el('a', { href: mediaPath(v.name), download: v.downloadName, dataWidth: v.width, dataHeight: v.height, dataBytes: size.bytes }, [
          el('span', { className: ['wallpaper-dimensions'] }, [txt(`${v.width} × ${v.height}`)]),
          txt(' '),
          el('span', { className: ['wallpaper-details'] }, [txt(`${v.label}, JPEG, ${size.text}`)]),
        ]),
      ]);
    }),
  );
  return el('aside', { className: ['wallpaper-card'], ariaLabel: 'Wallpaper downloads' }, [
    el('img', {
      src: mediaPath(preview.name),
      alt: 'Preview of the wallpaper',
      width: preview.width,
      height: preview.height,
      loading: 'lazy',
      decoding: 'async',
    }),
    el('div', { className: ['wallpaper-sizes'] }, [
      el('p', { className: ['wallpaper-title'] }, [txt('Download the wallpaper')]),
      el('ul', {}, items),
    ]),
  ]);
}

/** The plugin entry for the pipeline; see `mediaFingerprint` for why it carries one. */
export const rehypeMediaEntry: [typeof rehypeMedia, { fingerprint: string }] = [rehypeMedia, { fingerprint: mediaFingerprint() }];

/** Alt text that says nothing (`Gif2`) or mostly names the file type (`Timeline gif`). */
export function saysLittle(alt: string): boolean {
  return isMeaninglessAlt(alt) || /\b(gif|png|jpe?g|webp|image|img|picture|screenshot)\b/i.test(alt);
}

/** A paragraph holding only one image (possibly inside a link). */
function loneImage(node: Element): Element | undefined {
  if (node.tagName !== 'p') return undefined;
  const parts = node.children.filter((c) => !isBlank(c));
  if (parts.length !== 1) return undefined;
  const [only] = parts;
  if (only?.type !== 'element') return undefined;
  if (only.tagName === 'img') return only;
  if (only.tagName === 'a' && only.children.length === 1 && only.children[0]?.type === 'element' && only.children[0].tagName === 'img') {
    return only.children[0];
  }
  return undefined;
}

/**
 * Media in post bodies:
 * - an image with a title, alone in its paragraph, becomes a `<figure>` with the title as caption
 *   (and as alt text when the alt says nothing);
 * - images the media manifest knows become local animations; others stay remote, lazy-loaded;
 * - a link to the manifest's wallpaper becomes a download, followed by a card offering every size.
 */
export function rehypeMedia(_options: { fingerprint?: string } = {}) {
  return async (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const img = loneImage(node);
      const title = img?.properties.title;
      if (!img || typeof title !== 'string' || !title.trim()) return;
      if (saysLittle(String(img.properties.alt ?? ''))) img.properties.alt = title.trim();
      delete img.properties.title;
      node.tagName = 'figure';
      node.children = [...node.children.filter((c) => !isBlank(c)), el('figcaption', {}, [txt(title.trim())])];
    });

    const jobs: Promise<void>[] = [];
    let animations = 0;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return;
      const src = String(node.properties.src ?? '');
      const entry = findMedia(src);
      if (entry?.role === 'animation') {
        const id = `animation-${++animations}-${entry.slug}`;
        jobs.push(animation(node, entry, id).then((replacement) => void (parent.children[index] = replacement)));
        return 'skip';
      }
      if (/^(https?:)?\/\//i.test(src)) {
        node.properties.loading ??= 'lazy';
        node.properties.decoding ??= 'async';
      }
      return undefined;
    });

    const cards: { block: RootContent; entry: MediaEntry }[] = [];
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a') return;
      const entry = findMedia(String(node.properties.href ?? ''));
      if (entry?.role !== 'wallpaper') return;
      jobs.push(
        variantsOf(entry).then((variants) => {
          const largest = variants.find((v) => v.kind === 'wallpaper-jpeg');
          if (!largest) return;
          node.properties.href = mediaPath(largest.name);
          node.properties.download = largest.downloadName;
        }),
      );
      const block = tree.children.find((child) => child.type === 'element' && containsNode(child, node));
      if (block && !cards.some((c) => c.entry === entry)) cards.push({ block, entry });
    });
    await Promise.all(jobs);
    for (const { block, entry } of cards) {
      const card = await wallpaperCard(entry);
      tree.children.splice(tree.children.indexOf(block) + 1, 0, card);
    }
  };
}

function containsNode(root: Element, target: Element): boolean {
  if (root === target) return true;
  return root.children.some((child) => child.type === 'element' && containsNode(child, target));
}
