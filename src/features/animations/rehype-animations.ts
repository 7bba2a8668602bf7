import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import { mediaPath } from '../../lib/paths';
import { fullSizeLink, mediaFrame } from '../figures/rehype-figures';
import { findMedia, type MediaEntry } from '../media/media-files';
import { roleOf } from '../media/used-media';
import { animationFiles, type AnimationFiles, type Composition } from './animation-variants';

/** Up to this viewport width a reader gets the phone composition (drawn for a 335-px column). */
export const PHONE_MEDIA = '(max-width: 36rem)';
const REDUCED = '(prefers-reduced-motion: reduce)';

const webp = 'image/webp';

/**
 * A source the pause control switches between the moving file and the still. `data-moving` only
 * where the source starts as the still (the script reads the others' moving file from `srcset`);
 * width and height only where they differ from the `<img>`'s (the phone composition).
 */
function switchable(
  composition: Composition,
  moving: string,
  type: string,
  media: string | undefined,
  options: { still?: boolean; sized?: boolean } = {},
) {
  const still = mediaPath(composition.still.name);
  return h('source', {
    type,
    media,
    srcSet: options.still ? still : moving,
    width: options.sized ? composition.width : undefined,
    height: options.sized ? composition.height : undefined,
    dataStill: still,
    dataMoving: options.still ? moving : undefined,
  });
}

/**
 * The `<picture>` of an animation. The first source that matches wins:
 * print → the wide still (the message frame); a phone → its own composition (the still under
 * reduced motion, else animated WebP, GIF as fallback); reduced motion → the wide still; else the
 * wide animated WebP; the `<img>` is the original GIF.
 */
function picture(img: Element, files: AnimationFiles, id: string): Element {
  const { wide, phone } = files;
  const sources: Element[] = [
    h('source', { type: webp, media: 'print', srcSet: mediaPath(wide.still.name) }),
  ];
  if (phone) {
    sources.push(
      switchable(phone, mediaPath(phone.moving.name), webp, `${PHONE_MEDIA} and ${REDUCED}`, {
        still: true,
        sized: true,
      }),
      switchable(phone, mediaPath(phone.moving.name), webp, PHONE_MEDIA, { sized: true }),
      switchable(phone, mediaPath(phone.original.name), phone.original.contentType, PHONE_MEDIA, {
        sized: true,
      }),
    );
  }
  sources.push(
    switchable(wide, mediaPath(wide.moving.name), webp, REDUCED, { still: true }),
    switchable(wide, mediaPath(wide.moving.name), webp, undefined),
  );
  const { title: _title, ...kept } = img.properties;
  const original = mediaPath(wide.original.name);
  return h('picture', [
    ...sources,
    h('img', {
      ...kept,
      id,
      src: original,
      dataStill: mediaPath(wide.still.name),
      width: wide.width,
      height: wide.height,
      loading: 'lazy',
      decoding: 'async',
    }),
  ]);
}

/** The pause control (shown by animation-control.browser.ts; without JavaScript it could do nothing). */
function pauseButton(id: string): Element {
  return h(
    'button.media-control.media-toggle',
    { type: 'button', hidden: true, dataMediaToggle: '', ariaDescribedBy: [id] },
    [
      h('span.media-icon', { ariaHidden: 'true' }),
      h('span.media-control-text.media-toggle-text', 'Pause'),
    ],
  );
}

function animation(
  img: Element,
  files: AnimationFiles,
  id: string,
  linked: Element | undefined,
): Element {
  const pictureElement = picture(img, files, id);
  const content: ElementContent = linked
    ? { ...linked, children: [pictureElement] }
    : pictureElement;
  const controls: Element[] = [];
  // A linked animation already leads somewhere; a second link inside the link would be invalid.
  if (!linked) {
    const { wide } = files;
    controls.push(
      fullSizeLink(
        {
          href: mediaPath(wide.moving.name),
          width: wide.width,
          height: wide.height,
          still: mediaPath(wide.still.name),
        },
        id,
      ),
    );
  }
  if (files.pauseControl) controls.push(pauseButton(id));
  return mediaFrame(content, controls, {
    className: ['media-animation'],
    dataMediaAnimation: files.pauseControl ? 'controlled' : 'plain',
  });
}

export interface AnimationOptions {
  /** A digest of the media files (`mediaFingerprint()`): it puts them in Astro's cache key for rendered posts. */
  fingerprint?: string;
}

/** The entry of an image the site has a local copy of, when its role is animation (given, or inferred from its frames). */
export async function animationEntry(src: string): Promise<MediaEntry | undefined> {
  const entry = findMedia(src);
  return entry && (await roleOf(entry, { kind: 'image' })) === 'animation' ? entry : undefined;
}

/**
 * Images the site has a local copy of that are animations (the data file says so, or the file
 * has more than one frame) become local `<picture>`s:
 * animated WebP with every frame, the original GIF as fallback, a phone composition for narrow
 * screens, and the message frame as a still for print, reduced motion and the pause control;
 * with a full-size view and, for looping animations, a pause button over the image's corner.
 */
export function rehypeAnimations(_options: AnimationOptions = {}) {
  return async (tree: Root) => {
    const candidates: {
      img: Element;
      entry: MediaEntry;
      parent: Element | Root;
      index: number;
      linked?: Element;
    }[] = [];
    visit(tree, 'element', (node: Element, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const onlyImage =
        node.tagName === 'a' && node.children.filter((c) => c.type === 'element').length === 1
          ? node.children.find((c) => c.type === 'element')
          : undefined;
      const img =
        node.tagName === 'img'
          ? node
          : onlyImage?.type === 'element' && onlyImage.tagName === 'img'
            ? onlyImage
            : undefined;
      const entry = img ? findMedia(String(img.properties.src ?? '')) : undefined;
      if (!img || !entry) return undefined;
      candidates.push({ img, entry, parent, index, linked: img === node ? undefined : node });
      return SKIP;
    });
    const animated = await Promise.all(
      candidates.map(({ img }) => animationEntry(String(img.properties.src))),
    );
    const found = candidates.filter((_, n) => animated[n]);
    const files = await Promise.all(found.map(({ entry }) => animationFiles(entry)));
    found.forEach(({ img, parent, index, linked }, n) => {
      const id = `animation-${n + 1}-${files[n]!.entry.slug}`;
      parent.children[index] = animation(img, files[n]!, id, linked);
    });
  };
}
