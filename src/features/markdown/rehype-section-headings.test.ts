import { expect, test } from 'vitest';
import { runRehype } from './plugin-testing';
import { rehypeSectionHeadings } from './rehype-section-headings';

const run = async (html: string) => (await runRehype([rehypeSectionHeadings], html)).html;

test('a body that uses h1s as sections moves every heading down one level, keeping ids', async () => {
  expect(await run('<h1 id="Setup">Setup</h1><h2>Details</h2><h1>Results</h1><h6>Small</h6>')).toBe(
    '<h2 id="Setup">Setup</h2><h3>Details</h3><h2>Results</h2><h6>Small</h6>',
  );
});

test('a body without h1 keeps its levels', async () => {
  expect(await run('<h2>A</h2><h3>B</h3>')).toBe('<h2>A</h2><h3>B</h3>');
});
