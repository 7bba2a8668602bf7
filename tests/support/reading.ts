import type { Page } from 'playwright-core';

export const WIDTHS = [375, 1440] as const;
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const viewport = (width: number) => ({ width, height: width < 600 ? 812 : 900 });

/** How far the page scrolls sideways (0 when nothing is wider than the viewport). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
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
    const [r = 0, g = 0, b = 0] = (getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? []).map(Number);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b > 128 ? 'light' : 'dark';
  });
}
