import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { filesIn } from '../support/dist-links';
import { builtSite } from '../support/sites';

// The seed beside posts with remote covers and none, under BASE_PATH: every built page.
const build = await builtSite('real-format');

/** The local cover that is the page's largest paint: a post's hero cover, or the home page's featured one. */
function heroCoverSource($: CheerioAPI) {
  const source = $(
    '.post-header .post-cover source[type="image/avif"], .featured-post .post-cover source[type="image/avif"]',
  );
  return source.length ? source.first() : undefined;
}

describe('the cover preload', () => {
  test('pages whose largest paint is a local cover preload its AVIF files, exactly as the <img> lists them, before any stylesheet; no other page preloads an image', async () => {
    expect(build.code, build.output).toBe(0);
    const pages = filesIn(build.dist).filter((file) => file.endsWith('.html'));
    const preloading: string[] = [];
    for (const file of pages) {
      const name = relative(build.dist, file);
      const $ = load(await readFile(file, 'utf8'));
      const preloads = $('link[rel="preload"][as="image"]');
      const source = heroCoverSource($);
      if (!source) {
        expect(preloads.length, name).toBe(0);
        continue;
      }
      preloading.push(name);
      expect(preloads.length, name).toBe(1);
      const preload = preloads.first();
      expect(preload.attr('imagesrcset'), name).toBe(source.attr('srcset'));
      expect(preload.attr('imagesizes'), name).toBe(source.attr('sizes'));
      expect(preload.attr('type'), name).toBe('image/avif');
      expect(preload.attr('fetchpriority'), name).toBe('high');
      // In <head>, after the viewport (its sizes are read against it) and before every stylesheet, inline or linked.
      const head = $('head').children().toArray();
      const at = head.indexOf(preload.get(0)!);
      const viewport = head.findIndex((el) => $(el).is('meta[name="viewport"]'));
      const stylesheets = head.flatMap((el, index) =>
        $(el).is('style, link[rel~="stylesheet"]') ? [index] : [],
      );
      expect(at, name).toBeGreaterThan(viewport);
      expect(viewport, name).toBeGreaterThan(-1);
      expect(stylesheets.length, name).toBeGreaterThan(0);
      expect(Math.min(...stylesheets), name).toBeGreaterThan(at);
      // The cover itself is eager and high priority, so the preload is not a second, competing request.
      const img = source.closest('picture').find('img');
      expect(img.attr('loading'), name).toBe('eager');
      expect(img.attr('fetchpriority'), name).toBe('high');
    }
    // The seed's post, whose cover is local (here the home page features a newer fixture).
    expect(preloading).toContain('blog/2022-4-12-milvus-10k-stars/index.html');
  });

  test('a post whose cover stays remote preloads nothing', async () => {
    const $ = load(
      await readFile(`${build.dist}/blog/Embedding_HTML_and_Remote_Images/index.html`, 'utf8'),
    );
    expect($('.post-cover img').length).toBe(1);
    expect($('link[rel="preload"]').length).toBe(0);
  });
});
