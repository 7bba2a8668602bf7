import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readySite, urlOf } from '../support/sites';
import { connectBrowser, openPage, type TrackedPage, recordClipboard } from '../support/browser';
import { REVIEW_WIDTHS, viewport } from '../support/reading';

const site = await readySite('site');

const POST = '/blog/2022-4-12-milvus-10k-stars/';
const MASTODON = '/share/mastodon/2022-4-12-milvus-10k-stars/';

let browser: Browser;
let reader: TrackedPage;

beforeAll(async () => {
  browser = await connectBrowser();
  reader = await openPage(browser, urlOf(site, POST), {
    permissions: ['clipboard-read', 'clipboard-write'],
  });
});
afterAll(() => browser?.close());

describe('share buttons with script', () => {
  test('every network is a named link; copy link copies this page’s own URL, not the original’s', async () => {
    const { page } = reader;
    const share = page.getByRole('region', { name: 'Share this post' });
    for (const name of [
      'Share on X',
      'Bluesky',
      'Threads',
      'LinkedIn',
      'Facebook',
      'Reddit',
      'Hacker News',
      'Mastodon',
      'Email',
    ]) {
      expect(await share.getByRole('link', { name }).isVisible(), name).toBe(true);
    }
    const own = 'https://milestones.milvus.io/blog/2022-4-12-milvus-10k-stars/';
    expect(await page.locator('meta[property="og:url"]').getAttribute('content')).toBe(own);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(
      'https://milvus.io/blog/2022-4-12-milvus-10k-stars.md',
    );
    const copy = share.getByRole('button', { name: 'Copy link' });
    expect(await copy.isVisible()).toBe(true);
    const copied = await recordClipboard(page);
    await copy.click();
    await expect.poll(() => share.getByRole('status').innerText()).toBe('Link copied.');
    expect(await copied()).toEqual([own]);
    // The confirmation clears itself, so it never stands for an old copy.
    await expect.poll(() => share.getByRole('status').innerText(), { timeout: 8000 }).toBe('');
  });

  test('the native share button appears exactly when the browser has the Web Share API', async () => {
    const { page } = reader;
    const hasShare = await page.evaluate(() => typeof navigator.share === 'function');
    expect(await page.getByRole('button', { name: 'Share', exact: true }).isVisible()).toBe(
      hasShare,
    );
    // Remote images are blocked by the test browser; any other error would be ours.
    expect(reader.errors).toEqual([]);
  });
});

describe('on a phone with a system share sheet', () => {
  test('Share comes first and every target fits in two rows at 375 px', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    // Headless Chromium has no share sheet; give it the API a phone has, recording what it is given.
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'share', {
        value: async (data: ShareData) =>
          ((window as unknown as { shared: ShareData }).shared = data),
      });
    });
    await page.goto(urlOf(site, POST));
    const share = page.getByRole('region', { name: 'Share this post' });
    const controls = share.locator('a:visible, button:visible');
    expect(await controls.first().getAttribute('data-share-native')).toBe('');
    const tops = new Set(
      await controls.evaluateAll((nodes) =>
        nodes.map((node) => Math.round(node.getBoundingClientRect().top)),
      ),
    );
    expect(tops.size, [...tops].join(', ')).toBeLessThanOrEqual(2);
    await share.getByRole('button', { name: 'Share', exact: true }).click();
    expect(await page.evaluate(() => (window as unknown as { shared: ShareData }).shared)).toEqual({
      title: 'A Small Step for Milvus – 10,000 Stars',
      url: 'https://milestones.milvus.io/blog/2022-4-12-milvus-10k-stars/',
    });
    // X comes right after the system sheet, with its name in view.
    expect(await controls.nth(1).innerText()).toBe('Share on X');
    await context.close();
  });
});

describe('every share control has a visible name', () => {
  test.each(REVIEW_WIDTHS)(
    'at %i px: X leads, named; each other control shows its name, at least on focus',
    async (width) => {
      const { page } = await openPage(browser, urlOf(site, POST), { viewport: viewport(width) });
      const share = page.getByRole('region', { name: 'Share this post' });
      const controls = share.locator('a:visible, button:visible');
      // A mouse-driven browser: X first (the system sheet, where there is one, right after it).
      expect(await controls.first().innerText()).toBe('Share on X');
      for (const control of await controls.all()) {
        await control.focus();
        const name = await control.evaluate((el) => {
          const text = el.querySelector('.share-name, span') as HTMLElement | null;
          const box = text?.getBoundingClientRect();
          const style = text && getComputedStyle(text);
          return {
            label: text?.textContent?.trim(),
            visible:
              !!box &&
              box.width > 8 &&
              box.height > 8 &&
              style!.opacity === '1' &&
              style!.visibility === 'visible',
          };
        });
        expect(name.visible, `${name.label} at ${width}`).toBe(true);
      }
      await page.context().close();
    },
  );
});

describe('without script', () => {
  test('the share links still work as plain links; script-only buttons stay hidden', async () => {
    const { page } = await openPage(browser, urlOf(site, POST), { javaScriptEnabled: false });
    const share = page.getByRole('region', { name: 'Share this post' });
    expect(await share.getByRole('link').count()).toBe(9);
    expect(await share.getByRole('button', { name: 'Copy link' }).isVisible()).toBe(false);
    expect(await share.getByRole('button', { name: 'Share', exact: true }).isVisible()).toBe(false);
    await share.getByRole('link', { name: 'Mastodon' }).click();
    await page.waitForURL(`**${MASTODON}`);
    expect(await page.locator('#mastodon-text').inputValue()).toContain(
      'A Small Step for Milvus – 10,000 Stars',
    );
    expect(
      await page.getByRole('link', { name: 'open it in your Mastodon app' }).getAttribute('href'),
    ).toMatch(/^web\+mastodon:\/\/share\?text=/);
    await page.context().close();
  });
});

describe('the Mastodon share page', () => {
  test('sends the reader to their own instance’s share page with the text', async () => {
    const visit = await openPage(browser, urlOf(site, MASTODON));
    const { page } = visit;
    const text = await page.locator('#mastodon-text').inputValue();
    const server = page.getByLabel('Your Mastodon server');
    await server.fill('not a server');
    await page.getByRole('button', { name: 'Share' }).click();
    expect(await page.getByRole('alert').innerText()).toMatch(/mastodon\.social/);
    expect(visit.offsiteRequests).toEqual([]);

    await server.fill('@reader@mastodon.example');
    await page.getByRole('button', { name: 'Share' }).click();
    await expect.poll(() => visit.offsiteRequests.length).toBeGreaterThan(0);
    const target = new URL(visit.offsiteRequests[0] ?? '');
    expect(target.origin + target.pathname).toBe('https://mastodon.example/share');
    expect(target.searchParams.get('text')).toBe(text);
    expect(text).toContain('https://milestones.milvus.io/blog/2022-4-12-milvus-10k-stars/');
    await page.context().close();
  });
});

test('the build serves the share card the post announces', async () => {
  const { page } = reader;
  const image = new URL(
    (await page.locator('meta[property="og:image"]').getAttribute('content')) ?? '',
  );
  const response = await fetch(new URL(image.pathname, site.url));
  expect(response.status).toBe(200);
  // The seed's cover is local (media manifest), so its card is a JPEG drawn over the cover.
  expect(image.pathname).toMatch(/\.jpg$/);
  expect(response.headers.get('content-type')).toBe(
    await page.locator('meta[property="og:image:type"]').getAttribute('content'),
  );
  expect(response.headers.get('content-type')).toBe('image/jpeg');
});
