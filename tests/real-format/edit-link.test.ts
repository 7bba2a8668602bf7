import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { EDIT_URL, page, readySite } from '../support/sites';

// The real-format site names a content repository (CONTENT_EDIT_URL); the seed-only site does not.
const site = await readySite('real-format');

test('each post links "Edit this post" to its file in the content repository', async () => {
  const ids = await readdir(join(site.dist, 'blog'), { withFileTypes: true }).then((entries) =>
    entries
      .filter(
        (e) => !/^\d+$/.test(e.name) && existsSync(join(site.dist, 'blog', e.name, 'index.html')),
      )
      .map((e) => e.name),
  );
  expect(ids.length).toBeGreaterThan(5);
  for (const id of ids) {
    const $ = await page(site, `blog/${id}/`);
    const links = $('a').filter((_, a) => $(a).text().trim() === 'Edit this post');
    expect(links.length, id).toBe(1);
    expect(links.attr('href'), id).toMatch(new RegExp(`^${EDIT_URL}/[^/]+\\.mdx?$`));
  }
  const seed = await page(site, 'blog/2022-4-12-milvus-10k-stars/');
  expect(seed('a:contains("Edit this post")').attr('href')).toBe(
    `${EDIT_URL}/2022-4-12-milvus-10k-stars.md`,
  );
});

test('without a content repository no post has the link', async () => {
  const plain = await readySite('site');
  const $ = await page(plain, 'blog/2022-4-12-milvus-10k-stars/');
  expect($('a:contains("Edit this post")').length).toBe(0);
});
