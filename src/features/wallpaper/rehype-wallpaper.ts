import type { Element, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { toString } from 'hast-util-to-string';
import { astroImageSrc } from '../media/astro-image';
import { findMedia, type MediaEntry } from '../media/media-files';
import { roleOf, wallpaperCards } from '../media/used-media';
import { variantSize } from '../media/variants';
import { mediaPath, postUrlOfFile } from '../../lib/paths';
import { wallpaperDownloads, type WallpaperDownload } from './downloads';
import type { WallpaperDevice, WallpaperOrientation } from './sizes';

/** The card's id: the post's wallpaper link leads here. */
export const WALLPAPER_CARD_ID = 'wallpaper-downloads';

const DEVICES: Record<WallpaperDevice, string> = {
  desktop: 'Desktop and laptop',
  tablet: 'Tablet',
  phone: 'Phone',
};

const PLURALS: Record<WallpaperDevice, string> = {
  desktop: 'desktops',
  tablet: 'tablets',
  phone: 'phones',
};

const listOf = (words: string[]) =>
  words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;

const PREVIEWS: Record<
  WallpaperOrientation,
  { alt: string; device: WallpaperDevice; widths: number[]; sizes: string }
> = {
  landscape: {
    alt: 'Preview of the desktop wallpaper',
    device: 'desktop',
    // Drawn at most 26rem wide (wallpaper.css).
    widths: [416, 832],
    sizes: '(min-width: 40rem) 26rem, calc(100vw - 12rem)',
  },
  portrait: {
    alt: 'Preview of the phone wallpaper',
    device: 'phone',
    // Drawn 6.5rem wide beside the desktop preview, 5.5rem on a phone.
    widths: [104, 208, 312],
    sizes: '6.5rem',
  },
};

/** A preview of a master, resized by astro:assets. */
function preview(
  download: WallpaperDownload,
  orientation: WallpaperOrientation,
  file: VFile,
): Element | undefined {
  const group = PREVIEWS[orientation];
  const src = astroImageSrc(file, download.master.file);
  if (!src) return undefined;
  const largest = Math.max(
    ...group.widths.filter((w) => w <= download.master.width),
    Math.min(...group.widths),
  );
  return h('img', {
    src,
    alt: group.alt,
    className: ['wallpaper-preview', `wallpaper-preview-${orientation}`],
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
  const previews = (['landscape', 'portrait'] as const)
    .map((orientation) => {
      const download = downloads.find((d) => d.device === PREVIEWS[orientation].device);
      return download && preview(download, orientation, file);
    })
    .filter((img): img is Element => Boolean(img));
  const devices = (['desktop', 'tablet', 'phone'] as const).filter((device) =>
    downloads.some((d) => d.device === device),
  );
  const groups = await Promise.all(
    devices.map(async (device) =>
      h('div.wallpaper-group', { dataDevice: device }, [
        h('p.wallpaper-group-title', DEVICES[device]),
        h(
          'ul.wallpaper-sizes',
          await Promise.all(downloads.filter((d) => d.device === device).map(sizeItem)),
        ),
      ]),
    ),
  );
  // The feed shows a paragraph and one picture in the card's place (wallpaper-feed.ts): the
  // smallest desktop size, a JPEG every reader decodes.
  const feedPreview = downloads
    .filter((d) => d.device === 'desktop')
    .reduce<WallpaperDownload | undefined>(
      (small, d) => (!small || d.width < small.width ? d : small),
      undefined,
    );
  return h(
    'section.wallpaper-card',
    {
      id: WALLPAPER_CARD_ID,
      ariaLabelledBy: [`${WALLPAPER_CARD_ID}-title`],
      dataWallpaperCard: '',
      dataSizes: downloads.length,
      ...(feedPreview && {
        dataFeedPreview: mediaPath(feedPreview.variant.name),
        dataFeedPreviewWidth: feedPreview.width,
        dataFeedPreviewHeight: feedPreview.height,
      }),
    },
    [
      h('div.wallpaper-head', [
        h('p.wallpaper-title', { id: `${WALLPAPER_CARD_ID}-title` }, 'Get the wallpaper'),
        h(
          'p.wallpaper-intro',
          `${downloads.length} sizes for ${listOf(devices.map((d) => PLURALS[d]))}, each cut for its screen with all the words in view.`,
        ),
      ]),
      ...(previews.length ? [h('div.wallpaper-previews', previews)] : []),
      h('div.wallpaper-groups', groups),
    ],
  );
}

/** The wallpaper card's id, when the post rendered one (from `render()`'s `remarkPluginFrontmatter`). */
export function wallpaperCardOf(
  frontmatter: Record<string, unknown> | undefined,
): string | undefined {
  const id = frontmatter?.wallpaperCard;
  return typeof id === 'string' ? id : undefined;
}

export interface WallpaperOptions {
  /** A digest of the media files (`mediaFingerprint()`): the card names files and states their sizes. */
  fingerprint?: string;
  /** The posts folder (`POSTS_DIR`), to tell the page a file renders to (for print). */
  postsDir?: string;
}

/** The entry of a link to a file the site has a local copy of, when it is a wallpaper: the data file says so, or the link's text or title does. */
export async function wallpaperEntry(link: Element): Promise<MediaEntry | undefined> {
  const entry = findMedia(String(link.properties.href ?? ''));
  const text = `${toString(link)} ${String(link.properties.title ?? '')}`;
  return entry && (await roleOf(entry, { kind: 'link', text })) === 'wallpaper' ? entry : undefined;
}

/**
 * A link to a wallpaper the site has a local copy of leads to a card right after its block: the
 * sizes of sizes.ts, grouped by device, each cut from its master and labelled with what it
 * suits, its dimensions and its file size, beside a landscape and a portrait preview.
 * wallpaper.browser.ts marks the size that suits the reader's screen and moves it first.
 */
export function rehypeWallpaper({ postsDir }: WallpaperOptions = {}) {
  return async (tree: Root, file: VFile) => {
    const links: Element[] = [];
    const page = file.path && postsDir ? postUrlOfFile(file.path, postsDir) : undefined;
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
      // Print hides the card; the paper shows where to find it (page-parts.css).
      if (page) node.properties.dataPrintHref = `${page}#${WALLPAPER_CARD_ID}`;
      const block = tree.children.find(
        (child) => child.type === 'element' && (child === node || contains(child, node)),
      );
      if (block && !cards.some((c) => c.entry === entry)) cards.push({ block, entry });
    });
    for (const { block, entry } of cards) {
      tree.children.splice(tree.children.indexOf(block) + 1, 0, await card(entry, file));
    }
    if (cards.length) {
      // The post page offers "Get the wallpaper" in its hero when the card exists (render()'s
      // `remarkPluginFrontmatter`, read by wallpaperCardOf).
      const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??=
        {});
      (astro.frontmatter ??= {}).wallpaperCard = WALLPAPER_CARD_ID;
    }
  };
}

function contains(root: Element, target: Element): boolean {
  return root.children.some(
    (child) => child.type === 'element' && (child === target || contains(child, target)),
  );
}
