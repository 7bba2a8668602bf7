import { expect, test } from 'vitest';
import { runRehype } from '../markdown/plugin-testing';
import { rehypeLinkHosts } from './rehype-link-hosts';

const run = async (href: string) =>
  (
    await runRehype(
      [[rehypeLinkHosts, { page: 'https://site.example/blog/' }]],
      `<a href="${href}">x</a>`,
    )
  ).html;

test.each([
  ['/\\evil.example', 'https://evil.example/'],
  ['\\\\evil.example/x', 'https://evil.example/x'],
  ['//evil.example', 'https://evil.example/'],
  ['/&#x9;/evil.example/', 'https://evil.example/'],
])('%s, which a browser follows to another host, is written as %s', async (href, expected) => {
  expect(await run(href)).toBe(`<a href="${expected}">x</a>`);
});

test.each(['/blog/a/', '../tags/', '#top', 'https://other.example/', 'mailto:a@b.example'])(
  '%s is left as written',
  async (href) => expect(await run(href)).toBe(`<a href="${href}">x</a>`),
);
