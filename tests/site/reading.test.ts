import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readySite, urlOf } from '../support/sites';
import { connectBrowser, openPage, revisit, type TrackedPage } from '../support/browser';
import { ROOT } from '../../scripts/project-copy.mjs';
import budgets from '../../budgets.json';
import {
  horizontalOverflow,
  landedOn,
  paintedTheme,
  THEMES,
  viewport,
  WIDTHS,
} from '../support/reading';

const site = await readySite('site');

const POST = '/blog/2022-4-12-milvus-10k-stars/';

let browser: Browser;

/** One tab for every width and theme below, as a reader resizing the window and switching theme. */
let tab: TrackedPage;

beforeAll(async () => {
  browser = await connectBrowser();
  tab = await openPage(browser, 'about:blank');
});
afterAll(() => browser?.close());

describe.each(WIDTHS)('the post at %i px', (width) => {
  describe.each(THEMES)('in the %s theme', (theme) => {
    let reader: TrackedPage;
    beforeAll(async () => {
      reader = await revisit(tab, urlOf(site, POST), {
        viewport: viewport(width),
        colorScheme: theme,
      });
    });

    test('is painted in that theme and never scrolls sideways', async () => {
      const { page } = reader;
      expect(await paintedTheme(page)).toBe(theme);
      expect(await horizontalOverflow(page)).toBe(0);
    });

    test('has no table of contents: one section needs none', async () => {
      expect(await reader.page.locator('nav.toc').count()).toBe(0);
    });

    test('logs no errors and asks nothing from other hosts but the post’s images', () => {
      expect(reader.errors).toEqual([]);
      expect(
        reader.offsiteRequests.filter((url) => !url.startsWith('https://assets.zilliz.com/')),
      ).toEqual([]);
    });
  });
});

describe('section links', () => {
  test('milvus.io-style (#Special-event) and slug (#special-event) addresses both land on the heading', async () => {
    const { page } = await openPage(browser, urlOf(site, `${POST}#Special-event`), {
      viewport: viewport(375),
    });
    expect(await landedOn(page, 'Special-event')).toBe(true);
    const heading = page.getByRole('heading', { level: 2, name: 'Special event', exact: true });
    expect(
      await heading.evaluate((el) => el.contains(document.getElementById('Special-event'))),
    ).toBe(true);
    await page.goto(new URL(`${POST}#special-event`, page.url()).href);
    expect(await landedOn(page, 'special-event')).toBe(true);
    await page.context().close();
  });

  test('each section heading has a keyboard-reachable anchor link to itself', async () => {
    const { page } = await openPage(browser, urlOf(site, POST), { viewport: viewport(1440) });
    const anchor = page.locator('.heading:has(#special-event) a.heading-anchor');
    expect(await anchor.getAttribute('href')).toBe('#special-event');
    expect(await anchor.getAttribute('aria-label')).toBe('Link to section: Special event');
    await anchor.focus();
    expect(await anchor.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await page.context().close();
  });
});

describe('the theme toggle', () => {
  test.each([
    ['light', 'dark'],
    ['dark', 'light'],
  ] as const)(
    'on a %s system, choosing %s survives a reload, applied before the first paint',
    async (system, chosen) => {
      const { page, errors } = await openPage(browser, urlOf(site, POST), {
        viewport: viewport(375),
        colorScheme: system,
      });
      const toggle = page.getByRole('button', { name: 'Dark theme' });
      expect(await toggle.getAttribute('aria-pressed')).toBe(String(system === 'dark'));
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-pressed')).toBe(String(chosen === 'dark'));
      expect(await paintedTheme(page)).toBe(chosen);

      // Record the theme at the moment <body> starts, i.e. before anything can be painted.
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (!document.body) return;
          (window as unknown as { themeAtBody: string }).themeAtBody =
            document.documentElement.dataset.theme ?? 'none';
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      });
      await page.reload({ waitUntil: 'load' });
      expect(
        await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody),
      ).toBe(chosen);
      expect(await paintedTheme(page)).toBe(chosen);
      expect(
        await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed'),
      ).toBe(String(chosen === 'dark'));
      expect(errors).toEqual([]);

      // Switching back to the system's theme forgets the choice: the page follows the system again.
      await page.getByRole('button', { name: 'Dark theme' }).click();
      expect(
        await page.evaluate(() => [
          document.documentElement.dataset.theme ?? 'none',
          localStorage.getItem('theme'),
        ]),
      ).toEqual(['none', null]);
      expect(await paintedTheme(page)).toBe(system);
      await page.context().close();
    },
  );

  test('the head script is emitted byte for byte from src/components/theme-init.js, so a CSP can allow it by hash', async () => {
    const source = await readFile(join(ROOT, 'src/components/theme-init.js'), 'utf8');
    const html = await readFile(
      join(site.dist, 'blog/2022-4-12-milvus-10k-stars/index.html'),
      'utf8',
    );
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain(`<script>${source}</script>`);
    console.log(
      `theme-init.js: ${Buffer.byteLength(source)} bytes, CSP 'sha256-${createHash('sha256').update(source).digest('base64')}'`,
    );
  });
});

