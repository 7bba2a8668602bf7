import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { sitePages } from '../../scripts/site-pages.mjs';
import { readySite, urlOf } from '../support/sites';
import { connectBrowser, openPage, revisit, type TrackedPage } from '../support/browser';

const site = await readySite('site');

// Reading needs no JavaScript: every page type, with scripts off, shows every sentence and link a
// reader with scripts gets (scripts may add controls; <noscript> may add a hint).
const pages = sitePages(site.dist);

let browser: Browser;
/** A tab with scripts on and one with scripts off, each reused for every page. */
const tabs = new Map<boolean, TrackedPage>();
beforeAll(async () => {
  browser = await connectBrowser();
  for (const javaScriptEnabled of [true, false])
    tabs.set(javaScriptEnabled, await openPage(browser, 'about:blank', { javaScriptEnabled }));
});
afterAll(() => browser?.close());

async function mainText(path: string, javaScriptEnabled: boolean) {
  const { page } = await revisit(tabs.get(javaScriptEnabled)!, urlOf(site, path));
  // Read before the text below takes the controls out.
  const links = await page
    .locator('main a[href]')
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  return {
    // Buttons are the controls scripts add (copy, share sheet, pause); the reading is the rest.
    // The wallpaper sizes are compared as links: scripts move the reader's size first and fold
    // the other screens' sizes away.
    text: (
      await page.locator('main').evaluate((main) => {
        for (const button of main.querySelectorAll('button')) button.remove();
        for (const sizes of main.querySelectorAll('[data-wallpaper-card] .wallpaper-groups'))
          sizes.remove();
        return (main as HTMLElement).innerText;
      })
    )
      .replace(/\s+/g, ' ')
      .trim(),
    links,
  };
}

test.each(pages)('$type ($path) reads the same with JavaScript off', async ({ path }) => {
  const off = await mainText(path, false);
  const on = await mainText(path, true);
  expect(off.text.length).toBeGreaterThan(20);
  for (const sentence of on.text.split(/(?<=[.!?])\s/).filter((s) => s.length > 40))
    expect(off.text).toContain(sentence);
  expect(off.links).toEqual(
    expect.arrayContaining(on.links.filter((href) => !href.startsWith('javascript:'))),
  );
});
