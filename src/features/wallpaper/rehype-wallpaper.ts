import type { Element, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { toString } from 'hast-util-to-string';
import { astroImageSrc } from '../media/astro-image';
import { findMedia, type MediaEntry } from '../media/media-files';
import { roleOf, wallpaperCards } from '../media/used-media';
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

/** A preview of a master, resized by astro:assets. */
function preview(download: WallpaperDownload, file: VFile): Element | undefined {
  const group = GROUPS[download.orientation];
  const src = astroImageSrc(file, download.master.file);
  if (!src) return undefined;
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

async function card(entry: MediaEntry, file: VFile): Promise<Element> {
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

/** The entry of a link to a file the site has a local copy of, when it is a wallpaper: the data file says so, or the link's text or title does. */
export async function wallpaperEntry(link: Element): Promise<MediaEntry | undefined> {
  const entry = findMedia(String(link.properties.href ?? ''));
  const text = `${toString(link)} ${String(link.properties.title ?? '')}`;
  return entry && (await roleOf(entry, { kind: 'link', text })) === 'wallpaper' ? entry : undefined;
}

/**
 * A link to a wallpaper the site has a local copy of leads to a card right after its block: the
 * eight sizes of sizes.ts, each cut from the master of its orientation and labelled with what it
 * suits, its dimensions and its file size, beside a landscape and a portrait preview.
 * wallpaper.browser.ts marks the size that suits the reader's screen and offers it first.
 */
export function rehypeWallpaper(_options: WallpaperOptions = {}) {
  return async (tree: Root, file: VFile) => {
    const links: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'a') links.push(node);
    });
    const entries = await Promise.all(links.map(wallpaperEntry));
    const cardOf = await wallpaperCards(entries.filter((e): e is MediaEntry => Boolean(e)));
    const cards: { block: RootContent; entry: MediaEntry }[] = [];
    links.forEach((node, n) => {
      const entry = entries[n] && cardOf.get(entries[n]);
      if (!entry) return;
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
