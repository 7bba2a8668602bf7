import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EMPTY_LOCK } from '../media/media-lock';
import { pullMedia, type PullOptions } from './pull';
import { folderPath, insideStore, storePath } from './store-path';

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#3366cc' } })
    .png()
    .toBuffer();

/** An animated GIF of `frames` 8×6 frames (sharp joins the frames into pages). */
async function gif(frames: number): Promise<Buffer> {
  const pages = await Promise.all(
    Array.from({ length: frames }, (_, n) =>
      sharp({ create: { width: 8, height: 6, channels: 3, background: { r: n * 60, g: 0, b: 0 } } })
        .png()
        .toBuffer(),
    ),
  );
  return sharp(pages, { join: { animated: true } })
    .gif({ delay: Array(frames).fill(100), loop: 0 })
    .toBuffer();
}

let server: Server;
let origin: string;
let work: string;
const hits = new Map<string, number>();
let flaky = 0;
const files = new Map<string, Buffer>();

beforeAll(async () => {
  files.set('/img/Chart One.png', await png(40, 20));
  files.set('/img/anim.gif', await gif(3));
  files.set('/img/big.png', await png(900, 900));
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/html.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      return res.end('<!doctype html><title>Not found</title><p>Sorry');
    }
    if (path === '/flaky.png' && flaky++ < 2) {
      res.writeHead(503);
      return res.end();
    }
    const body = files.get(path === '/flaky.png' ? '/img/Chart One.png' : path);
    if (!body) {
      res.writeHead(404);
      return res.end('missing');
    }
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(body);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  work = await mkdtemp(join(tmpdir(), 'media-pull-'));
});

afterAll(async () => {
  await new Promise((closed) => server.close(closed));
  await rm(work, { recursive: true, force: true });
});

const options = (dir: string, extra: Partial<PullOptions> = {}): PullOptions => ({
  mediaDir: dir,
  lock: EMPTY_LOCK,
  backoffMs: 5,
  ...extra,
});

