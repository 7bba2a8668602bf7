import type { Element } from 'hast';
import { h } from 'hastscript';

/** Whether an element of a post's HTML is the wallpaper card (rehype-wallpaper.ts). */
export function isWallpaperCard(node: Element): boolean {
  return node.tagName === 'section' && node.properties.dataWallpaperCard !== undefined;
}

/**
 * What a feed shows in the wallpaper card's place: the card's list of downloads and its preview
 * pictures only work on the page (their pictures are astro:assets' to resolve), so a feed reader
 * gets one paragraph with a link to the card on the page and one picture, the smallest desktop
 * size, with an absolute address every reader can load.
 */
export function wallpaperFeedSummary(card: Element, pageUrl: string): Element[] {
  const id = String(card.properties.id ?? '');
  const sizes = Number(card.properties.dataSizes);
  const preview = card.properties.dataFeedPreview;
  const link = h(
    'a',
    { href: new URL(`#${id}`, pageUrl).href },
    Number.isFinite(sizes) && sizes > 0
      ? `Download the wallpaper in ${sizes} sizes for desktops, tablets and phones`
      : 'Download the wallpaper',
  );
  const paragraph = h('p', [link, ' on the post’s page.']);
  if (typeof preview !== 'string') return [paragraph];
  return [
    h('p', [
      h('img', {
        src: new URL(preview, pageUrl).href,
        alt: 'Preview of the wallpaper',
        width: Number(card.properties.dataFeedPreviewWidth) || undefined,
        height: Number(card.properties.dataFeedPreviewHeight) || undefined,
      }),
    ]),
    paragraph,
  ];
}
