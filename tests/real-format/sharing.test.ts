import { copyFile, mkdir, readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { SyntaxValidator } from 'fast-xml-validator';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { xLength } from '../../src/features/sharing/links';
import { displayTitle, truncate } from '../../src/lib/text';
import { ROOT } from '../../scripts/project-copy.mjs';
import { builtSite } from '../support/sites';

// The seed beside the real-format fixtures, built for a deployment under a sub-path of another
// origin (tests/setup/sites.ts): every absolute URL must follow SITE_URL and BASE_PATH.
const SITE = 'https://share.example';
const BASE = '/milestones/';
const ORIGIN_BASE = `${SITE}${BASE}`;
const HOSTILE_TITLE =
  'Say "hi" <b>bold</b> & </script><script>alert(1)</script> 🚀 向量 Launch Day';
const HOSTILE_DESC = 'Description with "quotes", <tags> & </script> and emoji 🎉';
const CHINESE = '2022-1-5-向量数据库';

const build = await builtSite('real-format');
/** Where the built cards are copied for a reviewer to look at. */
const REVIEW = join(ROOT, 'test-results/cards');
const dist = build.dist;

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}

async function page(path: string): Promise<CheerioAPI> {
  return load(await readFile(join(dist, path, 'index.html'), 'utf8'));
}

/** The file in dist/ that an absolute URL of this deployment points at. */
function distFile(url: string): string {
  expect(url.startsWith(ORIGIN_BASE), url).toBe(true);
  return join(dist, decodeURIComponent(new URL(url).pathname.slice(BASE.length)));
}

const meta = ($: CheerioAPI, key: string, attribute: 'property' | 'name' = 'property') =>
  $(`meta[${attribute}="${key}"]`).attr('content');

const postPages = () => [
  'hostile-title',
  CHINESE,
  '2022-4-12-milvus-10k-stars',
  'minimal-post',
  'Embedding_HTML_and_Remote_Images',
];

