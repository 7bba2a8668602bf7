import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, test } from 'vitest';
import { markdownPipeline } from './pipeline';
import { isGenericLinkText } from './rehype-descriptive-links';

async function render(markdown: string) {
  const processor = await createMarkdownProcessor({ ...markdownPipeline, syntaxHighlight: false });
  return (await processor.render(markdown, { frontmatter: {} })).code;
}

describe('links whose text says nothing', () => {
  test('a raw-HTML "here" to another site gets the host as hidden text, visible words unchanged', async () => {
    const html = await render(
      '<div align="center">Click <a href="https://www.youtube.com/watch?v=zIAX_oPI2Jk">here</a> to watch.</div>',
    );
    expect(html).toContain(
      'Click <a href="https://www.youtube.com/watch?v=zIAX_oPI2Jk" rel="noopener noreferrer">here<span class="visually-hidden"> (youtube.com)</span></a> to watch.',
    );
  });

  test('a markdown "Read more" link gets it too', async () => {
    expect(await render('[Read more](https://milvus.io/docs)')).toContain(
      'Read more<span class="visually-hidden"> (milvus.io)</span></a>',
    );
  });

  test('descriptive, relative and mailto links are left alone', async () => {
    const html = await render(
      '[GitHub repo of Milvus](https://github.com/milvus-io/milvus) [here](/blog/) [here](mailto:a@b.c)',
    );
    expect(html).not.toContain('visually-hidden');
  });

  test.each(['here', ' Click  Here ', 'read more'])('"%s" is generic', (text) =>
    expect(isGenericLinkText(text)).toBe(true),
  );
  test.each(['here we go', 'the release notes', ''])('"%s" is not', (text) =>
    expect(isGenericLinkText(text)).toBe(false),
  );
});
