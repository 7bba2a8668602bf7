import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/project-copy.mjs';
import { builtSite } from '../support/sites';

const FIXTURES = join(ROOT, 'tests/fixtures/posts');

// Posts in the Milvus format (tables, code, raw HTML, remote images, every date shape), built
// beside the seed on a machine whose clock is in Los Angeles (tests/setup/sites.ts).
const build = await builtSite('real-format');

async function page(path: string): Promise<CheerioAPI> {
  return load(await readFile(join(build.dist, path, 'index.html'), 'utf8'));
}

describe('a folder of real-format posts', () => {
  test('builds, with a page per post at its file name', async () => {
    expect(build.code, build.output).toBe(0);
    const expected = [...(await readdir(FIXTURES)), '2022-4-12-milvus-10k-stars.md'].map((f) =>
      f.replace(/\.mdx?$/, ''),
    );
    for (const id of expected) {
      const $ = await page(`blog/${id}`);
      expect($('h1').length, id).toBe(1);
    }
  });

  test('logs no highlighter noise for unknown or capitalised languages', () => {
    expect(build.output).not.toMatch(/\[Shiki\]|doesn't exist|falling back/i);
  });

  test('keeps dates as written whatever the time zone, and sorts the list newest first', async () => {
    const dates = {
      'milvus-2.0-release-notes': ['2026-06-03', 'June 3, 2026'],
      Embedding_HTML_and_Remote_Images: ['2021-04-08', 'April 8, 2021'],
      '2022-1-5-向量数据库': ['2022-01-05', 'January 5, 2022'],
      'minimal-post': ['2020-12-31', 'December 31, 2020'],
      '2022-4-12-milvus-10k-stars': ['2022-04-12', 'April 12, 2022'],
    };
    for (const [id, [iso, text]] of Object.entries(dates)) {
      const time = (await page(`blog/${id}`))('.post-header time');
      expect(time.attr('datetime'), id).toBe(iso);
      expect(time.text(), id).toBe(text);
    }
    const $ = await page('blog');
    const order = $('.post-list time')
      .map((_, el) => $(el).attr('datetime'))
      .get();
    expect(order).toEqual([...order].sort().reverse());
  });

  test('renders GFM: tables, strikethrough, autolinks, task lists and footnotes, with valid alignment', async () => {
    const $ = await page('blog/milvus-2.0-release-notes');
    expect($('.prose table th').first().hasClass('align-left')).toBe(true);
    expect($('.prose table td.align-right').length).toBe(2);
    expect($('.prose del').text()).toBe('roughly');
    expect($('.prose a[href="https://milvus.io/docs"]').text()).toBe('https://milvus.io/docs');
    expect($('.prose input[type=checkbox]').length).toBe(2);
    expect($('.prose input[type=checkbox][checked]').length).toBe(1);
    expect($('.prose section[data-footnotes] li').length).toBe(1);
    expect($('[align]').length).toBe(0);
  });

  test('shows the title once when the body repeats it as an h1', async () => {
    const $ = await page('blog/milvus-2.0-release-notes');
    expect($('h1').text().trim()).toBe('Milvus 2.0: What Changed, in One Table');
    expect($('.prose h1').length).toBe(0);
  });

  test('highlights code whatever the case of its language tag; unknown languages stay plain', async () => {
    const $ = await page('blog/milvus-2.0-release-notes');
    const languages = $('.prose pre.astro-code')
      .map((_, el) => $(el).attr('data-language'))
      .get();
    expect(languages).toEqual(['python', 'bash', 'yaml', 'plaintext']);
    const python = $('.prose pre.astro-code').first();
    expect(python.find('span[class^="sk-"]').length).toBeGreaterThan(3);
    expect(python.text()).toContain('connections.connect(host="localhost", port="19530")');
  });

  test('keeps raw HTML, iframes and remote images; the cover shows once', async () => {
    const $ = await page('blog/Embedding_HTML_and_Remote_Images');
    expect($('.prose p.align-center img[alt="A diagram"]').attr('src')).toBe(
      'https://assets.zilliz.com/diagram_456def.png',
    );
    expect($('.prose iframe[src="https://www.youtube.com/embed/abc123"]').length).toBe(1);
    expect($('.prose img[alt="architecture"]').length).toBe(1);
    // Remote images the media manifest does not know stay remote, and load lazily.
    expect($('.prose img[alt="architecture"]').attr('src')).toBe(
      'https://assets.zilliz.com/architecture_789.png',
    );
    expect(
      $('.prose img')
        .map((_, el) => $(el).attr('loading'))
        .get(),
    ).toEqual(
      $('.prose img')
        .map(() => 'lazy')
        .get(),
    );
    expect($('.prose table th.align-left').text()).toBe('Key');
    expect($('.prose b').text()).toBe('bold');
    expect($('img[src*="some_cover_123abc"]').length).toBe(1);
    expect($('.post-cover img').attr('alt')).toBe('A cover caption');
  });

  test('escapes quotes in titles and keeps non-Latin text and tags', async () => {
    const html = await readFile(
      join(build.dist, 'blog/Embedding_HTML_and_Remote_Images/index.html'),
      'utf8',
    );
    expect(html).toContain('<title>Raw HTML, &quot;quotes&quot; &amp; Remote Images');
    const $ = await page('blog/2022-1-5-向量数据库');
    expect($('h1').text()).toBe('向量数据库入门');
    expect(
      $('.post-header .tag-list a')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(['数据库', '向量']);
    const tagPage = await page('tags/向量');
    expect(tagPage('.post-list a').text()).toContain('向量数据库入门');
  });

  test('treats a numeric title as text and builds MDX posts', async () => {
    const $ = await page('blog/minimal-post');
    expect($('h1').text()).toBe('2021');
    expect($('.prose').text()).toContain('for the year 2021');
  });
});
