import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { headersFor, parseHeadersFile, serveSite } from '../scripts/serve.mjs';

const FILE = `# comment
/*
  X-Content-Type-Options: nosniff
/_astro/*
  Cache-Control: immutable
/blog/%E5%90%91/
  Content-Security-Policy: default-src 'self'
`;

test('_headers rules apply by path pattern, specific rules adding to general ones', () => {
  const rules = parseHeadersFile(FILE);
  expect(rules).toHaveLength(3);
  expect(headersFor(rules, '/_astro/a.css')).toEqual({
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'immutable',
  });
  expect(headersFor(rules, '/blog/%E5%90%91/')['Content-Security-Policy']).toBe(
    "default-src 'self'",
  );
  expect(headersFor(rules, '/blog/other/')['Content-Security-Policy']).toBeUndefined();
});

test('a header two matching rules set gets both values, as Cloudflare Pages sends it', () => {
  const rules = parseHeadersFile('/*\n  Cache-Control: a\n/x/*\n  Cache-Control: b\n');
  expect(headersFor(rules, '/x/y')['Cache-Control']).toBe('a, b');
});

test('malformed files are errors: a header outside a rule, a pattern not starting with /, a header set twice', () => {
  expect(() => parseHeadersFile('  X: y')).toThrow(/line 1/);
  expect(() => parseHeadersFile('blog/*\n  X: y')).toThrow(/must start with "\/"/);
  expect(() => parseHeadersFile('/*\n  X: y\n  x: z')).toThrow(/set twice/);
  expect(() => parseHeadersFile('/*\n  Bad Name: y')).toThrow(/Name: value/);
});

describe('the preview server', () => {
  let dir: string;
  let server: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'serve-test-'));
    await mkdir(join(dir, 'blog/x'), { recursive: true });
    await writeFile(join(dir, '_headers'), '/base/*\n  X-Test: yes\n');
    await writeFile(join(dir, 'index.html'), '<p>home</p>');
    await writeFile(join(dir, '404.html'), '<p>not found</p>');
    await writeFile(join(dir, 'blog/x/index.html'), '<p>post</p>');
    server = await serveSite(dir, { base: '/base/' });
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('serves pages with the headers of _headers', async () => {
    const response = await fetch(new URL('blog/x/', server.url));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<p>post</p>');
    expect(response.headers.get('x-test')).toBe('yes');
  });

  test('never serves _headers itself', async () => {
    for (const path of ['_headers', '%5Fheaders']) {
      const response = await fetch(new URL(path, server.url));
      expect(response.status, path).toBe(404);
      expect(await response.text()).toBe('<p>not found</p>');
    }
  });

  test('a page without its trailing slash redirects to it, with the same headers', async () => {
    const cases: Array<[path: string, location: string]> = [
      ['/base/blog/x', '/base/blog/x/'],
      ['/base/blog/x?a=1', '/base/blog/x/?a=1'],
      ['/base', '/base/'],
    ];
    for (const [path, location] of cases) {
      const response = await fetch(new URL(path, server.url), { redirect: 'manual' });
      expect(response.status, path).toBe(301);
      expect(response.headers.get('location'), path).toBe(location);
      if (path !== '/base') expect(response.headers.get('x-test'), path).toBe('yes');
    }
  });

  test('paths outside the site are not found', async () => {
    expect((await fetch(new URL('/other/', server.url))).status).toBe(404);
    expect((await fetch(new URL('/base/..%2F..%2Fetc/passwd', server.url))).status).toBe(404);
  });
});
