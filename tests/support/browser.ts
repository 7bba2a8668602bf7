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

/**
 * Opens `url` in a new context. The browser itself sends every request off 127.0.0.1 to a dead
 * proxy (`OFFLINE_ARGS`), so a test can never hit the network; the page records each such request
 * it tried, and the failed load that follows is not counted as a console error.
 */
export async function openPage(
  browser: Browser,
  url: string,
  options: BrowserContextOptions = {},
): Promise<TrackedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const offsiteRequests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (isOffsite(request.url())) offsiteRequests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !isOffsite(message.location().url))
      errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url, { waitUntil: 'load' });
  return { page, offsiteRequests, errors };
}

/** An http(s) request for a host other than the test servers' 127.0.0.1 (data: and blob: are never off-site). */
function isOffsite(url: string): boolean {
  const { protocol, hostname } = URL.parse(url) ?? {};
  return (protocol === 'http:' || protocol === 'https:') && hostname !== '127.0.0.1';
}

export interface Visit {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
}

/**
 * Loads `url` in a page already open, as a reader moving on in the same tab (after resizing the
 * window or switching the system theme): far cheaper than a new context, which starts a renderer.
 * The page's recorded errors and off-site requests start empty again.
 */
export async function revisit(
  tracked: TrackedPage,
  url: string,
  { viewport, colorScheme, reducedMotion }: Visit = {},
): Promise<TrackedPage> {
  tracked.errors.length = 0;
  tracked.offsiteRequests.length = 0;
  if (viewport) await tracked.page.setViewportSize(viewport);
  if (colorScheme || reducedMotion) await tracked.page.emulateMedia({ colorScheme, reducedMotion });
  await tracked.page.goto(url, { waitUntil: 'load' });
  return tracked;
}

/**
 * Records every text the page hands to the clipboard, then passes it on. The one Chromium is
 * shared by suites running at once, and its clipboard is one for all of them: reading it back
 * could return another suite's copy. What the page copied is what this returns, newest last.
 */
export async function recordClipboard(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const clipboard = navigator.clipboard;
    const write = clipboard.writeText.bind(clipboard);
    const written: string[] = ((window as unknown as { __copied: string[] }).__copied = []);
    clipboard.writeText = (text: string) => write(text).then(() => void written.push(text));
  });
  return () => page.evaluate(() => (window as unknown as { __copied: string[] }).__copied);
}
