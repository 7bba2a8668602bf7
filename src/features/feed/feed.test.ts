import { expect, test } from 'vitest';
import {
  cappedItemHtml,
  escapeXml,
  FEED_ITEM_HTML_LIMIT,
  feedEnclosure,
  feedHtml,
  feedItemExtras,
} from './feed';

const page = 'https://example.org/sub/blog/post/';

test('makes links and images absolute against the page URL', () => {
  const html = feedHtml(
    '<p><a href="../other/">o</a> <img src="img/a.png" srcset="img/a.png 1x, /sub/b.png 2x"><a href="#note">n</a></p>',
    page,
  );
  expect(html).toContain('href="https://example.org/sub/blog/other/"');
  expect(html).toContain('src="https://example.org/sub/blog/post/img/a.png"');
  expect(html).toContain(
    'srcset="https://example.org/sub/blog/post/img/a.png 1x, https://example.org/sub/b.png 2x"',
  );
  expect(html).toContain('href="https://example.org/sub/blog/post/#note"');
});

test('drops what only works on the page: controls, heading anchors, frames and KaTeX’s visual layout', () => {
  const html = feedHtml(
    [
      '<div class="heading"><h2 id="a"><span id="A" class="heading-alias"></span>A</h2><a class="heading-anchor" href="#a">#</a></div>',
      '<span class="media-animation"><img src="/a.gif" alt="x"><button type="button">Pause animation</button></span>',
      '<iframe src="https://www.youtube.com/embed/abc" title="A talk"></iframe>',
      '<span class="katex"><span class="katex-mathml"><math><mi>x</mi></math></span><span class="katex-html" aria-hidden="true">x</span></span>',
    ].join(''),
    page,
  );
  expect(html).not.toMatch(/<button|heading-anchor|heading-alias|<iframe|katex-html/);
  expect(html).toContain('<h2 id="a">A</h2>');
  expect(html).toContain(
    '<a href="https://www.youtube.com/embed/abc" class="embed-card"><span class="embed-card-provider">YouTube</span>: <span class="embed-card-title">A talk</span>',
  );
  expect(html).toContain('<math><mi>x</mi></math>');
});

test('escapes XML in extras', () => {
  expect(escapeXml(`a<b>&"'`)).toBe('a&lt;b&gt;&amp;&quot;&apos;');
  const extras = feedItemExtras(
    {
      url: 'https://x.example/a.png?a=1&b=2',
      type: 'image/png',
      width: 1200,
      height: 630,
      local: false,
    },
    'A & B',
  );
  expect(extras).toContain('url="https://x.example/a.png?a=1&amp;b=2"');
  expect(extras).toContain('<dc:creator>A &amp; B</dc:creator>');
});

test('a picture on this site is an enclosure with its size; a remote one is Media RSS alone, claiming no size', () => {
  const own = {
    url: 'https://example.org/sub/feed/c-1.jpg',
    type: 'image/jpeg',
    bytes: 51234,
    width: 1200,
    height: 675,
    local: true,
  };
  expect(feedEnclosure(own)).toEqual({ url: own.url, length: 51234, type: 'image/jpeg' });
  expect(feedItemExtras(own, 'A')).toContain(
    '<media:content url="https://example.org/sub/feed/c-1.jpg" medium="image" type="image/jpeg" fileSize="51234" width="1200" height="675"/>',
  );
  const remote = { url: 'https://assets.example/c.png', local: false };
  expect(feedEnclosure(remote)).toBeUndefined();
  expect(feedItemExtras(remote, 'A')).toContain(
    '<media:content url="https://assets.example/c.png" medium="image"/>',
  );
});

test('an item over the HTML cap is its summary and a link to the post', () => {
  const post = { url: 'https://example.org/blog/long/', summary: 'A <long> post.' };
  const short = '<p>fits</p>';
  expect(cappedItemHtml(short, post)).toBe(short);
  const capped = cappedItemHtml(`<p>${'x'.repeat(FEED_ITEM_HTML_LIMIT)}</p>`, post);
  expect(capped).toContain('<p>A &lt;long&gt; post.</p>');
  expect(capped).toContain('<a href="https://example.org/blog/long/">');
  expect(capped.length).toBeLessThan(500);
});
