import { coverAltFromMarkdown } from '../cover/remark-lead-duplicates';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, test } from 'vitest';
import { markdownPipeline } from './pipeline';
import { normaliseCodeLanguage } from '../code/remark-code-languages';

async function render(markdown: string, frontmatter: Record<string, unknown> = {}) {
  const processor = await createMarkdownProcessor({ ...markdownPipeline, syntaxHighlight: false });
  return processor.render(markdown, { frontmatter });
}

describe('lead duplicates', () => {
  test('drops a leading cover image and records its caption as the cover description', async () => {
    const markdown = '![Cover image](https://a.example/c.png "The caption")\n\nText.';
    const { code } = await render(markdown, { title: 'T', cover: 'a.example/c.png' });
    expect(code).not.toContain('<img');
    expect(coverAltFromMarkdown(markdown, { title: 'T', cover: 'a.example/c.png' })).toBe(
      'The caption',
    );
  });

  test('drops a leading h1 equal to the title, but keeps other headings and images', async () => {
    const { code } = await render('# My  Title\n\n![x](https://a.example/other.png)\n\n# Another', {
      title: 'My Title ',
      cover: 'https://a.example/c.png',
    });
    expect(code).not.toContain('My  Title');
    expect(code).toContain('other.png');
    // The remaining body h1 is a section: it moves down to h2 (rehype-section-headings).
    expect(code).toMatch(/<h2 id="another">.*Another<\/h2>/);
    expect(code).not.toContain('<h1');
  });

  test('keeps everything when the frontmatter has no cover', async () => {
    const { code } = await render('![Cover](https://a.example/c.png)', { title: 'T' });
    expect(code).toContain('c.png');
  });
});

test('obsolete align attributes become classes', async () => {
  const { code } = await render(
    '<div align="center">Click <a href="#">here</a> to watch</div>\n\n| a |\n|:-:|\n| b |',
  );
  expect(code).toContain('<div class="align-center">Click <a href="#">here</a> to watch</div>');
  expect(code).toContain('<th class="align-center">a</th>');
  expect(code).not.toContain('align="');
});

test.each([
  ['Python', 'python'],
  ['YAML', 'yaml'],
  ['sh', 'sh'],
  ['Shell', 'shell'],
  ['unknownlang', 'plaintext'],
  ['C++', 'cpp'],
  ['c++', 'cpp'],
  ['cpp', 'cpp'],
  [null, 'plaintext'],
  ['', 'plaintext'],
])('code language %s → %s', (input, expected) =>
  expect(normaliseCodeLanguage(input)).toBe(expected),
);

describe('media', () => {
  test('a titled lone image becomes a figure; its title captions it and replaces a meaningless alt', async () => {
    const { code } = await render('![Gif2](https://a.example/x.png "What it shows.")');
    expect(code).toContain(
      '<figure id="what-it-shows"><img src="https://a.example/x.png" alt="What it shows." loading="lazy" decoding="async"><figcaption><span id="What-it-shows." class="heading-alias"></span><span id="What-it-shows" class="heading-alias"></span>What it shows.</figcaption></figure>',
    );
  });

  test('a described alt is kept; untitled and inline images are not wrapped; unknown remote images stay remote and lazy', async () => {
    const { code } = await render(
      '![A diagram](https://a.example/d.png "Caption")\n\nSee ![icon](https://a.example/i.png "Icon") inline.\n\n![plain](https://a.example/p.png)',
    );
    expect(code).toContain('alt="A diagram"');
    expect(code.match(/<figure[ >]/g)).toHaveLength(1);
    expect(code).toContain(
      '<p>See <img src="https://a.example/i.png" alt="icon" title="Icon" loading="lazy" decoding="async"> inline.</p>',
    );
    expect(code).toContain(
      '<p><img src="https://a.example/p.png" alt="plain" loading="lazy" decoding="async"></p>',
    );
  });

  test('an animation the site has a copy of becomes a local picture in its figure (details: src/features/animations/animations.test.ts)', async () => {
    const { code } = await render(
      '![Timeline gif](https://assets.zilliz.com/Milvus_10000_star_timeline_3sec_de1a7c906a.gif "Milvus 10000 star timeline.")',
    );
    expect(code).not.toContain('assets.zilliz.com');
    expect(code).toMatch(
      /^<figure id="milvus-10000-star-timeline"><span class="media-frame media-animation" data-media-animation="controlled"><picture><source type="image\/webp" media="print"/,
    );
    expect(code).toMatch(
      /<img src="\/media\/milvus-10k-stars-timeline\.\w+\.gif" alt="Milvus 10000 star timeline\." [^>]*width="960" height="540"/,
    );
    expect(code).toMatch(
      /<\/span><\/span><figcaption>(<span [^>]*><\/span>)*Milvus 10000 star timeline\.<\/figcaption><\/figure>$/,
    );
  });

  test('the wallpaper link leads to a card of sizes right after its paragraph (details: src/features/wallpaper/wallpaper.test.ts)', async () => {
    const { code } = await render(
      'Get [the wallpaper](https://assets.zilliz.com/10_K_stars_2b2e0e0b36.png)!\n\nAfter.',
    );
    expect(code).toContain('<a href="#wallpaper-downloads">the wallpaper</a>');
    expect(code.indexOf('<section class="wallpaper-card"')).toBeGreaterThan(
      code.indexOf('the wallpaper'),
    );
    expect(code.indexOf('<section class="wallpaper-card"')).toBeLessThan(code.indexOf('After.'));
    expect(code.match(/download="milvus-10k-stars-wallpaper-\d+x\d+\.jpg"/g)).toHaveLength(8);
  });
});

test('C++ is highlighted as C++, however it is written', async () => {
  for (const lang of ['C++', 'c++', 'cpp']) {
    const { code } = await render(`\`\`\`${lang}\nint main() { return 0; }\n\`\`\`\n`);
    expect(code, lang).toContain('data-language="cpp"');
  }
});
