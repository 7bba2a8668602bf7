import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import ogs from 'open-graph-scraper';
import sharp from 'sharp';
import { unfurl } from 'unfurl.js';
import { describe, expect, test } from 'vitest';
import { fileFor } from '../support/dist-links';
import { readySite, urlOf } from '../support/sites';

// The built site as real link-preview clients and a real feed parser read it.
const site = await readySite('site');
const ORIGIN = 'https://milestones.milvus.io';
const POST = 'blog/2022-4-12-milvus-10k-stars/';
const OWN_URL = `${ORIGIN}/${POST}`;
const TITLE = 'A Small Step for Milvus - 10,000 Stars';

/** The file in dist/ behind an absolute URL of this deployment; fails when there is none. */
function distFile(url: string): string {
  expect(url.startsWith(`${ORIGIN}/`), url).toBe(true);
  const file = fileFor(site.dist, new URL(url).pathname, '/');
  expect(file && existsSync(file), url).toBeTruthy();
  return file!;
}

describe('open-graph-scraper on the post', async () => {
  const html = await readFile(join(site.dist, POST, 'index.html'), 'utf8');
  const { result, error } = await ogs({ html });

  test('reads the title, a description and this page as the URL', () => {
    expect(error).toBe(false);
    expect(result.ogTitle).toBe(TITLE);
    expect(result.ogDescription?.length).toBeGreaterThan(40);
    expect(result.ogUrl).toBe(OWN_URL);
    expect(result.twitterCard).toBe('summary_large_image');
  });

  test('finds one card image that exists, is a JPEG and has the stated size', async () => {
    const [image] = result.ogImage ?? [];
    expect(image?.type).toBe('image/jpeg');
    const meta = await sharp(distFile(image!.url)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual([
      'jpeg',
      Number(image!.width),
      Number(image!.height),
    ]);
  });

  test('reads the article author and a square publisher logo from the JSON-LD', async () => {
    const [ld] = (result.jsonLD ?? []) as Array<{
      author?: { name?: string };
      url?: string;
      publisher?: { logo: { url: string; width: number; height: number } };
    }>;
    expect(ld?.author?.name).toBe('The Milvus Community');
    expect(ld?.url).toBe(OWN_URL);
    const logo = ld?.publisher?.logo;
    if (!logo) throw new Error('no publisher logo in the JSON-LD');
    const meta = await sharp(distFile(logo.url)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', logo.width, logo.height]);
    expect(meta.width).toBe(meta.height);
    expect(meta.width).toBeGreaterThanOrEqual(512);
  });
});

describe('unfurl.js, fetching the served post', async () => {
  const preview = await unfurl(urlOf(site, POST), { oembed: false, timeout: 10_000 });

  test('sees the title, this page, the card and an icon a client can show', async () => {
    expect(preview.open_graph.title).toBe(TITLE);
    expect(preview.open_graph.url).toBe(OWN_URL);
    expect(preview.twitter_card.images[0]?.url).toBe(preview.open_graph.images?.[0]?.url);
    expect(preview.canonical_url).toBe('https://milvus.io/blog/2022-4-12-milvus-10k-stars.md');
    expect(preview.favicon, 'a favicon URL').toBeTruthy();
    const icon = await fetch(new URL(preview.favicon!, urlOf(site, POST)));
    expect(icon.status).toBe(200);
  });

  test('an apple-touch-icon of 180 × 180 PNG is declared and served', async () => {
    const html = await readFile(join(site.dist, POST, 'index.html'), 'utf8');
    const href = /<link rel="apple-touch-icon" sizes="180x180" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    const meta = await sharp(
      Buffer.from(await (await fetch(urlOf(site, href!))).arrayBuffer()),
    ).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 180, 180]);
  });
});

describe('@rowanmanning/feed-parser on rss.xml', async () => {
  const feed = parseFeed(await readFile(join(site.dist, 'rss.xml'), 'utf8'));

  test('reads the site, its square logo and each post as an item linking to this site', () => {
    expect(feed.title).toBe('Milvus Milestones');
    expect(feed.image?.url).toBe(`${ORIGIN}/icons/logo.png`);
    expect(feed.items.length).toBeGreaterThan(0);
    const [item] = feed.items;
    expect(item?.title).toBe(TITLE);
    expect(item?.url).toBe(OWN_URL);
    expect(item?.authors.map((a) => a.name)).toEqual(['The Milvus Community']);
  });

  test("the post's cover is an enclosure on this site whose length, type and size are the file's", async () => {
    const [item] = feed.items;
    const media = item?.media ?? [];
    expect(media.map((m) => m.url)).toHaveLength(1);
    const [picture] = media;
    expect(picture?.url).toMatch(new RegExp(`^${ORIGIN}/feed/milvus-10k-cover-[0-9a-f]+\\.jpg$`));
    const file = distFile(picture!.url);
    expect(picture?.length).toBe((await stat(file)).size);
    expect(picture?.mimeType).toBe('image/jpeg');
    // Media RSS states the pixel size too; the parser does not read it, so it is read from the XML.
    const xml = await readFile(join(site.dist, 'rss.xml'), 'utf8');
    const content = new RegExp(`<media:content url="${picture!.url}"[^>]*/>`).exec(xml)?.[0] ?? '';
    const meta = await sharp(file).metadata();
    expect(meta.format).toBe('jpeg');
    expect(content).toContain(`width="${meta.width}" height="${meta.height}"`);
    expect(content).toContain(`fileSize="${picture?.length}"`);
    expect(xml).toContain(
      `<enclosure url="${picture!.url}" length="${picture?.length}" type="image/jpeg"/>`,
    );
  });

  test('items carry their content with no controls, buttons, "Full size" links or build placeholders', () => {
    for (const item of feed.items) {
      expect(item.content?.length, item.title ?? '').toBeGreaterThan(200);
      expect(item.content).not.toMatch(
        /<button|Pause animation|Copy|Full size|__astro|<img(?![^>]*\ssrc=)/i,
      );
    }
  });

  test('the wallpaper is a paragraph linking to the card on the page and one picture this site serves', async () => {
    const content = feed.items[0]?.content ?? '';
    expect(content).not.toMatch(/wallpaper-card|\sdownload[=>\s]/);
    expect(content).toMatch(
      new RegExp(`<a href="${OWN_URL}#wallpaper-downloads">Download the wallpaper in \\d+ sizes`),
    );
    const previews = [
      ...content.matchAll(
        /<img src="([^"]+)" alt="Preview of the wallpaper" width="(\d+)" height="(\d+)"/g,
      ),
    ];
    expect(previews).toHaveLength(1);
    const [, src, width, height] = previews[0]!;
    const meta = await sharp(distFile(src!)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', Number(width), Number(height)]);
  });
});