// The budgets are budgets.json's, the audit's too: the one place they are set.
describe('the speed budget', () => {
  test('the post’s HTML (its CSS inline) and any linked CSS fit the first-paint budget, its enhancement scripts the script budget', async () => {
    const dist = site.dist;
    const html = await readFile(join(dist, 'blog/2022-4-12-milvus-10k-stars/index.html'), 'utf8');
    const gz = (text: string) => gzipSync(text, { level: 9 }).byteLength;
    const linked = async (pattern: RegExp) =>
      Promise.all(
        [...html.matchAll(pattern)].map((m) =>
          readFile(join(dist, m[1]!.replace(/^\//, '')), 'utf8'),
        ),
      );
    const css = (await linked(/<link rel="stylesheet" href="([^"]+)"/g)).join('');
    const scripts = [
      ...[...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]!),
      ...(await linked(/<script type="module" src="([^"]+)"/g)),
    ].join('');
    const critical = gz(html) + gz(css);
    console.log(
      `post page: HTML ${gz(html)} B + CSS ${gz(css)} B = ${critical} B gzipped; enhancement JS ${gz(scripts)} B gzipped`,
    );
    expect(critical).toBeLessThanOrEqual(budgets.criticalBytes);
    expect(gz(scripts)).toBeGreaterThan(0);
    expect(gz(scripts)).toBeLessThanOrEqual(budgets.scriptBytes);
  });
});

describe('keyboard and no JavaScript', () => {
  test('the first Tab reaches the skip link, which moves to the content; focus is always visible', async () => {
    const { page } = await openPage(browser, urlOf(site, POST), { viewport: viewport(375) });
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      outline: getComputedStyle(document.activeElement!).outlineStyle,
    }));
    expect(skip).toEqual({ text: 'Skip to content', outline: 'solid' });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.getElementById('main')!.contains(document.activeElement)),
    ).toBe(true);
    // Every stop in the tab order shows a focus outline.
    const missing: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement!;
        return {
          tag: el.tagName,
          text: (el.textContent ?? '').trim().slice(0, 30),
          outline: getComputedStyle(el).outlineStyle,
        };
      });
      if (stop.tag === 'BODY') break;
      if (stop.outline === 'none') missing.push(`${stop.tag} ${stop.text}`);
    }
    expect(missing).toEqual([]);
    await page.context().close();
  });

  test('without JavaScript the post reads and follows the system theme', async () => {
    const { page } = await openPage(browser, urlOf(site, POST), {
      viewport: viewport(375),
      colorScheme: 'dark',
      javaScriptEnabled: false,
    });
    expect(await paintedTheme(page)).toBe('dark');
    expect(await page.locator('.theme-toggle').isVisible()).toBe(false);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.context().close();
  });
});

describe('the text', () => {
  test('lines hold a comfortable measure (65–75 characters) on a wide screen', async () => {
    const { page } = await openPage(browser, urlOf(site, POST), { viewport: viewport(1440) });
    const perLine = await page.evaluate(() => {
      const paragraph = [...document.querySelectorAll<HTMLParagraphElement>('.prose p')].sort(
        (a, b) => b.textContent!.length - a.textContent!.length,
      )[0]!;
      const context = document.createElement('canvas').getContext('2d')!;
      const style = getComputedStyle(paragraph);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = paragraph.textContent!;
      return text.length / (context.measureText(text).width / paragraph.clientWidth);
    });
    console.log(`measure at 1440 px: ${perLine.toFixed(1)} characters per line`);
    expect(perLine).toBeGreaterThanOrEqual(65);
    expect(perLine).toBeLessThanOrEqual(75);
    await page.context().close();
  });

  test('the YouTube video stays a plain link: no embed, nothing loaded from YouTube', async () => {
    const { page, offsiteRequests } = await openPage(browser, urlOf(site, POST));
    expect(await page.locator('iframe, video, [src*="youtube"], [srcset*="youtube"]').count()).toBe(
      0,
    );
    expect(await page.locator('a[href*="youtube.com/watch"]').count()).toBe(1);
    expect(offsiteRequests.filter((url) => /youtube|ytimg|google/.test(url))).toEqual([]);
    await page.context().close();
  });

  test('prints cleanly: no controls, sharing or site chrome; the site and the page’s address on top; link addresses shown', async () => {
    const { page } = await openPage(browser, urlOf(site, POST), {
      viewport: viewport(1440),
      colorScheme: 'dark',
    });
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) =>
      page
        .locator(selector)
        .evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0).length);
    for (const chrome of [
      '.site-header',
      '.site-footer',
      'nav',
      'button',
      '.share',
      '.wallpaper-card',
      '.post-footer',
      '.heading-anchor',
      '.theme-toggle',
    ]) {
      expect(await shown(chrome), chrome).toBe(0);
    }
    const head = page.locator('.print-header');
    expect(await head.isVisible()).toBe(true);
    expect(await head.innerText()).toContain('Milvus Milestones');
    expect(await head.innerText()).toContain(new URL(POST, 'https://milestones.milvus.io').href);
    // The header is the first thing on the paper.
    expect(await head.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(50);
    const after = await page
      .locator('.prose a[href*="lfaidata.foundation"]')
      .first()
      .evaluate((el) => getComputedStyle(el, '::after').content);
    expect(after).toContain('https://lfaidata.foundation/blog/2020/04/02/');
    // A link to the site's own file prints its path too.
    const own = await page
      .locator('.prose a[href^="/"]')
      .first()
      .evaluate((el) => [el.getAttribute('href'), getComputedStyle(el, '::after').content]);
    expect(own[1]).toContain(own[0]);
    expect(await paintedTheme(page)).toBe('light');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.context().close();
  });
});
