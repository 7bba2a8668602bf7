import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readySite } from '../support/sites';
import { connectBrowser } from '../support/browser';
import { contentSecurityPolicy, securityHeaders } from '../../src/features/security/security';
import { builtInlineStyles } from '../support/policy';
import { ROOT } from '../../scripts/project-copy.mjs';

const site = await readySite('site');

/** The site's stylesheets, inline in its pages: the policy allows each by hash. */
const inlineStyles = builtInlineStyles(site.dist);

const PAGE_TYPES = [
  '',
  'blog/',
  'blog/2022-4-12-milvus-10k-stars/',
  'tags/',
  'tags/database/',
  'no-such-page/',
];

interface Visit {
  page: Page;
  status: number | undefined;
  headers: Record<string, string>;
  violations: string[];
  failedRequests: string[];
  dialogs: string[];
}

type Findings = Pick<Visit, 'violations' | 'failedRequests' | 'dialogs'>;

/** One tab per origin, moved from page to page; its listeners record into the current visit's findings. */
const tabs = new Map<string, Promise<{ page: Page; url: string; findings: Findings }>>();

function tabFor(browser: Browser, origin: string) {
  let tab = tabs.get(origin);
  if (!tab) {
    tab = (async () => {
      const page = await (await browser.newContext()).newPage();
      const state = {
        page,
        url: '',
        findings: { violations: [], failedRequests: [], dialogs: [] } as Findings,
      };
      await page.addInitScript(() => {
        (window as unknown as { __violations: string[] }).__violations = [];
        document.addEventListener('securitypolicyviolation', (event) => {
          (window as unknown as { __violations: string[] }).__violations.push(
            `${event.violatedDirective} ${event.blockedURI}`,
          );
        });
      });
      await page.route('**/*', (route) =>
        new URL(route.request().url()).origin === origin
          ? route.continue()
          : route.abort('blockedbyclient'),
      );
      page.on('dialog', async (dialog) => {
        state.findings.dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text()))
          state.findings.violations.push(message.text());
      });
      page.on('response', (response) => {
        if (
          response.url().startsWith(origin) &&
          response.status() >= 400 &&
          response.url() !== state.url
        ) {
          state.findings.failedRequests.push(`${response.status()} ${response.url()}`);
        }
      });
      return state;
    })();
    tabs.set(origin, tab);
  }
  return tab;
}

/** Opens `url`, recording CSP violations the browser reports, failed same-origin requests and dialogs. */
async function visit(browser: Browser, url: string): Promise<Visit> {
  const tab = await tabFor(browser, new URL(url).origin);
  tab.url = url;
  const findings: Findings = (tab.findings = { violations: [], failedRequests: [], dialogs: [] });
  const response = await tab.page.goto(url, { waitUntil: 'load' });
  await tab.page.waitForTimeout(100);
  findings.violations.push(
    ...(await tab.page.evaluate(
      () => (window as unknown as { __violations: string[] }).__violations,
    )),
  );
  return {
    page: tab.page,
    status: response?.status(),
    headers: response?.headers() ?? {},
    ...findings,
  };
}

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(() => browser?.close());

describe('every page type under the production headers', () => {
  test.each(PAGE_TYPES)('/%s', async (path) => {
    const { headers, violations, failedRequests, status } = await visit(
      browser,
      new URL(path, site.url).href,
    );
    expect(status).toBe(path === 'no-such-page/' ? 404 : 200);
    // The same policy for every page, the 404 included; framing refused by X-Frame-Options.
    expect(headers['content-security-policy']).toBe(contentSecurityPolicy(inlineStyles));
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['strict-transport-security']).toBe(
      securityHeaders(inlineStyles)['Strict-Transport-Security'],
    );
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(violations).toEqual([]);
    expect(failedRequests).toEqual([]);
  });
});

describe('under BASE_PATH=milestones, with hostile posts (the real-format site)', () => {
  let server: { url: string };
  beforeAll(async () => {
    server = await readySite('real-format');
  });

  test.each([...PAGE_TYPES.slice(0, -1), 'blog/hostile-frontmatter/'])(
    '/milestones/%s loads cleanly',
    async (path) => {
      const { status, violations, failedRequests, dialogs } = await visit(
        browser,
        new URL(path, server.url).href,
      );
      expect(status).toBe(200);
      expect(violations).toEqual([]);
      expect(failedRequests).toEqual([]);
      expect(dialogs).toEqual([]);
    },
  );

  test('the base path page shows the hostile title as text', async () => {
    const { page } = await visit(browser, new URL('blog/hostile-frontmatter/', server.url).href);
    expect(await page.locator('h1').innerText()).toBe(
      `Quotes " and <script>alert('title')</script> & </script> 🚀`,
    );
  });

  test('what a post embeds against the policy never reaches the page: no script, the frame is a link, nothing to block', async () => {
    const { page, violations, dialogs } = await visit(
      browser,
      new URL('blog/hostile-embed/', server.url).href,
    );
    expect(
      await page.evaluate(
        () => (window as unknown as { __postScriptRan?: boolean }).__postScriptRan,
      ),
    ).toBeUndefined();
    expect(await page.locator('.prose script, .prose iframe').count()).toBe(0);
    // Protocol-relative and same-origin embeds too: cards, so nothing is left for the policy to block.
    expect(
      await page
        .locator('.prose a.embed-card')
        .evaluateAll((cards) => cards.map((card) => card.getAttribute('href'))),
    ).toEqual([
      'https://evil.example.net/embed',
      'https://player.example.net/video/1',
      'https://share.example/milestones/blog/',
      'https://cdn.example.net/talk.mp3',
    ]);
    expect(violations).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  // Every hostile post, as served with the production headers and as a host that sends none (GitHub
  // Pages: the <meta> policy alone): no dialog, no post script, nothing blocked, every file found.
  const hostilePages = readdirSync(join(ROOT, 'tests/fixtures/hostile'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => `blog/${file.replace(/\.md$/, '')}/`);
  test.each(hostilePages)('/milestones/%s is inert with the production headers', async (path) => {
    const { status, violations, failedRequests, dialogs, page } = await visit(
      browser,
      new URL(path, server.url).href,
    );
    expect(status).toBe(200);
    expect([violations, failedRequests, dialogs]).toEqual([[], [], []]);
    expect(await page.evaluate(() => '__postScriptRan' in window)).toBe(false);
  });

  test.each(hostilePages)('/milestones/%s is inert with the <meta> policy alone', async (path) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.route('**/*', async (route) => {
      if (!route.request().url().startsWith(server.url)) return route.abort('blockedbyclient');
      const response = await route.fetch();
      const headers = Object.fromEntries(
        Object.entries(response.headers()).filter(
          ([name]) => !/^(content-security-policy|x-frame-options)$/i.test(name),
        ),
      );
      return route.fulfill({ response, headers });
    });
    try {
      const response = await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
      expect(response?.headers()['content-security-policy']).toBeUndefined();
      expect(response?.status()).toBe(200);
      await page.waitForTimeout(100);
      expect(dialogs).toEqual([]);
      expect(await page.evaluate(() => '__postScriptRan' in window)).toBe(false);
      expect(await page.locator('.prose script, .prose iframe, [onerror], [onload]').count()).toBe(
        0,
      );
    } finally {
      await context.close();
    }
  });
});
