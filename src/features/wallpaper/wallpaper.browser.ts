import { readerScreen } from './screen';
import { bestWallpaperSize, orientationOf, type ScreenSize } from './sizes';

/**
 * Marks the wallpaper size that suits the reader's screen (`data-best`): wallpaper.css labels it
 * "Best for this screen" and shows it first, its list and preview before the other
 * orientation's. Only attributes change, so the card reads the same as without JavaScript,
 * where it simply lists every size.
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
      return { ...size, orientation: orientationOf(size), item: link.parentElement! };
    },
  );
  if (!card || !sizes.length) return;
  const best = bestWallpaperSize(screen, sizes);
  best.item.dataset.best = '';
  card.dataset.best = best.orientation;
}
