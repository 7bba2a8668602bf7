import { describe, expect, test } from 'vitest';
import { runRehype } from './plugin-testing';
import { rehypePostLinks, resolvePostLink } from './rehype-post-links';

// Known by file name, and by frontmatter id (milvus.io's name for the page).
const posts = {
  'milvus-2.0-release-notes': 'milvus-2.0-release-notes',
  'milvus-2.0-ga': 'milvus-2.0-release-notes',
  'a post': 'a post',
};

describe('links to posts this site has go to their page here', () => {
  test.each([
    ['milvus-2.0-release-notes.md', '/blog/milvus-2.0-release-notes/'],
    ['./milvus-2.0-ga.md#whats-new', '/blog/milvus-2.0-release-notes/#whats-new'],
    ['../blog/milvus-2.0-ga.mdx', '/blog/milvus-2.0-release-notes/'],
    ['/blog/milvus-2.0-ga.md', '/blog/milvus-2.0-release-notes/'],
    ['a%20post.md', '/blog/a%20post/'],
    ['https://milvus.io/blog/milvus-2.0-ga.md', '/blog/milvus-2.0-release-notes/'],
    ['http://milvus.io/blog/milvus-2.0-ga.md#Upgrade', '/blog/milvus-2.0-release-notes/#Upgrade'],
    ['https://milvus.io/blog/milvus-2.0-ga', '/blog/milvus-2.0-release-notes/'],
    ['https://www.milvus.io/blog/Milvus-2.0-GA.md/', '/blog/milvus-2.0-release-notes/'],
  ])('%s → %s', (href, expected) =>
    expect(resolvePostLink(href, posts)).toEqual({ href: expected }),
  );
});

describe('everything else is not a link between posts', () => {
  test.each([
    'https://milvus.io/blog/not-here.md',
    'https://milvus.io/blog/',
    'https://milvus.io/docs/install.md',
    'https://example.com/x.md',
    '#section',
    'notes.txt',
    'mailto:a@example.com',
  ])('%s', (href) => expect(resolvePostLink(href, posts)).toBeUndefined());

  test('a relative .md link to a post that is not here is missing', () => {
    expect(resolvePostLink('gone.md', posts)).toEqual({ missing: true });
  });
});

test('the plugin rewrites links and names a missing post in a build note', async () => {
  const { html, notes } = await runRehype(
    [[rehypePostLinks, { posts }]],
    '<a href="milvus-2.0-ga.md">a</a> <a href="https://milvus.io/blog/milvus-2.0-ga.md">b</a> <a href="gone.md">c</a> <a href="https://milvus.io/blog/other.md">d</a>',
  );
  expect(html).toBe(
    '<a href="/blog/milvus-2.0-release-notes/">a</a> <a href="/blog/milvus-2.0-release-notes/">b</a> <a href="gone.md">c</a> <a href="https://milvus.io/blog/other.md">d</a>',
  );
  expect(notes).toEqual(['[links] "gone.md" links to a post this site does not have']);
});

test('a link to a draft the build leaves out stays as written, and the note names the draft', async () => {
  const drafts = { 'coming-soon': 'coming-soon', 'soon-ga': 'coming-soon' };
  expect(resolvePostLink('./coming-soon.md#x', posts, drafts)).toEqual({ draft: 'coming-soon' });
  expect(resolvePostLink('https://milvus.io/blog/soon-ga.md', posts, drafts)).toEqual({
    draft: 'coming-soon',
  });
  expect(resolvePostLink('milvus-2.0-ga.md', posts, drafts)).toEqual({
    href: '/blog/milvus-2.0-release-notes/',
  });
  const { html, notes } = await runRehype(
    [[rehypePostLinks, { posts, drafts }]],
    '<a href="coming-soon.md">a</a>',
  );
  expect(html).toBe('<a href="coming-soon.md">a</a>');
  expect(notes).toEqual([
    '[links] "coming-soon.md" links to the draft "coming-soon", which is not published: the link is kept as written',
  ]);
});
