import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { rehypeFigures, saysLittle } from './rehype-figures';

async function run(tree: Root): Promise<string> {
  return toHtml((await unified().use(rehypeFigures).run(tree)) as Root);
}

describe('rehypeFigures', () => {
  test('a titled lone image becomes a figure; its title captions it and replaces a meaningless alt', async () => {
    expect(
      await run(
        h(null, [
          h('p', [
            h('img', { src: 'https://a.example/x.png', alt: 'Gif2', title: 'What it shows.' }),
          ]),
        ]),
      ),
    ).toBe(
      '<figure><img src="https://a.example/x.png" alt="What it shows." loading="lazy" decoding="async"><figcaption>What it shows.</figcaption></figure>',
    );
  });

  test('a described alt is kept; a linked image stays linked; blank text around the image does not count', async () => {
    const html = await run(
      h(null, [
        h('p', [
          '\n  ',
          h('a', { href: '/x/' }, [
            h('img', { src: '/a.png', alt: 'A diagram', title: 'Caption' }),
          ]),
          ' ',
        ]),
      ]),
    );
    expect(html).toBe(
      '<figure><a href="/x/"><img src="/a.png" alt="A diagram"></a><figcaption>Caption</figcaption></figure>',
    );
  });

  test('untitled, inline and text-accompanied images are not wrapped', async () => {
    const html = await run(
      h(null, [
        h('p', [
          'See ',
          h('img', { src: 'https://a.example/i.png', alt: 'icon', title: 'Icon' }),
          ' inline.',
        ]),
        h('p', [h('img', { src: 'https://a.example/p.png', alt: 'plain' })]),
        h('p', [
          h('img', { src: '/a.png', title: 'One' }),
          h('img', { src: '/b.png', title: 'Two' }),
        ]),
      ]),
    );
    expect(html).not.toContain('<figure>');
    expect(html).toContain(
      '<p>See <img src="https://a.example/i.png" alt="icon" title="Icon" loading="lazy" decoding="async"> inline.</p>',
    );
  });

  test('an image wider than the column gets a full-size link to its file, which works without JavaScript', async () => {
    const html = await run(
      h(null, [
        h('p', [
          h('img', {
            src: '/wide.png',
            alt: 'Wide',
            title: 'A wide one',
            width: 1600,
            height: 400,
          }),
        ]),
      ]),
    );
    expect(html).toBe(
      '<figure><span class="media-frame"><img src="/wide.png" alt="Wide" width="1600" height="400" id="figure-1"><span class="media-controls">' +
        '<a class="media-control media-expand" href="/wide.png" data-full-size="" data-width="1600" data-height="400" aria-describedby="figure-1">' +
        '<span class="media-icon" aria-hidden="true"></span><span class="media-control-text">Full size</span></a></span></span>' +
        '<figcaption>A wide one</figcaption></figure>',
    );
    expect(
      await run(
        h(null, [
          h('p', [h('img', { src: '/narrow.png', alt: 'N', title: 'T', width: 600, height: 400 })]),
        ]),
      ),
    ).not.toContain('data-full-size');
  });
});

test.each([
  ['Gif2', true],
  ['Timeline gif', true],
  ['Cover image', true],
  ['Milvus timeline', false],
])('saysLittle(%s) = %s', (alt, expected) => expect(saysLittle(alt)).toBe(expected));
