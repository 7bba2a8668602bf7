import { readerScreen } from './screen';
import { bestWallpaperSize, orientationOf, type ScreenSize, type WallpaperDevice } from './sizes';

/**
 * Marks the wallpaper size that suits the reader's screen (`data-best`, which wallpaper.css
 * labels "Wallpaper for this screen") and moves it first: its row to the top of its list, its
 * group and its preview before the others. The nodes move rather than being reordered by CSS,
 * so tab order and reading order match what is on screen; the other screens' groups fold into
 * one "Sizes for other screens" disclosure. Without JavaScript the card simply lists every size,
 * desktops first.
 */
export function markBestWallpaper(
  doc: Document,
  screen: ScreenSize = readerScreen(
    window.screen,
    devicePixelRatio,
    matchMedia('(pointer: coarse)').matches,
  ),
): void {
  const card = doc.querySelector<HTMLElement>('[data-wallpaper-card]');
  const sizes = [...(card?.querySelectorAll<HTMLElement>('a[download][data-width]') ?? [])].map(
    (link) => {
      const size = { width: Number(link.dataset.width), height: Number(link.dataset.height) };
      const group = link.closest<HTMLElement>('[data-device]');
      const device = group?.dataset.device as WallpaperDevice | undefined;
      return {
        ...size,
        orientation: orientationOf(size),
        device,
        item: link.parentElement!,
        group,
      };
    },
  );
  if (!card || !sizes.length) return;
  const best = bestWallpaperSize(screen, sizes);
  best.item.dataset.best = '';
  best.item.parentElement?.prepend(best.item);
  if (!best.group) return;
  best.group.parentElement?.prepend(best.group);
  // The previews are the desktop's and the phone's; the one for this screen first.
  const previewClass: Partial<Record<WallpaperDevice, string>> = {
    desktop: 'wallpaper-preview-landscape',
    phone: 'wallpaper-preview-portrait',
  };
  const shown = best.device && previewClass[best.device];
  const preview = shown ? card.querySelector(`.${shown}`) : null;
  preview?.parentElement?.prepend(preview);
  // The other screens' sizes fold away under one control, after this screen's group.
  const others = [...(best.group.parentElement?.children ?? [])].filter((g) => g !== best.group);
  if (!others.length) return;
  const more = doc.createElement('details');
  const summary = doc.createElement('summary');
  more.className = 'wallpaper-more';
  summary.className = 'pill';
  summary.textContent = `Sizes for other screens (${others.reduce((n, g) => n + g.querySelectorAll('a[download]').length, 0)})`;
  more.append(summary, ...others);
  best.group.after(more);
}
