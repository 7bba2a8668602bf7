import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, test } from 'vitest';
import { markdownPipeline } from './index';
import { normaliseCodeLanguage } from './remark-code-languages';
import { isMeaninglessAlt } from './remark-lead-duplicates';

async function render(markdown: string, frontmatter: Record<string, unknown> = {}) {
  const processor = await createMarkdownProcessor({ ...markdownPipeline, syntaxHighlight: false });
  return processor.render(markdown, { frontmatter });
}

describe('lead duplicates', () => {
  test('drops a leading cover image and records its caption as the cover description', async () => {
    const { code, metadata } = await render('![Cover image](https://a.example/c.png "The caption")\n\nText.', {
      title: 'T',
      cover: 'a.example/c.png',
    });
    expect(code).not.toContain('<img');
    expect(metadata.frontmatter.coverAlt).toBe('The caption');
  });

  test('drops a leading h1 equal to the title, but keeps other headings and images', async () => {
    const { code } = await render('# My  Title\n\n![x](https://a.example/other.png)\n\n# Another', {
      title: 'My Title ',
      cover: 'https://a.example/c.png',
    });
    expect(code).not.toContain('My  Title');
    expect(code).toContain('other.png');
    expect(code).toContain('<h1 id="another">Another</h1>');
  });

  test('keeps everything when the frontmatter has no cover', async () => {
    const { code } = await render('![Cover](https://a.example/c.png)', { title: 'T' });
    expect(code).toContain('c.png');
  });

  test.each(['Gif2', 'Cover image', 'image', '', ' 3 '])('"%s" says nothing', (alt) => expect(isMeaninglessAlt(alt)).toBe(true));
  test('a real description says something', () => expect(isMeaninglessAlt('Milvus timeline')).toBe(false));
});

test('obsolete align attributes become classes', async () => {
  const { code } = await render('<div align="center">Click <a href="#">here</a> to watch</div>\n\n| a |\n|:-:|\n| b |');
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
  [null, 'plaintext'],
  ['', 'plaintext'],
])('code language %s → %s', (input, expected) => expect(normaliseCodeLanguage(input)).toBe(expected));
