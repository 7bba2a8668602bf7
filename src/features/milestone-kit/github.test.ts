import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { dailyCounts, fetchHistory } from './github.ts';

/** 250 stars over five days: pages of 100, 100 and 50. */
const STARS = Array.from({ length: 250 }, (_, i) => ({
  starred_at: `2024-03-0${1 + Math.floor(i / 50)}T${String(i % 24).padStart(2, '0')}:00:00Z`,
  user: { login: `user${i}` },
}));

interface Fake {
  api: string;
  requests: IncomingMessage[];
  server: Server;
}

let fake: Fake | undefined;
afterEach(() => new Promise<void>((done) => (fake ? fake.server.close(() => done()) : done())));

/** A fake GitHub API on 127.0.0.1; `answer` may replace the answer to a request. */
async function fakeGitHub(
  answer?: (
    page: number,
    n: number,
  ) => { status: number; headers?: Record<string, string> } | undefined,
): Promise<Fake> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    const url = new URL(req.url!, 'http://127.0.0.1');
    const page = Number(url.searchParams.get('page'));
    const special = answer?.(page, requests.length);
    if (special) {
      res.writeHead(special.status, { 'content-type': 'application/json', ...special.headers });
      res.end(JSON.stringify({ message: 'API rate limit exceeded' }));
      return;
    }
    if (url.pathname !== '/repos/kestrel-labs/streamworks/stargazers') {
      res.writeHead(404).end('{}');
      return;
    }
    const per = Number(url.searchParams.get('per_page'));
    const last = Math.ceil(STARS.length / per);
    const link = (p: number, rel: string) =>
      `<${`http://127.0.0.1${url.pathname}?per_page=${per}&page=${p}`}>; rel="${rel}"`;
    const links = [page < last ? link(page + 1, 'next') : '', link(last, 'last')].filter(Boolean);
    res.writeHead(200, {
      'content-type': 'application/json',
      link: links.join(', '),
      'x-ratelimit-remaining': '50',
    });
    // Without the star+json media type GitHub answers users, without dates.
    const dated = req.headers.accept === 'application/vnd.github.star+json';
    res.end(
      JSON.stringify(STARS.slice((page - 1) * per, page * per).map((s) => (dated ? s : s.user))),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  fake = { api: `http://127.0.0.1:${port}`, requests, server };
  return fake;
}

const out = async () => join(await mkdtemp(join(tmpdir(), 'milestone-history-')), 'stars.csv');

describe('history from the GitHub API', () => {
  test('every page, with the token and the dated media type; the CSV has one cumulative count per day', async () => {
    const { api, requests } = await fakeGitHub();
    const file = await out();
    const progress: string[] = [];
    const points = await fetchHistory({
      repository: 'kestrel-labs/streamworks',
      metric: 'stars',
      out: file,
      token: 'test-token',
      api,
      progress: (line) => progress.push(line),
    });
    expect(requests.map((r) => new URL(r.url!, api).searchParams.get('page'))).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(requests.every((r) => r.headers.authorization === 'Bearer test-token')).toBe(true);
    expect(points).toEqual([
      { date: '2024-03-01', count: 50 },
      { date: '2024-03-02', count: 100 },
      { date: '2024-03-03', count: 150 },
      { date: '2024-03-04', count: 200 },
      { date: '2024-03-05', count: 250 },
    ]);
    expect(await readFile(file, 'utf8')).toBe(
      'date,count\n2024-03-01,50\n2024-03-02,100\n2024-03-03,150\n2024-03-04,200\n2024-03-05,250\n',
    );
    expect(progress.at(-1)).toBe('kestrel-labs/streamworks stars: page 3 of 3, 250 so far');
    await expect(stat(`${file}.state.json`)).rejects.toThrow();
  });

  test('a rate limit is waited out until its reset, then the same page is asked again', async () => {
    const { api, requests } = await fakeGitHub((page, n) =>
      page === 2 && n === 2
        ? {
            status: 403,
            headers: {
              'x-ratelimit-remaining': '0',
              'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 30),
            },
          }
        : undefined,
    );
    const waits: number[] = [];
    const points = await fetchHistory({
      repository: 'kestrel-labs/streamworks',
      metric: 'stars',
      out: await out(),
      api,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(25_000);
    expect(requests.map((r) => new URL(r.url!, api).searchParams.get('page'))).toEqual([
      '1',
      '2',
      '2',
      '3',
    ]);
    expect(points.at(-1)!.count).toBe(250);
  });

  test('a long rate-limit wait stops the run; the next run resumes from the page it stopped at', async () => {
    let limited = true;
    const { api, requests } = await fakeGitHub((page) =>
      page === 3 && limited ? { status: 429, headers: { 'retry-after': '3600' } } : undefined,
    );
    const file = await out();
    const options = {
      repository: 'kestrel-labs/streamworks',
      metric: 'stars' as const,
      out: file,
      api,
    };
    await expect(fetchHistory(options)).rejects.toThrow(
      /rate limit reached at page 3; it resets in 60 min\. Run the same command again then \(it resumes from .*stars\.csv\.state\.json\), or set GITHUB_TOKEN/,
    );
    expect(JSON.parse(await readFile(`${file}.state.json`, 'utf8'))).toMatchObject({ page: 3 });
    limited = false;
    const before = requests.length;
    const points = await fetchHistory(options);
    // Only page 3 again: pages 1 and 2 came from the state file.
    expect(
      requests.slice(before).map((r) => new URL(r.url!, api).searchParams.get('page')),
    ).toEqual(['3']);
    expect(points.at(-1)!.count).toBe(250);
  });

  test('an unknown repository is said so', async () => {
    const { api } = await fakeGitHub();
    await expect(
      fetchHistory({ repository: 'nobody/nothing', metric: 'stars', out: await out(), api }),
    ).rejects.toThrow('nobody/nothing: no such repository (or no access)');
  });
});

test('daily counts: timestamps in any order, summed per day', () =>
  expect(
    dailyCounts(['2024-01-02T10:00:00Z', '2024-01-01T23:59:59Z', '2024-01-02T00:00:00Z']),
  ).toEqual([
    { date: '2024-01-01', count: 1 },
    { date: '2024-01-02', count: 3 },
  ]));
