import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Element, Root } from 'hast';
import { expect, test } from 'vitest';
import { markdownPipeline } from '../markdown/pipeline';
import { isHighlightedCode, rehypeRestoreCode, rehypeSetAsideCode } from './set-aside-code';

const MARKDOWN =
  '## Install\n\n```python\nprint("[docs](https://milvus.io/docs)")  # align="center"\n```\n\n[here](https://milvus.io/docs)';

test('the steps after Shiki see each highlighted block empty; the page gets it back whole', async () => {
  const seen: number[] = [];
  // Two plugins, not one twice (unified would keep one).
  const probe = () => () => (tree: Root) => {
    const pre = tree.children.find(
      (node): node is Element => node.type === 'element' && node.tagName === 'pre',
    );
    seen.push(pre?.children.length ?? -1);
  };
  const steps = markdownPipeline.rehypePlugins ?? [];
  const aside = steps.indexOf(rehypeSetAsideCode);
  const restore = steps.indexOf(rehypeRestoreCode);
  expect(aside).toBeGreaterThan(0);
  expect(restore).toBe(steps.length - 1);
  const processor = await createMarkdownProcessor({
    ...markdownPipeline,
    syntaxHighlight: false,
    rehypePlugins: [
      ...steps.slice(0, aside + 1),
      probe(),
      ...steps.slice(aside + 1, restore),
      probe(),
      rehypeRestoreCode,
    ],
  });
  const { code } = await processor.render(MARKDOWN);
  expect(seen).toEqual([0, 0]);
  expect(code).toMatch(
    /<pre [^>]*data-language="python" class="astro-code [^"]*"><code><span class="line"><span class="sk-[^"]*">print<\/span>/,
  );
  // The code's text is untouched by the link and alignment steps.
  expect(code).toContain('>"[docs](https://milvus.io/docs)"</span>');
  expect(code).not.toContain('align-center');
  // Outside the code they still run.
  expect(code).toContain(
    '<a href="https://milvus.io/docs" rel="noopener noreferrer">here<span class="visually-hidden"> (milvus.io)</span></a>',
  );
  expect(code).toContain('<h2 id="install">');
});

test("only Shiki's blocks count as highlighted code", () => {
  const pre = (className: unknown): Element => ({
    type: 'element',
    tagName: 'pre',
    properties: { className } as Element['properties'],
    children: [],
  });
  expect(isHighlightedCode(pre(['astro-code', 'github-light-default']))).toBe(true);
  expect(
    isHighlightedCode({ ...pre(undefined), properties: { class: 'astro-code github-dark' } }),
  ).toBe(true);
  expect(isHighlightedCode(pre(['language-python']))).toBe(false);
  expect(isHighlightedCode({ ...pre(['astro-code']), tagName: 'code' })).toBe(false);
});
