import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { expect, test } from 'vitest';
import { remarkSmartPunctuation } from './remark-smart-punctuation';

const astros = createMarkdownProcessor({ syntaxHighlight: false });
const ours = createMarkdownProcessor({
  syntaxHighlight: false,
  smartypants: false,
  remarkPlugins: [remarkSmartPunctuation],
});
const render = async (markdown: string) => (await (await ours).render(markdown)).code;

const SAMPLES = [
  "It's \"quoted\" and 'single' -- with a dash... and ``backticks'' too.",
  'Quotes around [a "link"](https://example.com) and *"emphasis"*, across `"code"` spans.',
  '"A quote that opens a paragraph."\n\n"And another," she said. "It\'s the \'90s."',
  '# "Heading" -- with a dash\n\n| a "cell" | b -- c |\n| --- | --- |\n| d... | e . . . f |',
  'Spaced . . . dots, two.. dots, 3.14, e.g. and i.e. stay; ---, -- and - alone.',
  'No punctuation to change here',
  '- a list "item"\n- and another -- item\n\n> a "quote" block...',
  '```\ncode "stays" -- as is...\n```\n\nAfter the "code".',
];

test.each(SAMPLES)("the same output as Astro's smartypants: %s", async (markdown) => {
  expect((await (await ours).render(markdown)).code).toBe(
    (await (await astros).render(markdown)).code,
  );
});

test('quotes, dashes, ellipses and backticks become typographic', async () => {
  expect(await render("\"Hi\" -- it's done... ``ok''")).toBe('<p>“Hi” — it’s done… “ok”</p>');
});

test('code is never changed', async () => {
  expect(await render('`"a" -- b...`')).toBe('<p><code>"a" -- b...</code></p>');
});
