import type { Page } from 'playwright-core';

export const WIDTHS = [375, 1440] as const;
/** The widths a reviewer looks at: a phone, a tablet, a small laptop and a desktop. */
export const REVIEW_WIDTHS = [375, 768, 1024, 1440] as const;
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const viewport = (width: number) => ({ width, height: width < 600 ? 812 : 900 });

/** How far the page scrolls sideways (0 when nothing is wider than the viewport). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/**
 * Whether the element with `id` has been scrolled to: at the top of the viewport (less its
 * scroll margin), or in view with the page scrolled as far as it goes.
 */
export function landedOn(page: Page, id: string): Promise<boolean> {
  return page.evaluate((target) => {
    const element = document.getElementById(target);
    if (!element) return false;
    const top = element.getBoundingClientRect().top;
    const margin = parseFloat(getComputedStyle(element).scrollMarginTop) || 0;
    const atBottom = scrollY >= document.documentElement.scrollHeight - innerHeight - 1;
    return Math.abs(top - margin) <= 2 || (atBottom && top >= 0 && top < innerHeight);
  }, id);
}

/** The theme the page is painted in, judged by the body's background luminance. */
export function paintedTheme(page: Page): Promise<Theme> {
  return page.evaluate(() => {
    const [r = 0, g = 0, b = 0] = (
      getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? []
    ).map(Number);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b > 128 ? 'light' : 'dark';
  });
}

/**
 * The left edge (CSS px, rounded) of the first element matching each selector that has a box;
 * `null` where none does.
 */
export function leftEdges<K extends string>(
  page: Page,
  selectors: Record<K, string>,
): Promise<Record<K, number | null>> {
  return page.evaluate(
    (wanted) => {
      const edges: Record<string, number | null> = {};
      for (const [name, selector] of Object.entries(wanted)) {
        const element = [...document.querySelectorAll(selector)].find(
          (el) => el.getClientRects().length > 0,
        );
        edges[name] = element ? Math.round(element.getBoundingClientRect().left) : null;
      }
      return edges;
    },
    selectors as Record<string, string>,
  ) as Promise<Record<K, number | null>>;
}

/** Loads every lazy image now, so a full-page screenshot shows them. */
export function loadLazyImages(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const lazy = [...document.querySelectorAll<HTMLImageElement>('img[loading="lazy"]')];
    for (const img of lazy) img.loading = 'eager';
    await Promise.all(lazy.map((img) => img.decode().catch(() => undefined)));
  });
}
