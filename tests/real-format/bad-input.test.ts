import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { filesIn } from '../support/dist-links';
import { builtSite, page } from '../support/sites';

// The real-format site (under /milestones/ at https://share.example): the hostile posts bring local
// pictures, embeds that only look local, a link that only looks like a path, and tags and a title
// with invisible characters (tests/fixtures/hostile/).
const site = await builtSite('real-format');
const ORIGIN_BASE = 'https://share.example/milestones/';
const embeds = site.code === 0 ? await page(site, 'blog/hostile-embed/') : load('');

describe('files a post brings', () => {
  test('no file in dist/ carries an astro:assets placeholder', async () => {
    expect(site.code, site.output).toBe(0);
    const leaks: string[] = [];
    for (const file of filesIn(site.dist).filter((f) => /\.(html|xml|json|txt)$/.test(f)))
      if (/__astro_image_/i.test(await readFile(file, 'utf8')))
        leaks.push(relative(site.dist, file));
    expect(leaks).toEqual([]);
  });

  test('no SVG in dist/ carries script, event handlers or foreign objects', async () => {
    for (const file of filesIn(site.dist).filter((f) => f.endsWith('.svg')))
      expect(await readFile(file, 'utf8'), relative(site.dist, file)).not.toMatch(
        /<script|\son[a-z]+\s*=|<foreignObject|javascript:/i,
      );
  });

  test('markdown and raw <img> pictures beside a post are optimised, sized pictures on the page', () => {
    for (const alt of ['A chart beside the post', 'A photo beside the post']) {
      const img = embeds(`.prose img[alt="${alt}"]`);
      expect(img.length, alt).toBe(1);
      expect(img.attr('src'), alt).toMatch(/^\/milestones\/_astro\/[^/]+\.webp$/);
      expect(Number(img.attr('width')), alt).toBeGreaterThan(0);
      expect(Number(img.attr('height')), alt).toBeGreaterThan(0);
    }
    // The raw image keeps the width its author gave it.
    expect(embeds('.prose img[alt="A photo beside the post"]').attr('width')).toBe('400');
  });

  test('the feed shows them with absolute URLs of files that exist', async () => {
    const feed = load(await readFile(join(site.dist, 'rss.xml'), 'utf8'), { xml: true });
    const item = feed('item').filter((_, el) =>
      feed(el).children('link').text().includes('/hostile-embed/'),
    );
    const content = load(item.children('content\\:encoded').text());
    for (const alt of ['A chart beside the post', 'A photo beside the post']) {
      const src = content(`img[alt="${alt}"]`).attr('src') ?? '';
      expect(src, alt).toMatch(new RegExp(`^${ORIGIN_BASE}_astro/[^/]+\\.webp$`));
      const file = join(site.dist, decodeURIComponent(src.slice(ORIGIN_BASE.length)));
      expect((await readFile(file)).byteLength, alt).toBeGreaterThan(0);
    }
  });
});

describe('embeds and links are judged as the browser reads them', () => {
  test('protocol-relative and same-origin frames and media sources become link cards, each with a [csp] warning naming the post', () => {
    const cards = embeds('.prose a.embed-card')
      .map((_, a) => embeds(a).attr('href'))
      .get();
    expect(cards).toEqual([
      'https://evil.example.net/embed',
      'https://player.example.net/video/1',
      'https://share.example/milestones/blog/',
      'https://cdn.example.net/talk.mp3',
    ]);
    expect(embeds('.prose iframe, .prose audio').length).toBe(0);
    const warnings = site.output
      .split('\n')
      .filter((line) => line.includes('[csp] src/content/blog/hostile-embed.md:'));
    for (const origin of [
      'https://player.example.net',
      'https://share.example',
      'https://cdn.example.net',
    ])
      expect(warnings.join('\n')).toContain(`from ${origin} is shown as a link`);
  });

  test('a backslash path that leads off-site is written as the external link it is', () => {
    const link = embeds('.prose a').filter((_, a) => embeds(a).text() === 'sign in');
    expect(link.attr('href')).toBe('https://evil.example/login');
    expect(link.attr('rel')?.split(' ').sort()).toEqual(['noopener', 'noreferrer']);
  });
});

describe('text and tags', () => {
  test('titles lose bidi overrides and zero-width characters', async () => {
    const $ = await page(site, 'blog/hostile-frontmatter/');
    expect($('h1').text()).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/);
    expect($('h1').text()).toMatch(/^Quotes " and/);
  });

  test('C, C++ and C# get three tag pages; tags equal after normalisation are one; each lists the post once', async () => {
    const $ = await page(site, 'blog/hostile-frontmatter/');
    const tags = $('.post-header .tag-list a')
      .map((_, a) => $(a).attr('href'))
      .get();
    for (const slug of ['c', 'c-plus-plus', 'c-sharp', 'ab', 'café'])
      expect(
        tags.filter((href) => href === `/milestones/tags/${slug}/`),
        slug,
      ).toHaveLength(1);
    // <b>bold</b>, javascript:alert(1), "quoted", and the five above: nothing doubled.
    expect(tags).toHaveLength(8);
    for (const slug of ['c', 'c-plus-plus', 'c-sharp', 'ab']) {
      const tagPage = await page(site, `tags/${slug}/`);
      const listed = tagPage('.post-list a[href$="/blog/hostile-frontmatter/"]').length;
      expect(listed, slug).toBe(1);
    }
  });
});
