import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectBrowser, openPage } from '../support/browser';
import { fileFor } from '../support/dist-links';
import { readySite, urlOf } from '../support/sites';
import { site as siteConfig } from '../../src/config/site';

// Real-format posts written for each way a real Milvus post rendered wrong or unsafe
// (tests/fixtures/posts/), built beside the seed and the other fixtures under BASE_PATH=milestones.
const site = await readySite('real-format');
const BASE = '/milestones/';

const postIds = readdirSync(join(site.dist, 'blog'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** A page's CSS: its inline stylesheets, then every stylesheet it links, read from dist/. */
function pageCss($: CheerioAPI): string {
  const linked = $('link[rel="stylesheet"]').map((_, link) =>
    readFileSync(fileFor(site.dist, $(link).attr('href')!, BASE)!, 'utf8'),
  );
  return [
    ...$('style')
      .map((_, style) => $(style).text())
      .get(),
    ...linked.get(),
  ].join('\n');
}

function page(id: string): CheerioAPI {
  return load(readFileSync(join(site.dist, 'blog', id, 'index.html'), 'utf8'));
}

const pages = postIds.map((id) => [id, page(id)] as const);

/** The page's Content-Security-Policy, directive → sources. */
function policyOf($: CheerioAPI): Map<string, string[]> {
  const policy = $('meta[http-equiv="content-security-policy"]').attr('content') ?? '';
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function allowedBy(sources: string[] | undefined, url: string): boolean {
  if (!sources) return false;
  const parsed = new URL(url, `https://share.example${BASE}`);
  if (parsed.origin === 'https://share.example') return sources.includes("'self'");
  return sources.includes(parsed.origin) || sources.includes(`${parsed.protocol}`);
}

describe('across every post of the build', () => {
  test('the fixtures are all here, and all in the feed (it carries the newest site.feedItems posts)', () => {
    expect(postIds.length).toBeLessThanOrEqual(siteConfig.feedItems);
    for (const id of [
      'title-with-apostrophe',
      'cover-after-heading',
      'cover-after-paragraph',
      'h1-sections',
      'anchor-punctuation',
      'links-between-posts',
      'placeholders-and-empty-links',
      'math-and-code',
      'blocked-embeds',
      'unsafe-html',
      'a post with spaces',
    ]) {
      expect(postIds, id).toContain(id);
    }
  });

  test.each(pages)('%s: one h1 (the title), the cover once', (_id, $) => {
    expect($('h1').length).toBe(1);
    expect($('.post-header h1').length).toBe(1);
    const cover = $('.post-cover img').attr('src');
    if (cover)
      expect($('.prose img').filter((_, img) => $(img).attr('src') === cover).length).toBe(0);
  });

  test.each(pages)('%s: every in-page link lands on an element of the page', (_id, $) => {
    $('a[href^="#"]').each((_, a) => {
      const id = decodeURIComponent(($(a).attr('href') ?? '').slice(1));
      if (id) expect($(`[id="${id.replace(/"/g, '\\"')}"]`).length, `#${id}`).toBe(1);
    });
  });

  test.each(pages)('%s: no relative .md link, no empty link', (_id, $) => {
    $('.prose a[href]').each((_, a) => {
      const href = $(a).attr('href') ?? '';
      if (!/^https?:/.test(href)) expect(href).not.toMatch(/\.mdx?(#|\?|$)/);
      const named =
        $(a).text().trim() || $(a).find('img[alt]').attr('alt')?.trim() || $(a).attr('aria-label');
      expect(named, href).toBeTruthy();
    });
  });

  test.each(pages)(
    '%s: no inline style, script, meta, base, form, on* attribute or javascript: URL from the body',
    (_id, $) => {
      const body = $('.prose');
      expect(body.find('[style]').length).toBe(0);
      expect(
        body.find(
          'script, meta, base, form, input:not([type=checkbox]), style, object, embed, link, svg:not(.katex svg)',
        ).length,
      ).toBe(0);
      body.find('*').each((_, element) => {
        for (const [name, value] of Object.entries(
          (element as { attribs: Record<string, string> }).attribs,
        )) {
          expect(name).not.toMatch(/^on/i);
          expect(value).not.toMatch(/^\s*javascript:/i);
        }
      });
      expect($('meta[http-equiv="refresh"], base').length).toBe(0);
    },
  );

  test.each(pages)('%s: nothing embedded that the page’s policy blocks', (_id, $) => {
    const policy = policyOf($);
    $('.prose iframe').each((_, frame) =>
      expect(
        allowedBy(policy.get('frame-src'), $(frame).attr('src') ?? ''),
        $(frame).attr('src'),
      ).toBe(true),
    );
    $(
      '.prose video[src], .prose audio[src], .prose video source[src], .prose audio source[src]',
    ).each((_, media) => {
      expect(
        allowedBy(policy.get('media-src'), $(media).attr('src') ?? ''),
        $(media).attr('src'),
      ).toBe(true);
    });
    $('.prose img[src]').each((_, img) =>
      expect(allowedBy(policy.get('img-src'), $(img).attr('src') ?? ''), $(img).attr('src')).toBe(
        true,
      ),
    );
  });
});

describe('one title, one cover', () => {
  test('a body h1 with typographic quotes and other punctuation is the title: dropped, and the cover after it too', () => {
    const $ = page('title-with-apostrophe');
    expect($('h1').text()).toBe("What's New in Vector Search: A Field Guide");
    expect($('img[src*="field_guide_cover_f1e2d3"]').length).toBe(1);
    expect($('.post-cover img').attr('alt')).toBe('A map of the field.');
  });

  test('a cover repeated after a heading or a paragraph shows once', () => {
    for (const [id, name] of [
      ['cover-after-heading', 'heading_cover_0b1c2d'],
      ['cover-after-paragraph', 'paragraph_cover_3e4f5a'],
    ]) {
      const $ = page(id!);
      expect($(`img[src*="${name}"]`).length, id).toBe(1);
    }
    expect(page('cover-after-heading')('.prose h2').text()).toBe('Overview');
    expect(page('cover-after-paragraph')('.prose p').first().text()).toBe(
      'An opening paragraph comes before the picture.',
    );
    expect(page('cover-after-heading')('.post-cover img').attr('alt')).toBe('A lighthouse at dusk');
  });

  test('links to the dropped title land on the page’s h1, written either way', () => {
    const $ = page('title-with-apostrophe');
    for (const id of [
      "What's-New-in-Vector-Search:-A-Field-Guide",
      'whats-new-in-vector-search-a-field-guide',
      "What's-New-in-Vector-Search-A-Field-Guide",
    ]) {
      const target = $(`[id="${id}"]`);
      expect(target.length, id).toBe(1);
      expect(target.is('h1') || target.parent().is('h1'), id).toBe(true);
    }
  });
});

describe('sections and anchors', () => {
  test('body h1s used as sections become h2s with anchors, in the table of contents', () => {
    const $ = page('h1-sections');
    expect(
      $('.prose h2')
        .map((_, h) => $(h).attr('id'))
        .get(),
    ).toEqual(['setup', 'results']);
    expect($('.prose h3').attr('id')).toBe('details-of-the-setup');
    expect($('.prose .heading a.heading-anchor[href="#setup"]').length).toBe(1);
    expect(
      $('.toc-side a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['#setup', '#details-of-the-setup', '#results']);
    expect($('.prose a[href="#Setup"]').length).toBe(1);
  });

  test('a link written with or without ? . , : ! reaches its heading', () => {
    const $ = page('anchor-punctuation');
    const hrefs = $('.prose ul a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(hrefs).toHaveLength(7);
    for (const href of hrefs) {
      const target = $(`[id="${decodeURIComponent(href.slice(1))}"]`);
      expect(target.closest('h2').length, href).toBe(1);
    }
  });
});

describe('links between posts stay on this site', () => {
  test('x.md and milvus.io/blog/x(.md) links go to the post here, fragments kept; others stay as written', () => {
    const $ = page('links-between-posts');
    const hrefs = $('.prose a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(hrefs).toEqual([
      `${BASE}blog/reading-stress-test/`,
      `${BASE}blog/reading-stress-test/#Install-and-connect`,
      `${BASE}blog/milvus-2.0-release-notes/`,
      `${BASE}blog/2022-4-12-milvus-10k-stars/`,
      `${BASE}blog/reading-stress-test/#very-long-links`,
      'https://milvus.io/blog/a-post-that-is-not-here.md',
    ]);
    // Links that now stay on the site are internal: no rel for leaving it.
    expect($(`.prose a[href^="${BASE}"][rel]`).length).toBe(0);
  });

  test('a post named with spaces has a working page at an encoded URL', () => {
    expect(existsSync(join(site.dist, 'blog/a post with spaces/index.html'))).toBe(true);
    expect(page('a post with spaces')('.prose a').attr('href')).toBe(
      `${BASE}blog/a%20post%20with%20spaces/`,
    );
    const list = load(readFileSync(join(site.dist, 'blog/index.html'), 'utf8'));
    expect(list(`a[href="${BASE}blog/a%20post%20with%20spaces/"]`).length).toBeGreaterThan(0);
  });

  test('a tag that is only an emoji gets a tag page with a plain slug', () => {
    const $ = page('a post with spaces');
    expect($('.post-header .tag-list a').attr('href')).toBe(`${BASE}tags/tag-1f680/`);
    expect(
      load(readFileSync(join(site.dist, 'tags/tag-1f680/index.html'), 'utf8'))('h1').text(),
    ).toContain('🚀');
  });
});

describe('text is not lost', () => {
  test('placeholders that look like tags stay text; real markup stays markup', () => {
    const $ = page('placeholders-and-empty-links');
    const text = $('.prose').text();
    expect(text).toContain('127.0.0.1:<port>/docs');
    expect(text).toContain('(<username>:<password>)');
    expect(text).toContain('<ip>:19530');
    expect($('.prose p').filter((_, p) => $(p).text() === '<ip>').length).toBe(1);
    expect($('.prose b').text()).toBe('real');
  });

  test('an empty link shows its host', () => {
    expect(
      page('placeholders-and-empty-links')(
        '.prose a[href="https://milvus.io/docs/install_standalone-docker.md"]',
      ).text(),
    ).toBe('milvus.io');
  });

  test('$$ math is typeset at build, prices stay text, KaTeX’s stylesheet is only on pages with math', () => {
    const $ = page('math-and-code');
    expect($('.prose .katex-display .katex').length).toBe(1);
    expect($('.prose p .katex').length).toBe(2);
    expect($('.prose').text()).toContain('A small plan costs $5 and a large one $10 a month.');
    expect($('.prose').text()).not.toContain('$$');
    expect($('script[src*="katex"]').length).toBe(0);
    expect($('link[rel="stylesheet"][href$="math/katex.css"]').length).toBe(1);
    const css = pageCss($);
    expect(css).toMatch(/@font-face\{[^}]*font-family:KaTeX_Main[^}]*\.woff2/);
    expect(css).not.toMatch(/\.woff\)|\.ttf\)|data:font/);
    for (const name of new Set(
      $('.prose')
        .html()
        ?.match(/kx-[a-z0-9]+/g),
    ))
      expect(css).toContain(`.${name}{`);
    for (const [id, other] of pages)
      if (id !== 'math-and-code') expect(pageCss(other), id).not.toContain('KaTeX');
  });
});

describe('code', () => {
  test('C++ is highlighted as C++; italic and bold tokens are classes the page defines', () => {
    const $ = page('math-and-code');
    expect(
      $('.prose pre')
        .map((_, pre) => $(pre).attr('data-language'))
        .get(),
    ).toEqual(['markdown', 'cpp', 'cpp', 'cpp']);
    expect($('.prose [style]').length).toBe(0);
    const css = pageCss($);
    expect(css).toMatch(/--shiki-light-font-style:italic/);
    expect(css).toMatch(/--shiki-light-font-weight:bold/);
    for (const name of new Set(
      $('.prose pre')
        .html()
        ?.match(/sk-[a-z0-9]+/g),
    ))
      expect(css).toContain(`.${name}{`);
  });
});

describe('embeds and raw HTML', () => {
  test('players from hosts the policy does not frame are link cards; an allowed player stays', () => {
    const $ = page('blocked-embeds');
    expect(
      $('.prose a.embed-card')
        .map((_, a) => $(a).find('.embed-card-provider').text())
        .get(),
    ).toEqual(['Vimeo', 'Spotify', 'cdn.example.net']);
    expect($('.prose a.embed-card').first().attr('href')).toBe(
      'https://player.vimeo.com/video/123456789',
    );
    expect($('.prose a.embed-card').first().text()).toContain('A demo video');
    expect(
      $('.prose iframe')
        .map((_, f) => $(f).attr('src'))
        .get(),
    ).toEqual(['https://www.youtube.com/embed/xyz789']);
    expect($('.prose img[src="https://images.example.net/chart.png"]').length).toBe(1);
    expect($('script[src*="vimeo"]').length).toBe(0);
  });

  test('what an author may write stays: details, kbd, sup, aligned table cells', () => {
    const $ = page('unsafe-html');
    expect($('.prose details summary').text()).toBe('More');
    expect($('.prose kbd').text()).toBe('Ctrl');
    expect($('.prose sup').text()).toBe('2');
    expect($('.prose td.align-right').text()).toBe('2');
    expect($('.prose').text()).toContain('Fallback text of the object.');
    expect($('.prose a[href="https://milvus.io/"]').text()).toBe('a real one');
  });

  test('what was removed is a build warning naming the post', () => {
    const lines = site.output.split('\n');
    const sanitized =
      lines.find((line) => line.includes('[sanitize] src/content/blog/unsafe-html.md:')) ?? '';
    for (const removed of [
      '<meta>',
      '<base>',
      '<style>',
      '<form>',
      '<object>',
      '<svg>',
      'onclick on <p>',
      'style on <p>',
      'href="javascript:…" on <a>',
    ]) {
      expect(sanitized, removed).toContain(removed);
    }
    const csp = lines
      .filter((line) => line.includes('[csp] src/content/blog/blocked-embeds.md:'))
      .join('\n');
    expect(csp).toContain('https://player.vimeo.com');
    expect(csp).toContain('https://open.spotify.com');
    expect(
      lines.some((line) =>
        line.includes('[sanitize] src/content/blog/blocked-embeds.md: removed <script>'),
      ),
    ).toBe(true);
  });

  test('the feed carries the same clean HTML: nothing the page-side sanitiser removed comes back', () => {
    const $ = load(readFileSync(join(site.dist, 'rss.xml'), 'utf8'), { xml: true });
    const item = $('item').filter(
      (_, i) => $(i).children('title').text() === 'Raw HTML That Must Not Reach Readers',
    );
    const content = item.children('content\\:encoded').text();
    expect(content).toContain('A paragraph with a handler.');
    expect(content).not.toMatch(
      /formaction|xlink:href|<object|<base|<form|<meta|<style|style=|javascript:|\son\w+=/i,
    );
    const embeds = $('item')
      .filter(
        (_, i) => $(i).children('title').text() === 'Embeds From Hosts the Policy Does Not Allow',
      )
      .children('content\\:encoded')
      .text();
    expect(load(embeds)('iframe, script').length).toBe(0);
    expect(load(embeds)('a.embed-card').length).toBe(4);
  });
});

describe('in a browser, under the production headers', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(() => browser?.close());

  test.each(['blocked-embeds', 'math-and-code', 'unsafe-html', 'title-with-apostrophe'])(
    '%s: no Content-Security-Policy violation, no redirect',
    async (id) => {
      const url = urlOf(site, `/blog/${id}/`);
      const { page: tab, errors } = await openPage(browser, url);
      await tab.waitForTimeout(200);
      expect(tab.url()).toBe(url);
      expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
      if (id === 'math-and-code') {
        await tab.evaluate(() => document.fonts.ready);
        expect(await tab.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
        expect(
          await tab.evaluate(() =>
            [...document.fonts].some((f) => f.family.includes('KaTeX') && f.status === 'loaded'),
          ),
        ).toBe(true);
      }
      await tab.context().close();
    },
  );
});
