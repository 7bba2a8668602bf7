import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { expect, test } from 'vitest';
import { runRemark } from '../markdown/plugin-testing';
import { mathClassFor, mathStylesOf, rehypeMathClasses } from './rehype-math-classes';

const render = (markdown: string) =>
  runRemark([[remarkMath, { singleDollarTextMath: false }]], markdown, {
    rehype: [rehypeKatex, rehypeMathClasses],
  });

test('$$ math is typeset at build time, with no inline style left and a rule for every class', async () => {
  const { html, frontmatter } = await render(
    '$$\n\\frac{a}{b} + \\sqrt{x^2}\n$$\n\nInline $$\\color{red}{y}$$ too.',
  );
  expect(html).toContain('class="katex-display"');
  expect(html).toContain('<annotation encoding="application/x-tex">');
  expect(html).not.toContain('style=');
  const rules = mathStylesOf(frontmatter);
  const classes = new Set(html.match(/kx-[a-z0-9]+/g));
  expect(classes.size).toBeGreaterThan(5);
  for (const name of classes) expect(rules).toContain(`.${name}{`);
  expect(rules).toContain(`.${mathClassFor('color:red')}{color:red!important}`);
});

test('single dollars are prices, not math', async () => {
  const { html, frontmatter } = await render('A small plan costs $5 and a large one $10.');
  expect(html).toBe('<p>A small plan costs $5 and a large one $10.</p>');
  expect(mathStylesOf(frontmatter)).toBe('');
});

test('styles outside math are not this step’s business', async () => {
  const { html } = await runRemark([], '<p style="color:red">x</p>', {
    rehype: [rehypeMathClasses],
  });
  expect(html).toContain('style="color:red"');
});
