import { dirname, relative } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { findMedia, MEDIA_DIR, type WallpaperEntry } from '../media/manifest';
import { variantSize } from '../media/variants';
import { mediaPath } from '../../lib/paths';
import { wallpaperDownloads, type WallpaperDownload } from './downloads';
import type { WallpaperOrientation } from './sizes';

/** The card's id: the post's wallpaper link leads here. */
export const WALLPAPER_CARD_ID = 'wallpaper-downloads';

const GROUPS: Record<
  WallpaperOrientation,
  { title: string; preview: string; widths: number[]; sizes: string }
> = {
  landscape: {
    title: 'Desktop and laptop',
    preview: 'Preview of the desktop wallpaper',
    // Drawn at most 26rem wide (wallpaper.css).
    widths: [416, 832],
    sizes: '(min-width: 40rem) 26rem, calc(100vw - 12rem)',
  },
  portrait: {
    title: 'Phone',
    preview: 'Preview of the phone wallpaper',
    // Drawn 6.5rem wide beside the desktop preview, 5.5rem on a phone.
    widths: [104, 208, 312],
    sizes: '6.5rem',
  },
};

/**
 * A preview of a master, resized by astro:assets: the image goes out with a path relative to the
 * post (as a markdown image would) and is listed in the post's local images, so Astro's own
 * markdown image step hands it to `getImage()` with these options when the page renders.
 */
function preview(download: WallpaperDownload, file: VFile): Element | undefined {
  if (!file.path) return undefined;
  const group = GROUPS[download.orientation];
  let src = relative(dirname(file.path), `${MEDIA_DIR}/${download.master.file}`)
    .split('\\')
    .join('/');
  if (!src.startsWith('.')) src = `./${src}`;
  const astro = ((file.data as { astro?: { localImagePaths?: string[] } }).astro ??= {});
  astro.localImagePaths ??= [];
  if (!astro.localImagePaths.includes(src)) astro.localImagePaths.push(src);
  const largest = Math.max(
    ...group.widths.filter((w) => w <= download.master.width),
    Math.min(...group.widths),
  );
  return h('img', {
    src,
    alt: group.preview,
    className: ['wallpaper-preview', `wallpaper-preview-${download.orientation}`],
    width: largest,
    widths: group.widths.filter((w) => w <= largest),
    sizes: group.sizes,
    format: 'webp',
    quality: 72,
    loading: 'lazy',
    decoding: 'async',
  });
}

async function sizeItem(download: WallpaperDownload): Promise<Element> {
  const { width, height } = download;
  const size = await variantSize(download.variant);
  return h('li', [
    h(
      'a',
      {
        href: mediaPath(download.variant.name),
        download: download.downloadName,
        dataWidth: width,
        dataHeight: height,
        dataBytes: size.bytes,
      },
      [
        // Spaces between the parts: they are grid cells on screen, but one phrase in the link's name.
        h('span.wallpaper-dimensions', `${width} × ${height}`),
        ' ',
        h('span.wallpaper-label', download.label),
        ' ',
        h('span.wallpaper-suits', download.suits),
        ' ',
        h('span.wallpaper-details', `JPEG, ${size.text}`),
      ],
    ),
  ]);
}

async function card(entry: WallpaperEntry, file: VFile): Promise<Element> {
  const downloads = await wallpaperDownloads(entry);
  const orientations = (['landscape', 'portrait'] as const).filter((o) =>
    downloads.some((d) => d.orientation === o),
  );
  const previews = orientations
    .map((o) =>
      preview(
        downloads.find((d) => d.orientation === o)!,
        file,
      ),
    )
    .filter((img): img is Element => Boolean(img));
  const groups = await Promise.all(
    orientations.map(async (orientation) =>
      h('div.wallpaper-group', { dataOrientation: orientation }, [
        h('p.wallpaper-group-title', GROUPS[orientation].title),
        h(
          'ul.wallpaper-sizes',
          await Promise.all(downloads.filter((d) => d.orientation === orientation).map(sizeItem)),
        ),
      ]),
    ),
  );
  return h(
    'section.wallpaper-card',
    {
      id: WALLPAPER_CARD_ID,
      ariaLabelledBy: [`${WALLPAPER_CARD_ID}-title`],
      dataWallpaperCard: '',
    },
    [
      h('div.wallpaper-head', [
        h('p.wallpaper-title', { id: `${WALLPAPER_CARD_ID}-title` }, 'Download the wallpaper'),
        h('p.wallpaper-intro', 'Each size is cut for its screen, with all the words in view.'),
      ]),
      ...(previews.length ? [h('div.wallpaper-previews', previews)] : []),
      h('div.wallpaper-groups', groups),
    ],
  );
}

export interface WallpaperOptions {
  /** A digest of the media files (`mediaFingerprint()`): the card names files and states their sizes. */
  fingerprint?: string;
}

/**
 * A link to the wallpaper the media manifest knows leads to a card right after its block: the
 * eight sizes of sizes.ts, each cut from the master of its orientation and labelled with what it
 * suits, its dimensions and its file size, beside a landscape and a portrait preview.
 * wallpaper.browser.ts marks the size that suits the reader's screen and offers it first.
 */
export function rehypeWallpaper(_options: WallpaperOptions = {}) {
  return async (tree: Root, file: VFile) => {
    const cards: { block: RootContent; entry: WallpaperEntry }[] = [];
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a') return;
      const entry = findMedia(String(node.properties.href ?? ''));
      if (entry?.role !== 'wallpaper') return;
      node.properties.href = `#${WALLPAPER_CARD_ID}`;
      const block = tree.children.find(
        (child) => child.type === 'element' && (child === node || contains(child, node)),
      );
      if (block && !cards.some((c) => c.entry === entry)) cards.push({ block, entry });
    });
    for (const { block, entry } of cards) {
      tree.children.splice(tree.children.indexOf(block) + 1, 0, await card(entry, file));
    }
  };
}

function contains(root: Element, target: Element): boolean {
  return root.children.some(
    (child) => child.type === 'element' && (child === target || contains(child, target)),
  );
}