/** Every file under `dir`, relative. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('pullMedia over HTTP', () => {
  test('pulls pictures into the store, locks them, keeps going past failures, and a second run fetches nothing', async () => {
    const dir = join(work, 'http');
    const urls = [
      `${origin}/img/Chart%20One.png`,
      `${origin}/img/anim.gif`,
      `${origin}/missing.png`,
      `${origin}/html.png`,
      `${origin}/img/big.png`,
      `${origin}/flaky.png`,
      `${origin}/%2e%2e/%2e%2e/img/anim.gif`,
    ];
    const progress: number[] = [];
    const { lock, results } = await pullMedia(
      urls,
      options(dir, { maxBytes: 6000, onProgress: (done) => progress.push(done) }),
    );
    const status = Object.fromEntries(results.map((r) => [r.url.slice(origin.length), r.status]));
    expect(status).toEqual({
      '/img/Chart%20One.png': 'pulled',
      '/img/anim.gif': 'pulled',
      '/missing.png': 'failed',
      '/html.png': 'failed',
      '/img/big.png': 'failed',
      '/flaky.png': 'pulled',
      // The URL parser already resolves the dots: it is /img/anim.gif, inside the store.
      '/%2e%2e/%2e%2e/img/anim.gif': 'pulled',
    });
    expect(progress.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const errors = results.filter((r) => r.error).map((r) => r.error);
    expect(errors).toEqual([
      `${origin}/missing.png: HTTP 404`,
      `${origin}/html.png: the bytes are an HTML or XML page, not a PNG, JPEG, GIF, WebP or AVIF picture`,
      expect.stringMatching(/big\.png: over the 0\.0 MB limit|big\.png: .* is over the/),
    ]);
    expect(hits.get('/flaky.png')).toBe(3);

    const host = `127.0.0.1_${new URL(origin).port}`;
    expect(await listFiles(join(dir, 'pulled'))).toEqual([
      `${host}/flaky.png`,
      `${host}/img/Chart_One.png`,
      `${host}/img/anim.gif`,
    ]);
    const chart = lock.files[`${origin}/img/Chart%20One.png`]!;
    const bytes = await readFile(join(dir, chart.file));
    expect(chart).toMatchObject({
      file: `pulled/${host}/img/Chart_One.png`,
      bytes: bytes.byteLength,
      type: 'image/png',
      width: 40,
      height: 20,
      frames: 1,
    });
    expect(lock.files[`${origin}/img/anim.gif`]).toMatchObject({
      type: 'image/gif',
      width: 8,
      height: 6,
      frames: 3,
    });
    expect(Object.keys(lock.files)).not.toContain(`${origin}/missing.png`);

    // Again, with the lock: nothing that is stored with its hash is fetched.
    hits.clear();
    const again = await pullMedia(urls, options(dir, { lock, maxBytes: 6000 }));
    expect(again.results.filter((r) => r.status === 'unchanged')).toHaveLength(4);
    expect([...hits.keys()].sort()).toEqual(['/html.png', '/img/big.png', '/missing.png']);
    expect(again.lock).toEqual(lock);

    // A stored file changed by hand is fetched again.
    await writeFile(join(dir, chart.file), 'damaged');
    hits.clear();
    const repaired = await pullMedia([`${origin}/img/Chart%20One.png`], options(dir, { lock }));
    expect(repaired.results[0]!.status).toBe('pulled');
    expect(await readFile(join(dir, chart.file))).toEqual(bytes);
  });

  test('a server that does not answer in time fails after its retries', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((ready) => silent.listen(0, '127.0.0.1', ready));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/x.png`;
    const { results } = await pullMedia(
      [url],
      options(join(work, 'silent'), { timeoutMs: 100, retries: 1 }),
    );
    silent.closeAllConnections();
    await new Promise((closed) => silent.close(closed));
    expect(results[0]).toMatchObject({ status: 'failed', error: `${url}: timed out` });
  });
});

describe('pullMedia --from a folder', () => {
  test('takes <host>/<path> files, and refuses paths that lead outside the folder', async () => {
    const from = join(work, 'originals');
    const put = async (path: string, data: Buffer | string) => {
      await mkdir(dirname(join(from, path)), { recursive: true });
      await writeFile(join(from, path), data);
    };
    await put('cdn.example/35k/cover.png', await png(64, 32));
    await put('cdn.example/35k/not-a-picture.png', 'hello');
    await writeFile(join(work, 'secret.png'), await png(4, 4));
    const dir = join(work, 'from');
    const { results, lock } = await pullMedia(
      [
        'https://cdn.example/35k/cover.png',
        'https://cdn.example/35k/not-a-picture.png',
        'https://cdn.example/35k/gone.png',
        'https://cdn.example/%2E%2E%2F%2E%2E%2Fsecret.png',
      ],
      options(dir, { from }),
    );
    expect(results.map((r) => r.status)).toEqual(['pulled', 'failed', 'failed', 'failed']);
    expect(results[3]!.error).toMatch(/leads outside/);
    expect(lock.files['https://cdn.example/35k/cover.png']).toMatchObject({
      file: 'pulled/cdn.example/35k/cover.png',
      width: 64,
      height: 32,
    });
    expect(await listFiles(dir)).toEqual(['pulled/cdn.example/35k/cover.png']);
  });
});

describe('store paths', () => {
  test.each([
    ['https://a.example/x/y.png', 'image/png', 'pulled/a.example/x/y.png'],
    ['https://a.example/x/photo', 'image/jpeg', 'pulled/a.example/x/photo.jpg'],
    ['https://a.example/x/wrong.png', 'image/gif', 'pulled/a.example/x/wrong.gif'],
    [
      'https://a.example/%2e%2e%2f%2e%2e%2fetc/passwd',
      'image/png',
      'pulled/a.example/etc/passwd.png',
    ],
    ['https://a.example/..%5C..%5Cwin.png', 'image/png', 'pulled/a.example/win.png'],
    ['https://a.example/.hidden.png', 'image/png', 'pulled/a.example/_hidden.png'],
    ['https://a.example:8080/', 'image/png', 'pulled/a.example_8080/index.png'],
  ])('%s (%s) → %s', (url, type, path) => {
    expect(storePath(url, type)).toBe(path);
    expect(insideStore('/store', path.replace(/^pulled\//, ''))).toBe(true);
  });

  test('a query is part of the name; unknown types are refused', () => {
    expect(storePath('https://a.example/i.png?w=2', 'image/png', 'abcd1234')).toBe(
      'pulled/a.example/i-abcd1234.png',
    );
    expect(() => storePath('https://a.example/i.svg', 'image/svg+xml')).toThrow(/does not take/);
  });

  test('folder paths stay in the folder', () => {
    expect(folderPath('/o', 'https://h.example/a/b.png')).toBe('/o/h.example/a/b.png');
    expect(folderPath('/o', 'https://h.example/%2e%2e%2f%2e%2e%2fx.png')).toBeUndefined();
    expect(insideStore('/store', '../x')).toBe(false);
    expect(insideStore('/store', '/etc/passwd')).toBe(false);
  });
});