describe('link previews on every page', () => {
  test('the build succeeds', () => {
    expect(build.code, build.output).toBe(0);
  });

  test('every page has canonical, Open Graph and X tags that follow the platforms’ rules', async () => {
    const files = await htmlFiles(dist);
    expect(files.length).toBeGreaterThan(8);
    for (const file of files) {
      const where = relative(dist, file);
      const $ = load(await readFile(file, 'utf8'));
      const canonical = $('link[rel="canonical"]');
      const notFound = where === '404.html';
      expect(canonical.length, where).toBe(notFound ? 0 : 1);
      if (notFound) expect(meta($, 'robots', 'name')).toBe('noindex');
      else expect(canonical.attr('href'), where).toMatch(/^https:\/\//);

      for (const key of [
        'og:type',
        'og:title',
        'og:description',
        'og:site_name',
        'og:image',
        'og:image:alt',
        ...(notFound ? [] : ['og:url']),
      ]) {
        expect(meta($, key), `${where} ${key}`).toBeTruthy();
      }
      // X reads its tags from name= (property= only as a fallback); they must all be there.
      expect(meta($, 'twitter:card', 'name'), where).toBe('summary_large_image');
      expect(meta($, 'twitter:site', 'name'), where).toBe('@milvusio');
      expect([...(meta($, 'twitter:title', 'name') ?? '')].length, where).toBeLessThanOrEqual(70);
      expect([...(meta($, 'twitter:title', 'name') ?? '')].length, where).toBeGreaterThan(0);
      expect([...(meta($, 'twitter:description', 'name') ?? '')].length, where).toBeLessThanOrEqual(
        200,
      );
      expect([...(meta($, 'twitter:image:alt', 'name') ?? '')].length, where).toBeLessThanOrEqual(
        420,
      );
      expect([...(meta($, 'og:title') ?? '')].length, where).toBeLessThanOrEqual(95);
      expect([...(meta($, 'og:description') ?? '')].length, where).toBeLessThanOrEqual(200);

      // The image: absolute https, in dist/, with the declared size and type, small enough for all.
      const image = meta($, 'og:image') ?? '';
      expect(image, where).toMatch(/^https:\/\//);
      expect(meta($, 'twitter:image', 'name'), where).toBe(image);
      const bytes = await readFile(distFile(image));
      const info = await sharp(bytes).metadata();
      expect(info.width, where).toBe(Number(meta($, 'og:image:width')));
      expect(info.height, where).toBe(Number(meta($, 'og:image:height')));
      expect(`image/${info.format}`, where).toBe(meta($, 'og:image:type'));
      expect(['image/png', 'image/jpeg']).toContain(meta($, 'og:image:type'));
      expect([info.width, info.height]).toEqual([1200, 630]);
      expect(bytes.length, where).toBeLessThan(1_000_000);

      // Feed autodiscovery, pointing at a feed that exists.
      const feed = $('link[rel="alternate"][type="application/rss+xml"]').attr('href') ?? '';
      expect(feed, where).toBe(`${ORIGIN_BASE}rss.xml`);
    }
  });

  test('pages that are not posts use the site’s default card', async () => {
    for (const path of ['', 'blog', 'tags']) {
      const $ = await page(path);
      expect(meta($, 'og:type')).toBe('website');
      expect(meta($, 'og:image')).toBe(`${ORIGIN_BASE}og/default.jpg`);
      expect($('script[type="application/ld+json"]').length).toBe(0);
      expect($('link[rel="canonical"]').attr('href')).toBe(
        `${ORIGIN_BASE}${path ? `${path}/` : ''}`,
      );
    }
  });
});

describe('share cards', () => {
  test('every card is a 1200 × 630 JPEG of at most 100 KB, saved for review in test-results/cards/', async () => {
    const cards = (await readdir(join(dist, 'og'), { recursive: true })).filter((file) =>
      file.endsWith('.jpg'),
    );
    expect(cards.length).toBe(
      (await readdir(join(dist, 'blog'), { withFileTypes: true })).filter((e) => e.isDirectory())
        .length + 1,
    );
    await mkdir(REVIEW, { recursive: true });
    for (const card of cards) {
      const file = join(dist, 'og', card);
      const meta = await sharp(file).metadata();
      expect([meta.format, meta.width, meta.height], card).toEqual(['jpeg', 1200, 630]);
      expect((await stat(file)).size, card).toBeLessThanOrEqual(100_000);
      await copyFile(file, join(REVIEW, card.replaceAll('/', '-')));
    }
  });
});

describe('posts', () => {
  test('each post is an article with its own card, tags, author and a BlogPosting', async () => {
    for (const id of postPages()) {
      const $ = await page(`blog/${id}`);
      expect(meta($, 'og:type'), id).toBe('article');
      expect(meta($, 'og:image'), id).toBe(`${ORIGIN_BASE}og/posts/${encodeURIComponent(id)}.jpg`);
      expect(meta($, 'article:published_time'), id).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
      expect(meta($, 'article:author'), id).toBeTruthy();
      const ld = JSON.parse($('script[type="application/ld+json"]').text());
      expect(ld['@context']).toBe('https://schema.org');
      expect(ld['@type']).toBe('BlogPosting');
      // The headline is the title as written; the page shows it with typographic dashes.
      expect(displayTitle(ld.headline)).toBe($('h1').text().replace(/\s+/g, ' ').trim());
      expect(ld.image[0].url).toBe(meta($, 'og:image'));
      expect(ld.datePublished).toBe(meta($, 'article:published_time'));
      expect(ld.mainEntityOfPage['@id']).toBe($('link[rel="canonical"]').attr('href'));
      expect(ld.publisher.name).toBe('The Milvus Community');
      expect(ld.author.name).toBe(meta($, 'article:author'));
    }
  });

  test('a post without desc is described by its opening text (Markdown) or the site (MDX)', async () => {
    const html = await page('blog/Embedding_HTML_and_Remote_Images');
    const opening =
      'An inline remote image: Text after a section heading, with bold raw HTML inline.';
    expect(meta(html, 'og:description')).toBe(opening);
    expect(meta(html, 'description', 'name')).toBe(opening);
    const mdx = await page('blog/minimal-post');
    expect(meta(mdx, 'og:description')).toBe(
      'Milestones of the Milvus open-source vector database, told by its community.',
    );
  });

  test('canonical: the post’s canonicalUrl (as https) when it has one, else its own URL on this deployment', async () => {
    expect(
      (await page('blog/2022-4-12-milvus-10k-stars'))('link[rel="canonical"]').attr('href'),
    ).toBe('https://milvus.io/blog/2022-4-12-milvus-10k-stars.md');
    expect((await page(`blog/${CHINESE}`))('link[rel="canonical"]').attr('href')).toBe(
      'https://milvus.io/blog/vector-db-cn.md',
    );
    expect((await page('blog/hostile-title'))('link[rel="canonical"]').attr('href')).toBe(
      `${ORIGIN_BASE}blog/hostile-title/`,
    );
  });

  test('every share link, og:url and the JSON-LD url carry this page’s own URL and the title, and open safely', async () => {
    for (const id of postPages()) {
      const $ = await page(`blog/${id}`);
      const url = `${ORIGIN_BASE}blog/${encodeURIComponent(id)}/`;
      expect(meta($, 'og:url'), id).toBe(url);
      expect(JSON.parse($('script[type="application/ld+json"]').text()).url, id).toBe(url);
      // Every text opens with the title as displayed, then (room permitting) the post's short
      // line, each within its network's limit (src/features/sharing/links.ts).
      const title = $('h1').text().replace(/\s+/g, ' ').trim();
      const href = (network: string) =>
        $(`.share [data-network="${network}"] a`).attr('href') ?? '';
      const query = (network: string) => new URL(href(network)).searchParams;
      const opensWithTitle = (text: string | null) =>
        expect(text === title || text?.startsWith(`${title}\n\n`), `${id}: ${text}`).toBe(true);

      expect(query('x').get('url')).toBe(url);
      opensWithTitle(query('x').get('text'));
      expect(
        xLength(`${query('x').get('text')} ${url} via @${query('x').get('via')}`),
      ).toBeLessThanOrEqual(280);
      expect(query('x').get('via')).toBe('milvusio');
      const bluesky = query('bluesky').get('text') ?? '';
      opensWithTitle(bluesky.slice(0, -`\n\n${url}`.length));
      expect(bluesky.endsWith(`\n\n${url}`)).toBe(true);
      expect(query('threads').get('url')).toBe(url);
      opensWithTitle(query('threads').get('text'));
      expect(query('linkedin').get('url')).toBe(url);
      expect(query('facebook').get('u')).toBe(url);
      expect(query('reddit').get('url')).toBe(url);
      expect(query('reddit').get('title')).toBe(title);
      expect(query('hackernews').get('u')).toBe(url);
      expect(query('hackernews').get('t')).toEqual(title.length <= 80 ? title : expect.any(String));
      const mail = new Map(
        href('email')
          .replace(/^mailto:\?/, '')
          .split('&')
          .map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]),
      );
      expect(mail.get('subject')).toBe(title);
      expect(mail.get('body')?.endsWith(`\r\n\r\n${url}`)).toBe(true);
      expect(decodeURI(href('mastodon'))).toBe(`${BASE}share/mastodon/${id}/`);

      const external = $('.share a[target="_blank"]');
      expect(external.length).toBe(7);
      external.each((_, link) => {
        expect($(link).attr('rel')?.split(' ').sort()).toEqual(['noopener', 'noreferrer']);
        expect(new URL($(link).attr('href') ?? '').protocol).toBe('https:');
      });
      // Icons are decoration; each control is named by its (visually hidden) text.
      $('.share a, .share button').each((_, control) => {
        expect($(control).text().trim().length).toBeGreaterThan(0);
        expect($(control).find('svg[aria-hidden="true"]').length).toBe(1);
      });

      // The Mastodon page of the post (no script needed): text and web+mastodon link.
      const mastodon = await page(`share/mastodon/${id}`);
      const mastodonText = mastodon('#mastodon-text').text();
      opensWithTitle(mastodonText.slice(0, -`\n\n${url}`.length));
      expect(mastodonText.endsWith(`\n\n${url}`)).toBe(true);
      const protocol = mastodon('a[data-mastodon-protocol]').attr('href') ?? '';
      expect(decodeURIComponent(protocol.replace('web+mastodon://share?text=', ''))).toBe(
        mastodonText,
      );
      expect(mastodon('meta[name="robots"]').attr('content')).toBe('noindex');
    }
  });
});

