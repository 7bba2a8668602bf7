import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** The one Chromium the setup started, shared by every suite. */
export function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserEndpoint'));
}

export interface TrackedPage {
  page: Page;
  /** Every request the page tried to make to a host other than the test server. */
  offsiteRequests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

/** Opens `url` in a new context; requests off 127.0.0.1 are recorded and refused, so a test can never hit the network. */
export async function openPage(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<TrackedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const offsiteRequests: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (target.hostname === '127.0.0.1' || target.protocol === 'data:' || target.protocol === 'blob:') return route.continue();
    offsiteRequests.push(target.href);
    return route.abort('blockedbyclient');
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url, { waitUntil: 'load' });
  return { page, offsiteRequests, errors };
}
