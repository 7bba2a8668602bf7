import { expect, test } from 'vitest';
import { runRehype } from './plugin-testing';
import { linkLabel, rehypeEmptyLinks } from './rehype-empty-links';

test.each([
  ['https://milvus.io/docs/install.md', 'milvus.io'],
  ['https://www.youtube.com/watch?v=1', 'youtube.com'],
  ['mailto:team@example.com', 'team@example.com'],
  ['/blog/x/', '/blog/x/'],
])('an empty link to %s reads "%s"', (href, label) => expect(linkLabel(href)).toBe(label));

test('empty links get their host as text; links with text or a described image do not change', async () => {
  const { html } = await runRehype(
    [rehypeEmptyLinks],
    '<a href="https://milvus.io/docs"></a> <a href="https://milvus.io/docs"> </a> <a href="https://a.example/">A</a> <a href="https://b.example/"><img src="i.png" alt="B"></a> <a name="anchor"></a>',
  );
  expect(html).toBe(
    '<a href="https://milvus.io/docs">milvus.io</a> <a href="https://milvus.io/docs"> milvus.io</a> <a href="https://a.example/">A</a> <a href="https://b.example/"><img src="i.png" alt="B"></a> <a name="anchor"></a>',
  );
});