describe('a title with quotes, markup, </script> and emoji', () => {
  test('stays exact in every tag, and in the JSON-LD, without breaking out', async () => {
    const html = await readFile(join(dist, 'blog/hostile-title/index.html'), 'utf8');
    const $ = load(html);
    expect($('h1').text().trim()).toBe(HOSTILE_TITLE);
    expect($('title').text()).toBe(`${HOSTILE_TITLE} | Milvus Milestones`);
    expect(meta($, 'og:title')).toBe(HOSTILE_TITLE);
    expect(meta($, 'twitter:title', 'name')).toBe(truncate(HOSTILE_TITLE, 70));
    expect(meta($, 'og:description')).toBe(HOSTILE_DESC);
    expect(meta($, 'twitter:description', 'name')).toBe(HOSTILE_DESC);
    expect(meta($, 'article:author')).toBe('Ann "A&B" <Author>');
    expect(
      $('meta[property="article:tag"]')
        .map((_, el) => $(el).attr('content'))
        .get(),
    ).toEqual(['R&D', '<Tag>', '数据库']);

    // Nothing from the title became markup: no injected element, and only our own scripts.
    // (`<` may stay literal inside a quoted attribute value: a spec parser, as here, reads it as text.)
    expect($('b').length).toBe(0);
    const scripts = $('script')
      .map((_, el) => $(el).attr('type') ?? 'module')
      .get();
    expect(scripts.filter((type) => type === 'application/ld+json')).toHaveLength(1);
    const seed = load(
      await readFile(join(dist, 'blog/2022-4-12-milvus-10k-stars/index.html'), 'utf8'),
    );
    expect(scripts.length).toBe(seed('script').length);

    const raw = $('script[type="application/ld+json"]').html() ?? '';
    expect(raw).not.toMatch(/[<>]/);
    const ld = JSON.parse(raw);
    expect(ld.headline).toBe(HOSTILE_TITLE);
    expect(ld.description).toBe(HOSTILE_DESC);
    expect(ld.author).toEqual({ '@type': 'Person', name: 'Ann "A&B" <Author>' });
    expect(ld.keywords).toBe('R&D, <Tag>, 数据库');
  });

  test('its share card draws every character', () => {
    expect(build.output).not.toContain('[share-card]');
  });
});

