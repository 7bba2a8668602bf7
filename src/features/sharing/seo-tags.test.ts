import { describe, expect, test } from 'vitest';
import { LIMITS, seoTags, serializeJsonLd, type PageSeo } from './seo-tags';

const title =
  'A "quoted" <title> & </script><script>alert(1)</script> with 🚀 emoji, long enough to need cutting for X';
const page: PageSeo = {
  title,
  description: 'd'.repeat(300),
  canonical: 'https://milvus.io/blog/post.md',
  url: 'https://milestones.example/blog/post/',
  image: {
    url: 'https://example.org/og/posts/post.png',
    width: 1200,
    height: 630,
    type: 'image/png',
    alt: 'alt',
  },
  siteName: 'Site',
  locale: 'en_US',
  twitterSite: '@site',
  article: {
    published: new Date(Date.UTC(2022, 3, 12)),
    author: 'Ann Author',
    tags: ['A & B', 'C'],
  },
};

describe('seoTags', () => {
  const tags = seoTags(page, { name: 'Publisher' });
  const og = new Map(tags.openGraph);
  const twitter = new Map(tags.named);

  test('keeps titles and descriptions within the platforms’ limits', () => {
    expect([...(og.get('og:title') ?? '')].length).toBeLessThanOrEqual(LIMITS.ogTitle);
    expect([...(twitter.get('twitter:title') ?? '')].length).toBeLessThanOrEqual(70);
    expect(twitter.get('twitter:title')?.endsWith('…')).toBe(true);
    expect([...(twitter.get('twitter:description') ?? '')].length).toBeLessThanOrEqual(200);
  });

  test('marks posts as articles with time, author and every tag', () => {
    expect(og.get('og:type')).toBe('article');
    expect(og.get('article:published_time')).toBe('2022-04-12T00:00:00.000Z');
    expect(og.get('article:author')).toBe('Ann Author');
    expect(tags.openGraph.filter(([k]) => k === 'article:tag').map(([, v]) => v)).toEqual([
      'A & B',
      'C',
    ]);
    expect(og.get('og:url')).toBe(page.url);
    expect(twitter.get('twitter:card')).toBe('summary_large_image');
    expect(twitter.get('twitter:data1')).toBe('Ann Author');
    expect(twitter.get('twitter:data2')).toBe('April 12, 2022');
  });

  test('names the Mastodon account and the modification date only when there is one', () => {
    expect(new Map(tags.named).has('fediverse:creator')).toBe(false);
    expect(og.has('article:modified_time')).toBe(false);
    expect((tags.jsonLd as Record<string, unknown>).dateModified).toBeUndefined();
    const modified = new Date(Date.UTC(2023, 0, 2));
    const more = seoTags(
      {
        ...page,
        fediverseCreator: '@milvus@mastodon.social',
        article: { ...page.article!, modified },
      },
      { name: 'Publisher' },
    );
    expect(new Map(more.named).get('fediverse:creator')).toBe('@milvus@mastodon.social');
    expect(new Map(more.openGraph).get('article:modified_time')).toBe('2023-01-02T00:00:00.000Z');
    expect((more.jsonLd as Record<string, unknown>).dateModified).toBe('2023-01-02T00:00:00.000Z');
  });

  test('pages without an article are websites with no JSON-LD', () => {
    const plain = seoTags({ ...page, article: undefined }, { name: 'Publisher' });
    expect(new Map(plain.openGraph).get('og:type')).toBe('website');
    expect(plain.jsonLd).toBeUndefined();
  });

  test('BlogPosting names author as a Person and the site as publisher', () => {
    const ld = tags.jsonLd as {
      '@type': string;
      author: unknown;
      publisher: { name: string };
      mainEntityOfPage: { '@id': string };
      url: string;
      keywords: string;
    };
    expect(ld['@type']).toBe('BlogPosting');
    expect(ld.author).toEqual({ '@type': 'Person', name: 'Ann Author' });
    expect(ld.publisher.name).toBe('Publisher');
    expect(ld.mainEntityOfPage['@id']).toBe(page.canonical);
    expect(ld.url).toBe(page.url);
    expect(ld.keywords).toBe('A & B, C');
  });
});

test('serializeJsonLd cannot close its script element and still parses to the same data', () => {
  const data = { headline: title, other: '<!-- & --> \u2028' };
  const json = serializeJsonLd(data);
  expect(json).not.toMatch(/[<>&\u2028]/);
  expect(JSON.parse(json)).toEqual(data);
});
