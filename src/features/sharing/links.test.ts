import { describe, expect, test } from 'vitest';
import {
  blueskyShareUrl,
  emailShareUrl,
  facebookShareUrl,
  hackerNewsShareUrl,
  linkedInShareUrl,
  mastodonInstanceHost,
  mastodonProtocolUrl,
  mastodonShareUrl,
  mastodonText,
  redditShareUrl,
  shareLinks,
  threadsShareUrl,
  xLength,
  xShareUrl,
} from './links';

const hostile = {
  title: 'Say "hi" <b>&amp; </script> 🚀👩‍👩‍👧 #1 + 2 = 3?',
  url: 'https://example.org/sub/blog/a b?x=1&y=2#frag/',
};

function params(href: string): URLSearchParams {
  return new URL(href).searchParams;
}

describe('share URLs carry the exact title and URL, whatever they contain', () => {
  test('X: text, url and the handle without @', () => {
    const href = xShareUrl(hostile, '@milvusio');
    expect(new URL(href).origin + new URL(href).pathname).toBe('https://twitter.com/intent/tweet');
    expect(params(href).get('text')).toBe(hostile.title);
    expect(params(href).get('url')).toBe(hostile.url);
    expect(params(href).get('via')).toBe('milvusio');
    expect(href).not.toMatch(/[ <>"]/);
  });

  test('X: a very long title is cut on a grapheme boundary, within 280 as X counts', () => {
    const title = `${'word '.repeat(60)}👩‍👩‍👧`;
    const text = params(xShareUrl({ title, url: hostile.url }, '@milvusio')).get('text') ?? '';
    expect(xLength(`${text} ${hostile.url} via @milvusio`)).toBeLessThanOrEqual(280);
    expect(xLength(`${text} ${hostile.url} via @milvusio`)).toBeGreaterThan(270);
    expect(text.endsWith('…')).toBe(true);
  });

  test('X counts a link as 23 and CJK and emoji as 2', () => {
    expect(xLength('https://example.org/a/very/long/path/that/is/much/longer/than/23')).toBe(23);
    expect(xLength('abc')).toBe(3);
    expect(xLength('向量数据库')).toBe(10);
    expect(xLength('🚀👩‍👩‍👧')).toBe(4);
  });

  test('every network gets the title and a short line, each within its limit as it counts', () => {
    const page = {
      title: 'A Small Step for Milvus – 10,000 Stars',
      line: `We recently hit an incredible milestone. ${'向量 '.repeat(200)}`,
      url: 'https://milestones.milvus.io/blog/2022-4-12-milvus-10k-stars/',
    };
    const x = params(xShareUrl(page, '@milvusio')).get('text')!;
    expect(x.startsWith(`${page.title}\n\nWe recently hit an incredible milestone.`)).toBe(true);
    expect(xLength(`${x} ${page.url} via @milvusio`)).toBeLessThanOrEqual(280);
    const bluesky = params(blueskyShareUrl(page)).get('text')!;
    expect([...new Intl.Segmenter().segment(bluesky)].length).toBeLessThanOrEqual(300);
    expect(bluesky).toContain('We recently hit');
    expect([...params(threadsShareUrl(page)).get('text')!].length + page.url.length).toBeLessThan(
      500,
    );
    const mastodon = mastodonText(page);
    expect(mastodon.endsWith(page.url)).toBe(true);
    expect([...mastodon.replace(page.url, '')].length + 23).toBeLessThanOrEqual(500);
    expect(params(hackerNewsShareUrl({ ...page, title: 'x'.repeat(120) })).get('t')!.length).toBe(
      80,
    );
    // A short line fits whole.
    const short = { ...page, line: 'Thank you all!' };
    expect(params(xShareUrl(short)).get('text')).toBe(`${page.title}\n\nThank you all!`);
  });

  test('Bluesky: title then URL in one text, within its 300 graphemes', () => {
    const href = blueskyShareUrl(hostile);
    expect(new URL(href).origin + new URL(href).pathname).toBe('https://bsky.app/intent/compose');
    expect(params(href).get('text')).toBe(`${hostile.title}\n\n${hostile.url}`);
    const long =
      params(blueskyShareUrl({ title: 'word '.repeat(100), url: hostile.url })).get('text') ?? '';
    expect([...new Intl.Segmenter().segment(long)].length).toBeLessThanOrEqual(300);
    expect(long.endsWith(hostile.url)).toBe(true);
  });

  test('Threads: text and the link attachment', () => {
    const href = threadsShareUrl(hostile);
    expect(new URL(href).origin + new URL(href).pathname).toBe(
      'https://www.threads.com/intent/post',
    );
    expect(params(href).get('text')).toBe(hostile.title);
    expect(params(href).get('url')).toBe(hostile.url);
  });

  test('LinkedIn, Facebook, Reddit and Hacker News', () => {
    expect(params(linkedInShareUrl(hostile)).get('url')).toBe(hostile.url);
    expect(params(facebookShareUrl(hostile)).get('u')).toBe(hostile.url);
    expect(params(redditShareUrl(hostile)).get('url')).toBe(hostile.url);
    expect(params(redditShareUrl(hostile)).get('title')).toBe(hostile.title);
    expect(params(hackerNewsShareUrl(hostile)).get('u')).toBe(hostile.url);
    expect(params(hackerNewsShareUrl(hostile)).get('t')).toBe(hostile.title);
  });

  test('email: spaces are %20 (mail clients keep "+" literally), subject and body decode back', () => {
    const href = emailShareUrl(hostile);
    expect(href.startsWith('mailto:?')).toBe(true);
    expect(href).not.toContain('+');
    const query = new Map(
      href
        .slice('mailto:?'.length)
        .split('&')
        .map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]),
    );
    expect(query.get('subject')).toBe(hostile.title);
    expect(query.get('body')).toBe(`${hostile.title}\r\n\r\n${hostile.url}`);
  });

  test('the list: every network once, external ones marked, Mastodon on the site', () => {
    const links = shareLinks(hostile, {
      xHandle: '@milvusio',
      mastodonPage: '/sub/share/mastodon/a/',
    });
    expect(links.map((l) => l.network)).toEqual([
      'x',
      'bluesky',
      'threads',
      'linkedin',
      'facebook',
      'reddit',
      'hackernews',
      'mastodon',
      'email',
    ]);
    expect(links.filter((l) => l.external).map((l) => new URL(l.href).protocol)).toEqual(
      Array(7).fill('https:'),
    );
    expect(links.find((l) => l.network === 'mastodon')?.href).toBe('/sub/share/mastodon/a/');
  });
});

