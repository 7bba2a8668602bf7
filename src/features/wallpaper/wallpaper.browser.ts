import { readerScreen } from './screen';
import { bestWallpaperSize, orientationOf, type ScreenSize, type WallpaperDevice } from './sizes';

/**
 * Marks the wallpaper size that suits the reader's screen (`data-best`, which wallpaper.css
 * labels "Wallpaper for this screen") and moves it first: its row to the top of its list, its
 * group and its preview before the others. The nodes move rather than being reordered by CSS,
 * so tab order and reading order match what is on screen. Without JavaScript the card simply
 * lists every size, desktops first.
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
  if (best.group) {
    best.group.dataset.best = '';
    best.group.parentElement?.prepend(best.group);
  }
  card.dataset.best = best.device ?? '';
  const preview = card.querySelector(`.wallpaper-preview[data-device="${best.device}"]`);
  if (preview) preview.parentElement?.prepend(preview);
}
