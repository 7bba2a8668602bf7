import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readySite } from '../support/sites';

// The site is built in Tokyo (the real-format posts in Los Angeles): east of UTC, a naive
// local-time format would move midnight-UTC dates a day forward.
test('the seed post reads 12 April 2022 when built in Tokyo', async () => {
  const site = await readySite('site');
  const html = await readFile(
    join(site.dist, 'blog/2022-4-12-milvus-10k-stars/index.html'),
    'utf8',
  );
  // The hero's byline may hide the date from the eye (the cover shows it), never from the page.
  expect(html).toMatch(/<time datetime="2022-04-12"[^>]*>April 12, 2022<\/time>/);
});
