import { join } from 'node:path';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { expect, test } from 'vitest';
import { rehypeShareLinks, SHARE_BLOCK_ID } from './share-block';

const run = async (tree: Root) =>
  toHtml(
    (await unified()
      .use(rehypeShareLinks, { postsDir: 'src/content/blog' })
      .run(tree, new VFile({ path: join(process.cwd(), 'src/content/blog/a-post.md') }))) as Root,
  );

test('a link asking readers to share the post leads to the share block, its text as written', async () => {
  const html = await run(
    h(null, [
      h('p', [
        'Help ',
        h('a', { href: 'https://twitter.com/milvusio', target: '_blank' }, 'spread the word'),
        '!',
      ]),
    ]),
  );
  expect(html).toBe(
    `<p>Help <a href="#${SHARE_BLOCK_ID}" data-print-href="https://milestones.milvus.io/blog/a-post/">spread the word</a>!</p>`,
  );
});

test('other links stay as they are', async () => {
  const html = await run(
    h(null, [h('p', [h('a', { href: 'https://twitter.com/milvusio' }, 'our X account')])]),
  );
  expect(html).toBe('<p><a href="https://twitter.com/milvusio">our X account</a></p>');
});
