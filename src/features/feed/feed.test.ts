import { expect, test } from 'vitest';
import { escapeXml, feedHtml, feedItemExtras } from './feed';

const page = 'https://example.org/sub/blog/post/';

test('makes links and images absolute against the page URL', () => {
  const html = feedHtml(
    '<p><a href="../other/">o</a> <img src="img/a.png" srcset="img/a.png 1x, /sub/b.png 2x"><a href="#note">n</a></p>',
    page,
  );
  expect(html).toContain('href="https://example.org/sub/blog/other/"');
  expect(html).toContain('src="https://example.org/sub/blog/post/img/a.png"');
  expect(html).toContain('srcset="https://example.org/sub/blog/post/img/a.png 1x, https://example.org/sub/b.png 2x"');
  expect(html).toContain('href="https://example.org/sub/blog/post/#note"');
});

test('removes anything that could run, keeps embeds as links', () => {
  const html = feedHtml(
    '<p onclick="x()">t<script>alert(1)</script><style>p{}</style><a href="javascript:alert(1)">j</a></p><iframe src="https://www.youtube.com/embed/abc"></iframe>',
    page,
  );
  expect(html).not.toMatch(/script|onclick|javascript:|<style|<iframe/i);
  expect(html).toContain('<a href="https://www.youtube.com/embed/abc">Embedded content: https://www.youtube.com/embed/abc</a>');
});

test('escapes XML in extras', () => {
  expect(escapeXml(`a<b>&"'`)).toBe('a&lt;b&gt;&amp;&quot;&apos;');
  const extras = feedItemExtras({ url: 'https://x.example/a.png?a=1&b=2', type: 'image/png', width: 1200, height: 630 }, 'A & B');
  expect(extras).toContain('url="https://x.example/a.png?a=1&amp;b=2"');
  expect(extras).toContain('<dc:creator>A &amp; B</dc:creator>');
});
