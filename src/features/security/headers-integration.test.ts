import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { expect, test, vi } from 'vitest';
import { HEADERS_FILE_LIMITS, formatHeadersFile, parseHeadersFile } from './headers-file';
import {
  headerRules,
  pageCacheRules,
  requestPaths,
  siteInlineStyles,
  syncVercelJson,
} from './headers-integration';
import { securityHeaders, vercelHeaders } from './security';

/** The files a build writes for `posts` posts over `tags` tags (pages in every folder the site has). */
function siteFiles(posts: number, tags: number): string[] {
  const files = [
    'index.html',
    '404.html',
    'rss.xml',
    'robots.txt',
    'favicon.svg',
    'sitemap-index.xml',
    'sitemap-0.xml',
    'tags/index.html',
    'blog/index.html',
  ];
  files.push(
    '_astro/BaseLayout.abc.css',
    '_astro/ThemeToggle.def.js',
    'media/a.1234567890.webp',
    'og/default.jpg',
  );
  for (let i = 0; i < posts; i++)
    files.push(
      `blog/post-${i}/index.html`,
      `share/mastodon/post-${i}/index.html`,
      `og/posts/post-${i}.jpg`,
    );
  for (let n = 2; n <= Math.ceil(posts / 20); n++) files.push(`blog/${n}/index.html`);
  for (let t = 0; t < tags; t++)
    files.push(`tags/tag-${t}/index.html`, `tags/tag-${t}/2/index.html`);
  return files;
}

test('pages get one cache rule per top-level folder, not one per page', () => {
  expect(pageCacheRules(siteFiles(300, 14))).toEqual([
    '',
    '404.html',
    'blog/*',
    'index.html',
    'share/*',
    'tags/*',
  ]);
});

test("the number of rules does not depend on the number of posts, and stays within Cloudflare Pages' limits", () => {
  const styles = ['a{}', 'b{}', 'c{}', 'd{}', 'e{}', 'f{}'];
  const one = headerRules(siteFiles(1, 5), styles);
  const many = headerRules(siteFiles(3000, 200), styles);
  expect(many).toEqual(one);
  const text = formatHeadersFile(many, 'test');
  expect(parseHeadersFile(text)).toEqual(many);
  expect(many.length).toBeLessThanOrEqual(HEADERS_FILE_LIMITS.rules);
  expect(Math.max(...text.split('\n').map((line) => line.length))).toBeLessThanOrEqual(
    HEADERS_FILE_LIMITS.lineLength,
  );
  expect(many[0]).toEqual({ pattern: '/*', headers: securityHeaders(styles) });
});

test('a page in an asset folder fails the build instead of getting two Cache-Control values', () => {
  expect(() => headerRules(['media/index.html', 'media/a.webp'], [])).toThrow(
    /"\/media\/\*" and "\/media\/\*"/,
  );
  expect(() => headerRules(['og/x/index.html'], [])).toThrow(/og/);
  expect(() => headerRules(['sitemap-x/index.html'], [])).toThrow(/sitemap/);
});

test('a page answers at its folder and at index.html', () => {
  expect(requestPaths('blog/a b/index.html', '/m/')).toEqual([
    '/m/blog/a%20b/',
    '/m/blog/a%20b/index.html',
  ]);
  expect(requestPaths('index.html')).toEqual(['/', '/index.html']);
  expect(requestPaths('rss.xml')).toEqual(['/rss.xml']);
});

test("the site's inline stylesheets: each distinct <head> stylesheet once; a <style> after the <head> fails the build", () => {
  const page = (head: string, body = '') => `<html><head>${head}</head><body>${body}</body></html>`;
  const pages = [
    { file: 'index.html', html: page('<style>a{}</style>') },
    { file: 'blog/x/index.html', html: page('<style>b{}</style>') },
    { file: 'tags/index.html', html: page('<style>a{}</style>') },
  ];
  expect(siteInlineStyles(pages)).toEqual(['a{}', 'b{}']);
  expect(() =>
    siteInlineStyles([
      ...pages,
      { file: 'blog/y/index.html', html: page('', '<style>.x{}</style>') },
    ]),
  ).toThrow(/blog\/y\/index\.html: a <style> after the <head>/);
});

test('a build never rewrites vercel.json: it warns when its headers are stale, fails on Vercel, and writes only when asked', async () => {
  const file = join(await mkdtemp(join(tmpdir(), 'vercel-json-')), 'vercel.json');
  const logger = { warn: vi.fn(), info: vi.fn() } as unknown as AstroIntegrationLogger;
  const committed = `${JSON.stringify({ outputDirectory: 'dist', headers: vercelHeaders([]) }, null, 2)}\n`;
  await writeFile(file, committed);
  vi.stubEnv('VERCEL', '1');
  await expect(syncVercelJson(file, ['a{}'], logger)).rejects.toThrow(/npm run vercel-json/);
  vi.stubEnv('VERCEL', '');
  await syncVercelJson(file, ['a{}'], logger);
  expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/run `npm run vercel-json`/));
  expect(await readFile(file, 'utf8')).toBe(committed);
  await syncVercelJson(file, ['a{}'], logger, true);
  const written = await readFile(file, 'utf8');
  expect(JSON.parse(written)).toEqual({ outputDirectory: 'dist', headers: vercelHeaders(['a{}']) });
  await syncVercelJson(file, ['a{}'], logger);
  expect(logger.warn).toHaveBeenCalledTimes(1);
  await syncVercelJson(join(file, '..', 'absent.json'), ['a{}'], logger);
  vi.unstubAllEnvs();
});
