import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { filesWithPlaceholders } from './placeholder-check';

test('names every built text file that still holds an astro:assets placeholder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'placeholder-check-'));
  mkdirSync(join(dir, 'blog/post'), { recursive: true });
  writeFileSync(join(dir, 'blog/post/index.html'), '<img src="/_astro/a.webp" alt="">');
  writeFileSync(
    join(dir, 'rss.xml'),
    '&lt;img __astro_image_="{&quot;src&quot;:&quot;./a.png&quot;}"&gt;',
  );
  writeFileSync(join(dir, 'picture.png'), '__astro_image_');
  expect(await filesWithPlaceholders(dir)).toEqual(['rss.xml']);
});
