import { describe, expect, test } from 'vitest';
import { findReferences, linksToImageFile, srcsetUrls } from './references';

describe('findReferences', () => {
  test('finds the cover, markdown and raw pictures, and links to image files; not code, not pages', () => {
    const markdown = [
      '![Cover](//cdn.example/cover.png "The cover")',
      'Text with ![inline](https://cdn.example/inline.jpg) and [a page](https://cdn.example/about).',
      '![ref][chart]',
      '[chart]: https://cdn.example/chart.png',
      '<img src="https://cdn.example/raw.gif" alt="Raw"><img src="./local.png">',
      '<picture><source srcset="https://cdn.example/a.webp 1x, https://cdn.example/b.webp 2x"><img src="https://cdn.example/a.png"></picture>',
      '<video src="https://cdn.example/clip.mp4" poster="https://cdn.example/poster.jpg"></video>',
      'Get [the wallpaper](https://cdn.example/wall.PNG "4K") today.',
      '```md\n![in code](https://cdn.example/code.png)\n```',
    ].join('\n\n');
    expect(findReferences(markdown, 'cdn.example/cover.png')).toEqual([
      { url: 'cdn.example/cover.png', kind: 'cover' },
      { url: '//cdn.example/cover.png', kind: 'image', text: 'Cover' },
      { url: 'https://cdn.example/inline.jpg', kind: 'image', text: 'inline' },
      { url: 'https://cdn.example/chart.png', kind: 'image' },
      { url: 'https://cdn.example/raw.gif', kind: 'image', text: 'Raw' },
      { url: 'https://cdn.example/a.webp', kind: 'image' },
      { url: 'https://cdn.example/b.webp', kind: 'image' },
      { url: 'https://cdn.example/a.png', kind: 'image' },
      { url: 'https://cdn.example/clip.mp4', kind: 'video' },
      { url: 'https://cdn.example/poster.jpg', kind: 'image' },
      { url: 'https://cdn.example/wall.PNG', kind: 'link', text: 'the wallpaper 4K' },
    ]);
  });

  test('one reference per URL and kind, however often a post repeats it', () => {
    const twice = '![a](https://x.example/a.png)\n\n![b](http://x.example/a.png)';
    expect(findReferences(twice)).toHaveLength(1);
  });
});

test('links to image files and srcset URLs', () => {
  expect(linksToImageFile('https://x.example/w.jpeg')).toBe(true);
  expect(linksToImageFile('https://x.example/w.jpeg?dl=1')).toBe(true);
  expect(linksToImageFile('https://x.example/page')).toBe(false);
  expect(linksToImageFile('./w.png')).toBe(false);
  expect(srcsetUrls('a.png 1x,b.png 2x, c.png 640w')).toEqual(['a.png', 'b.png', 'c.png']);
});
