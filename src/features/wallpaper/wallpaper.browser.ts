import { readerScreen } from './screen';
import { bestWallpaperSize, type ScreenSize, type WallpaperOrientation } from './sizes';

/**
 * Marks the wallpaper size that suits the reader's screen (`data-best`): wallpaper.css labels it
 * "Best for this screen" and shows it first, its list and preview before the other
 * orientation's. Only attributes change, so the card reads the same as without JavaScript,
 * where it simply lists every size.
 */
export function markBestWallpaper(doc: Document, screen: ScreenSize = readerScreen(window.screen, devicePixelRatio, matchMedia('(pointer: coarse)').matches)): void {
  const card = doc.querySelector<HTMLElement>('[data-wallpaper-card]');
  const items = [...(card?.querySelectorAll<HTMLElement>('[data-wallpaper-size]') ?? [])].map((el) => ({
    el,
    width: Number(el.dataset.width),
    height: Number(el.dataset.height),
    orientation: el.dataset.orientation as WallpaperOrientation,
  }));
  if (!card || !items.length) return;
  const best = bestWallpaperSize(screen, items);
  best.el.dataset.best = '';
  card.dataset.best = best.orientation;
}
