import { expect, test } from 'vitest';
import { htmlExcerpt } from './excerpt';

test('takes the opening paragraphs as plain text, skipping image-only paragraphs and code', () => {
  const html =
    '<p><img src="a.png" alt="cover"></p><h2>Intro</h2><p>Milvus <strong>2.0</strong> is &quot;here&quot; &amp; fast.</p><pre><code>x = 1</code></pre><p>Second.</p>';
  expect(htmlExcerpt(html)).toBe('Milvus 2.0 is "here" & fast. Second.');
});

test('cuts long text on a word boundary within the limit', () => {
  const html = `<p>${'vector database '.repeat(30)}</p>`;
  const excerpt = htmlExcerpt(html, 200) ?? '';
  expect([...excerpt].length).toBeLessThanOrEqual(200);
  expect(excerpt).toMatch(/(vector|database)…$/);
});

test('gives nothing for a body without text', () => {
  expect(htmlExcerpt('<p><img src="a.png"></p>')).toBeUndefined();
});