describe('feed, sitemap and robots.txt', () => {
  test('the RSS feed is well-formed RSS 2.0 with full, absolute, inert content and a picture per item', async () => {
    const xml = await readFile(join(dist, 'rss.xml'), 'utf8');
    expect(() => SyntaxValidator.validate(xml)).not.toThrow();
    const $ = load(xml, { xml: true });
    expect($('rss').attr('version')).toBe('2.0');
    expect($('channel > title').first().text()).toBe('Milvus Milestones');
    expect($('channel > link').first().text()).toBe(ORIGIN_BASE);
    expect($('channel > atom\\:link').attr('href')).toBe(`${ORIGIN_BASE}rss.xml`);
    const items = $('item');
    expect(items.length).toBe(
      (await readdir(join(dist, 'blog'), { withFileTypes: true })).filter((e) => e.isDirectory())
        .length,
    );
    const titles = items.map((_, item) => $(item).children('title').text()).get();
    expect(titles).toContain(HOSTILE_TITLE);
    items.each((_, element) => {
      const item = $(element);
      const link = item.children('link').text();
      expect(link.startsWith(`${ORIGIN_BASE}blog/`)).toBe(true);
      expect(item.children('guid').text()).toBe(link);
      expect(Number.isNaN(Date.parse(item.children('pubDate').text()))).toBe(false);
      const content = load(item.children('content\\:encoded').text());
      expect(content('p').length).toBeGreaterThan(0);
      expect(content('script, style, iframe').length).toBe(0);
      content('[src], [href]').each((_, node) => {
        const value = content(node).attr('src') ?? content(node).attr('href') ?? '';
        expect(value, link).toMatch(/^(https:|mailto:)/);
      });
    });
    // MDX posts have no stored HTML; their full content is rendered for the feed too.
    const mdx = items.filter((_, item) => $(item).children('title').text() === '2021');
    expect(load(mdx.children('content\\:encoded').text())('p').text()).toBe(
      'An MDX post whose title is a number, for the year 2021.',
    );
    const hostile = items.filter((_, item) => $(item).children('title').text() === HOSTILE_TITLE);
    expect(hostile.children('description').text()).toBe(HOSTILE_DESC);
    expect(load(hostile.children('content\\:encoded').text())('a').attr('href')).toBe(
      `${ORIGIN_BASE}blog/`,
    );
  });

  test("each item's picture on this site is an enclosure whose URL, length, type and pixel size are the file's; a remote cover claims no size", async () => {
    const $ = load(await readFile(join(dist, 'rss.xml'), 'utf8'), { xml: true });
    const kinds = new Set<string>();
    const named = new Set<string>();
    for (const element of $('item').toArray()) {
      const item = $(element);
      const where = item.children('link').text();
      const media = item.children('media\\:content');
      const enclosure = item.children('enclosure');
      expect(media.length, where).toBe(1);
      const url = media.attr('url') ?? '';
      expect(url, where).toMatch(/^https:\/\//);
      if (!url.startsWith(SITE)) {
        // A cover the site has no copy of: its remote address, without a size it cannot know.
        kinds.add('remote');
        expect([enclosure.length, media.attr('fileSize'), media.attr('width')], where).toEqual([
          0,
          undefined,
          undefined,
        ]);
        continue;
      }
      kinds.add(
        url.startsWith(`${ORIGIN_BASE}feed/`)
          ? 'cover'
          : url.startsWith(`${ORIGIN_BASE}og/posts/`)
            ? 'card'
            : url,
      );
      const file = distFile(url);
      const bytes = await readFile(file);
      const meta = await sharp(bytes).metadata();
      const type = `image/${meta.format === 'jpeg' ? 'jpeg' : meta.format}`;
      expect(
        [enclosure.attr('url'), Number(enclosure.attr('length')), enclosure.attr('type')],
        where,
      ).toEqual([url, bytes.byteLength, type]);
      expect(
        [
          media.attr('type'),
          Number(media.attr('fileSize')),
          Number(media.attr('width')),
          Number(media.attr('height')),
          media.attr('medium'),
        ],
        where,
      ).toEqual([type, bytes.byteLength, meta.width, meta.height, 'image']);
      named.add(relative(dist, file));
    }
    // The seed's local cover, a post without a cover (its share card) and a remote cover.
    expect([...kinds].sort()).toEqual(['card', 'cover', 'remote']);
    // The feed's own files are exactly those its items name.
    const own = (await readdir(join(dist, 'feed'))).map((name) => `feed/${name}`);
    expect(own.length).toBeGreaterThan(0);
    expect(
      own.every((file) => named.has(file)),
      own.join('\n'),
    ).toBe(true);
  });

  test('the sitemap lists every readable page whose canonical is on this site, and no share or 404 page', async () => {
    const index = await readFile(join(dist, 'sitemap-index.xml'), 'utf8');
    expect(() => SyntaxValidator.validate(index)).not.toThrow();
    const $index = load(index, { xml: true });
    const maps = $index('sitemap > loc')
      .map((_, el) => $index(el).text())
      .get();
    expect(maps).toEqual([`${ORIGIN_BASE}sitemap-0.xml`]);
    const xml = await readFile(distFile(maps[0] ?? ''), 'utf8');
    expect(() => SyntaxValidator.validate(xml)).not.toThrow();
    const $ = load(xml, { xml: true });
    const urls = $('url > loc')
      .map((_, el) => $(el).text())
      .get();
    for (const id of postPages()) {
      const own = `${ORIGIN_BASE}blog/${encodeURIComponent(id)}/`;
      const canonical = (await page(`blog/${id}`))('link[rel="canonical"]').attr('href');
      // A syndicated post is the original's to list (its canonical is on milvus.io).
      expect(urls.includes(own), id).toBe(canonical === own);
    }
    expect(urls).toContain(ORIGIN_BASE);
    expect(urls.filter((url) => /\/(share|404)\//.test(url))).toEqual([]);
    for (const url of urls)
      expect((await stat(join(distFile(url), 'index.html'))).isFile()).toBe(true);
  });

  test('robots.txt allows crawling and points at the sitemap', async () => {
    const robots = await readFile(join(dist, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Allow: \/$/m);
    expect(robots).toContain(`Sitemap: ${ORIGIN_BASE}sitemap-index.xml`);
  });
});
