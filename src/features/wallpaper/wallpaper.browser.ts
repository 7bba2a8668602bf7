import { readerScreen } from './screen';
import { bestWallpaperSize, type ScreenSize, type WallpaperOrientation } from './sizes';

/**
 * Marks the wallpaper size that suits the reader's screen "Best for this screen" and offers it
 * first: first in its list, its list (and preview) before the other orientation's. Without
 * JavaScript the card simply lists every size.
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
  const best = bestWallpaperSize(screen, items).el;
  const badge = doc.createElement('span');
  badge.className = 'wallpaper-best';
  badge.textContent = 'Best for this screen';
  best.dataset.best = '';
  best.querySelector('a')?.prepend(badge);
  best.parentElement?.prepend(best);
  const group = best.closest<HTMLElement>('.wallpaper-group');
  group?.parentElement?.prepend(group);
  card.dataset.best = best.dataset.orientation;
}
