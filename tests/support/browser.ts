import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS } from '../../scripts/browser.mjs';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS, headless: true });
}

export interface TrackedPage {
  page: Page;
  /** Every request the page tried to make to a host other than the test server. */
  offsiteRequests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

/** A page whose requests off 127.0.0.1 are recorded and refused, so a test can never hit the network. */
export async function openPage(browser: Browser, path: string, options: BrowserContextOptions = {}): Promise<TrackedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const offsiteRequests: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    offsiteRequests.push(url.href);
    return route.abort('blockedbyclient');
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(new URL(path, inject('baseUrl')).href, { waitUntil: 'load' });
  return { page, offsiteRequests, errors };
}
