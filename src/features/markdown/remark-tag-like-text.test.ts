import rehypeRaw from 'rehype-raw';
import { expect, test } from 'vitest';
import { runRemark } from './plugin-testing';
import { isHtmlElementName, remarkTagLikeText } from './remark-tag-like-text';

const render = async (markdown: string) =>
  (await runRemark([remarkTagLikeText], markdown, { rehype: [rehypeRaw] })).html;

test.each(['div', 'IMG', 'center', 'svg', 'details', 'kbd'])('<%s> is an HTML element', (name) =>
  expect(isHtmlElementName(name)).toBe(true),
);
test.each(['port', 'username', 'ip', 'T', 'my-widget'])('<%s> is not', (name) =>
  expect(isHtmlElementName(name)).toBe(false),
);

test('placeholders in a sentence stay text', async () => {
  expect(await render('Open 127.0.0.1:<port>/docs and sign in with (<username>:<password>).')).toBe(
    '<p>Open 127.0.0.1:&#x3C;port>/docs and sign in with (&#x3C;username>:&#x3C;password>).</p>',
  );
});

test('a placeholder alone on its line becomes a paragraph of text', async () => {
  expect(await render('<ip>')).toBe('<p>&#x3C;ip></p>');
});

test('a placeholder inside raw HTML is escaped; the real elements around it stay', async () => {
  expect(await render('<p align="center">Connect to <b><ip></b>:19530</p>')).toBe(
    '<p align="center">Connect to <b>&#x3C;ip></b>:19530</p>',
  );
});

test('real inline HTML is untouched', async () => {
  expect(await render('Some <b>bold</b> and <kbd>Ctrl</kbd>.')).toBe(
    '<p>Some <b>bold</b> and <kbd>Ctrl</kbd>.</p>',
  );
});

test('without the step, the placeholder is parsed as an element (which the page drops: what the issue reported)', async () => {
  expect((await runRemark([], 'Open 127.0.0.1:<port>/docs', { rehype: [rehypeRaw] })).html).toBe(
    '<p>Open 127.0.0.1:<port>/docs</port></p>',
  );
});
