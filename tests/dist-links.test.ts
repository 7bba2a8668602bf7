import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { checkLinks } from './support/dist-links';

test('a relative .md link to a post that is not here fails the link check, naming the post it is in', () => {
  const dist = mkdtempSync(join(tmpdir(), 'dist-links-'));
  mkdirSync(join(dist, 'blog/linking-post'), { recursive: true });
  writeFileSync(
    join(dist, 'blog/linking-post/index.html'),
    '<!doctype html><p><a href="gone.md">a post that is not here</a></p>',
  );
  const { missing } = checkLinks(dist, { base: '/', site: 'https://example.org' });
  expect(missing).toEqual(['blog/linking-post/index.html -> /blog/linking-post/gone.md']);
});

test('a #fragment with no element of that id or anchor name on its page is reported; ids and names both count', () => {
  const dist = mkdtempSync(join(tmpdir(), 'dist-links-'));
  mkdirSync(join(dist, 'post'), { recursive: true });
  writeFileSync(
    join(dist, 'post/index.html'),
    '<!doctype html><h2 id="found">x</h2><a name="old-anchor"></a>',
  );
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><a href="/post/#found">1</a><a href="/post/#old-anchor">2</a><a href="/post/#gone">3</a>',
  );
  const { brokenFragments } = checkLinks(dist, { base: '/', site: 'https://example.org' });
  expect(brokenFragments).toEqual(['index.html -> /post/#gone']);
});