describe('Mastodon', () => {
  test.each([
    ['mastodon.social', 'mastodon.social'],
    ['  https://Fosstodon.org/  ', 'fosstodon.org'],
    ['@someone@hachyderm.io', 'hachyderm.io'],
    ['someone@social.example.net', 'social.example.net'],
    ['http://masto.example:8443/home', 'masto.example:8443'],
  ])('reads the instance from %j', (input, host) => {
    expect(mastodonInstanceHost(input)).toBe(host);
  });

  test.each([
    '',
    'not a host',
    'localhost',
    'javascript:alert(1)',
    'https://user:pw@evil.example',
    '@only',
  ])('rejects %j', (input) => {
    expect(mastodonInstanceHost(input)).toBeUndefined();
    expect(mastodonShareUrl(input, 'x')).toBeUndefined();
  });

  test('shares title and link on the reader’s instance, and through web+mastodon', () => {
    const text = mastodonText(hostile);
    const href = mastodonShareUrl('@me@mastodon.social', text) ?? '';
    expect(href.startsWith('https://mastodon.social/share?')).toBe(true);
    expect(params(href).get('text')).toBe(`${hostile.title}\n\n${hostile.url}`);
    const protocol = mastodonProtocolUrl(text);
    expect(protocol.startsWith('web+mastodon://share?text=')).toBe(true);
    expect(decodeURIComponent(protocol.split('text=')[1] ?? '')).toBe(text);
  });
});
