import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from '../support/axe-check';
import {
  connectBrowser,
  openPage,
  revisit,
  type TrackedPage,
  recordClipboard,
} from '../support/browser';
import { ROOT } from '../../scripts/project-copy.mjs';
import { readySite, urlOf } from '../support/sites';
import { horizontalOverflow, landedOn, THEMES, viewport, WIDTHS } from '../support/reading';

// The seed has no code, tables or subsections, and is alone; these tests build it beside the
// Milvus-format fixtures and a post made to stress the layout (tests/fixtures/reading/).
const STRESS = '/blog/reading-stress-test/';
const SEED = '/blog/2022-4-12-milvus-10k-stars/';

const site = await readySite('real-format');
const url = (path: string) => urlOf(site, path);
let browser: Browser;

/** One tab for every width and theme below, as a reader resizing the window and switching theme. */
let tab: TrackedPage;

beforeAll(async () => {
  browser = await connectBrowser();
  tab = await openPage(browser, 'about:blank');
});
afterAll(() => browser?.close());

describe.each(WIDTHS)('a post with code, a wide table and long links at %i px', (width) => {
  describe.each(THEMES)('in the %s theme', (theme) => {
    let reader: TrackedPage;
    beforeAll(async () => {
      reader = await revisit(tab, url(STRESS), { viewport: viewport(width), colorScheme: theme });
    });

    test('never scrolls sideways: the table and code scroll in their own boxes, long links wrap', async () => {
      const { page } = reader;
      expect(await horizontalOverflow(page)).toBe(0);
      if (width < 600) {
        const table = await page
          .locator('.table-scroll')
          .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
        expect(table.scroll).toBeGreaterThan(table.client);
        const code = await page
          .locator('.prose pre')
          .nth(1)
          .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
        expect(code.scroll).toBeGreaterThan(code.client);
      }
    });

    test('writes a full-page screenshot beside the seed post’s', async () => {
      const path = join(ROOT, 'test-results/screenshots', `stress-post-${width}-${theme}.png`);
      await mkdir(dirname(path), { recursive: true });
      expect((await reader.page.screenshot({ path, fullPage: true })).byteLength).toBeGreaterThan(
        10_000,
      );
    });

    test('axe finds no WCAG A/AA violation, highlighted code included', async () => {
      expect(await axeViolations(reader.page)).toEqual([]);
    });

    test('code is highlighted in the page theme', async () => {
      const colour = await reader.page
        .locator('.prose pre.astro-code')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(colour).toBe(theme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
      // Each token is coloured from its theme: the light colour by its class, the dark one from --shiki-dark.
      const token = reader.page
        .locator('.prose pre.astro-code span', { hasText: /^from$/ })
        .first();
      const { shown, dark } = await token.evaluate((el) => {
        const probe = document.createElement('i');
        probe.style.color = getComputedStyle(el).getPropertyValue('--shiki-dark').trim();
        document.body.append(probe);
        const rgb = getComputedStyle(probe).color;
        probe.remove();
        return { shown: getComputedStyle(el).color, dark: rgb };
      });
      const body = await reader.page.evaluate(() => getComputedStyle(document.body).color);
      expect(shown).not.toBe(body);
      if (theme === 'dark') expect(shown).toBe(dark);
      else expect(shown).not.toBe(dark);
    });

    test('the post’s own section links land, milvus.io-style and slug alike', async () => {
      const { page } = reader;
      for (const id of ['Install-and-connect', 'A-table-wider-than-a-phone', 'very-long-links']) {
        await page.evaluate(() => scrollTo(0, 0));
        await page.locator(`.prose p a[href="#${id}"]`).click();
        expect(await landedOn(page, id), id).toBe(true);
      }
    });
  });
});

describe('the copy button', () => {
  test('copies the code by keyboard and says so to screen readers', async () => {
    const { page, errors } = await openPage(browser, url(STRESS), {
      viewport: viewport(375),
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const copied = await recordClipboard(page);
    const buttons = page.getByRole('button', { name: 'Copy code' });
    expect(await buttons.count()).toBe(2);
    // The share buttons have their own status region; this is the code-copy one.
    const status = page.getByRole('status').and(page.locator('[data-copy-status]'));
    expect(await status.innerText()).toBe('');
    // Reach the second button with the keyboard from the first code block.
    await page.locator('.prose pre').first().focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Copy code',
    );
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.querySelector('[role=status][data-copy-status]')?.textContent !== '',
    );
    expect(await copied()).toEqual([
      'docker compose --file ./deployments/docker/standalone/docker-compose.yml --project-name milvus-standalone up --detach',
    ]);
    expect(await status.innerText()).toMatch(/^Copied/);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Copied');

    await buttons.first().click();
    await expect.poll(async () => (await copied()).length).toBe(2);
    expect((await copied())[1]).toMatch(/^# Connect to the server[\s\S]*timeout=30\)$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('moving between posts', () => {
  test('previous and next follow publication order; related posts share tags', async () => {
    const { page } = await openPage(browser, url(SEED));
    const nav = page.getByRole('navigation', { name: 'Previous and next posts' });
    expect(decodeURI((await nav.locator('a[rel=prev]').getAttribute('href')) ?? '')).toBe(
      '/milestones/blog/2022-1-5-向量数据库/',
    );
    expect(await nav.locator('a[rel=prev]').innerText()).toContain('向量数据库入门');
    expect(await nav.locator('a[rel=next]').innerText()).toContain('Reading Stress Test');
    const related = page.getByRole('region', { name: 'Related posts' });
    expect(await related.locator('h3 a').allInnerTexts()).toEqual([
      'Reading Stress Test: Sections, Code, a Wide Table and Very Long Links',
    ]);

    await nav.locator('a[rel=next]').click();
    await page.waitForURL((u) => u.pathname === `/milestones${STRESS}`);
    const stressRelated = page.getByRole('region', { name: 'Related posts' });
    expect(await stressRelated.locator('h3 a').allInnerTexts()).toEqual([
      'A Small Step for Milvus – 10,000 Stars',
      'Milvus 2.0: What Changed, in One Table',
    ]);
    expect(await page.getByRole('link', { name: 'Back to all posts' }).getAttribute('href')).toBe(
      '/milestones/blog/',
    );
    await page.context().close();
  });

  test('the oldest post has only a next link; a post sharing no tag has no related posts', async () => {
    const { page } = await openPage(browser, url('/blog/minimal-post/'));
    expect(await page.locator('.post-nav a[rel=prev]').count()).toBe(0);
    expect(await page.locator('.post-nav a[rel=next]').count()).toBe(1);
    expect(await page.locator('.related-posts').count()).toBe(0);
    await page.context().close();
  });
});

describe('the contents of a post with five sections', () => {
  /** Presses Tab until `selector` has focus (or gives up); returns every tag passed on the way. */
  async function tabTo(page: Page, selector: string, limit = 60): Promise<string[]> {
    const passed: string[] = [];
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const { tag, hit } = await page.evaluate(
        (s) => ({
          tag: document.activeElement?.tagName ?? '',
          hit: !!document.activeElement?.matches(s),
        }),
        selector,
      );
      passed.push(tag);
      if (hit) return passed;
    }
    throw new Error(`Tab never reached ${selector}: ${passed.join(' ')}`);
  }

  test.each([375, 1024])(
    'at %i px: a closed details below the hero, opened from the keyboard, its links landing',
    async (width) => {
      const { page } = await openPage(browser, url(STRESS), { viewport: viewport(width) });
      const compact = page.locator('nav.toc-compact');
      expect(await compact.isVisible()).toBe(true);
      expect(await page.locator('nav.toc-side').isVisible()).toBe(false);
      const top = (selector: string) =>
        page.locator(selector).evaluate((el) => el.getBoundingClientRect().top + scrollY);
      const heroBottom = await page
        .locator('.post-header')
        .evaluate((el) => el.getBoundingClientRect().bottom + scrollY);
      expect(await top('nav.toc-compact')).toBeGreaterThanOrEqual(heroBottom);
      expect(await top('nav.toc-compact')).toBeLessThan(await top('.prose'));
      expect(await compact.locator('details').evaluate((d: HTMLDetailsElement) => d.open)).toBe(
        false,
      );
      expect(await compact.locator('a').first().isVisible()).toBe(false);

      await tabTo(page, 'nav.toc-compact summary');
      await page.keyboard.press('Enter');
      expect(await compact.locator('details').evaluate((d: HTMLDetailsElement) => d.open)).toBe(
        true,
      );
      expect(await compact.locator('a').count()).toBe(5);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(
        await compact.locator('a').first().getAttribute('href'),
      );
      await page.keyboard.press('Enter');
      expect(await landedOn(page, 'install-and-connect')).toBe(true);
      await page.context().close();
    },
  );

  test('at 1440 px: a plain list in the margin beside the text, the column unmoved, no summary to tab to', async () => {
    const { page } = await openPage(browser, url(STRESS), { viewport: viewport(1440) });
    const side = page.locator('nav.toc-side');
    expect(await side.isVisible()).toBe(true);
    expect(await page.locator('nav.toc-compact').isVisible()).toBe(false);
    expect(await side.locator('summary, details').count()).toBe(0);
    const box = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    const [mark, prose, list] = await Promise.all([
      box('.site-header .brand'),
      box('.prose'),
      box('nav.toc-side'),
    ]);
    expect(Math.round(prose.left)).toBe(Math.round(mark.left));
    // The column stays centred; the list sits right of it, inside the viewport.
    expect(Math.abs(prose.left - (1440 - prose.right))).toBeLessThanOrEqual(1);
    expect(list.left).toBeGreaterThan(prose.right);
    expect(list.right).toBeLessThanOrEqual(1440);

    const passed = await tabTo(page, 'nav.toc-side a');
    expect(passed).not.toContain('SUMMARY');
    for (const link of await side.locator('a').all()) {
      const id = decodeURIComponent((await link.getAttribute('href'))!.slice(1));
      await page.evaluate(() => scrollTo(0, 0));
      await link.click();
      expect(await landedOn(page, id), id).toBe(true);
      // Sticky: the list stays in view while the text scrolls.
      expect(await side.locator('a').first().isVisible()).toBe(true);
    }
    await page.context().close();
  });

  test('without JavaScript the contents still opens and its links land', async () => {
    const { page } = await openPage(browser, url(STRESS), {
      viewport: viewport(375),
      javaScriptEnabled: false,
    });
    await page.locator('nav.toc-compact summary').click();
    await page.locator('nav.toc-compact a').nth(2).click();
    expect(await landedOn(page, 'a-table-wider-than-a-phone')).toBe(true);
    await page.context().close();
    const wide = await openPage(browser, url(STRESS), {
      viewport: viewport(1440),
      javaScriptEnabled: false,
    });
    expect(await wide.page.locator('nav.toc-side a').first().isVisible()).toBe(true);
    await wide.page.context().close();
  });
});
