// `npm run milestone -- history OWNER/REPO`: the growth history from GitHub's REST API.
// Stars come from the stargazers list with timestamps (`application/vnd.github.star+json`),
// forks from the forks list (oldest first); each page is kept in a state file beside the CSV,
// so an interrupted run resumes where it stopped. Rate limits are waited out (or reported,
// when the wait is long).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { historyCsv, type HistoryPoint } from './history.ts';

export const HISTORY_METRICS = ['stars', 'forks'] as const;
export type HistoryMetric = (typeof HISTORY_METRICS)[number];

export interface HistoryOptions {
  repository: string;
  metric: HistoryMetric;
  /** The CSV to write; its `.state.json` sibling keeps the pages fetched so far. */
  out: string;
  token?: string;
  /** API root; GitHub's by default, a local fake one in tests. */
  api?: string;
  /** Longest rate-limit wait to sit out, in ms; longer waits stop the run (resumable). */
  maxWaitMs?: number;
  /** Progress lines (a TTY gets one line redrawn). */
  progress?: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

interface State {
  repository: string;
  metric: HistoryMetric;
  /** Next page to fetch. */
  page: number;
  /** ISO timestamps of every star (or fork) fetched so far. */
  dates: string[];
  total?: number;
}

const PER_PAGE = 100;

export class HistoryFetchError extends Error {}

function endpoint(o: HistoryOptions, page: number): string {
  const path = o.metric === 'stars' ? 'stargazers' : 'forks';
  const order = o.metric === 'forks' ? '&sort=oldest' : '';
  return `${o.api ?? 'https://api.github.com'}/repos/${o.repository}/${path}?per_page=${PER_PAGE}&page=${page}${order}`;
}

/** One count per day on which the count changed: the cumulative total at the end of that day. */
export function dailyCounts(timestamps: readonly string[]): HistoryPoint[] {
  const days = new Map<string, number>();
  for (const stamp of [...timestamps].sort())
    days.set(stamp.slice(0, 10), (days.get(stamp.slice(0, 10)) ?? 0) + 1);
  let total = 0;
  return [...days].map(([date, n]) => ({ date, count: (total += n) }));
}

async function readState(file: string, o: HistoryOptions): Promise<State> {
  const fresh: State = { repository: o.repository, metric: o.metric, page: 1, dates: [] };
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (!text) return fresh;
  const state = JSON.parse(text) as State;
  return state.repository === o.repository && state.metric === o.metric ? state : fresh;
}

/** Fetches every page (resuming from the state file), writes the CSV, and returns its points. */
export async function fetchHistory(o: HistoryOptions): Promise<HistoryPoint[]> {
  const stateFile = `${o.out}.state.json`;
  const sleep = o.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const maxWait = o.maxWaitMs ?? 15 * 60_000;
  await mkdir(dirname(o.out), { recursive: true });
  const state = await readState(stateFile, o);
  const headers: Record<string, string> = {
    accept:
      o.metric === 'stars' ? 'application/vnd.github.star+json' : 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
    'user-agent': 'milestone-kit',
  };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  for (;;) {
    const response = await fetch(endpoint(o, state.page), { headers });
    const remaining = Number(response.headers.get('x-ratelimit-remaining') ?? '1');
    if (response.status === 403 || response.status === 429) {
      if (remaining > 0 && !response.headers.has('retry-after'))
        throw new HistoryFetchError(
          `GitHub refused page ${state.page} (${response.status}): ${await response.text()}`,
        );
      const reset = Number(response.headers.get('x-ratelimit-reset') ?? '0') * 1000;
      const wait = response.headers.has('retry-after')
        ? Number(response.headers.get('retry-after')) * 1000
        : Math.max(reset - Date.now(), 1000);
      if (wait > maxWait)
        throw new HistoryFetchError(
          `rate limit reached at page ${state.page}; it resets in ${Math.ceil(wait / 60_000)} min. Run the same command again then (it resumes from ${stateFile})${o.token ? '' : ', or set GITHUB_TOKEN for a higher limit'}`,
        );
      o.progress?.(`rate limit: waiting ${Math.ceil(wait / 1000)} s`);
      await sleep(wait);
      continue;
    }
    if (response.status === 404)
      throw new HistoryFetchError(`${o.repository}: no such repository (or no access)`);
    if (response.status === 422 && state.dates.length > 0)
      throw new HistoryFetchError(
        `GitHub lists at most ${state.dates.length} ${o.metric} for ${o.repository} (page ${state.page} refused): the CSV would stop there`,
      );
    if (!response.ok)
      throw new HistoryFetchError(
        `GitHub answered ${response.status} for page ${state.page}: ${await response.text()}`,
      );
    const items = (await response.json()) as { starred_at?: string; created_at?: string }[];
    for (const item of items) {
      const stamp = o.metric === 'stars' ? item.starred_at : item.created_at;
      if (!stamp)
        throw new HistoryFetchError(
          `page ${state.page}: an entry without a date (is the star+json media type honoured?)`,
        );
      state.dates.push(stamp);
    }
    const last = /[?&]page=(\d+)[^>]*>;\s*rel="last"/.exec(response.headers.get('link') ?? '');
    if (last) state.total = Number(last[1]);
    o.progress?.(
      `${o.repository} ${o.metric}: page ${state.page}${state.total ? ` of ${state.total}` : ''}, ${state.dates.length} so far`,
    );
    const more = /rel="next"/.test(response.headers.get('link') ?? '') && items.length > 0;
    state.page += 1;
    await writeFile(stateFile, JSON.stringify(state));
    if (!more) break;
  }
  const points = dailyCounts(state.dates);
  await writeFile(o.out, historyCsv(points));
  await rm(stateFile, { force: true });
  return points;
}
