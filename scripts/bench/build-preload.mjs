// Preloaded into every bench build (NODE_OPTIONS=--import), for two reasons:
// - Offline: the generated posts point at remote covers and images on assets.zilliz.com, which a
//   build must never download. Any HTTP request to a host other than this machine fails at once and
//   prints a line the bench looks for, so a fetch shows up as an error, not as a slow or hung build.
// - CPU time: on exit the build prints the CPU seconds it used (all its threads, plus child
//   processes it waited for), a figure other processes on a shared machine disturb far less than
//   wall-clock time.
import http from 'node:http';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

/** _build.mjs looks for these prefixes in a build's output. */
const OFFLINE_MARK = '[bench-offline] build tried to fetch';
const CPU_MARK = '[bench-cpu]';

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[?::1\]?)$/i;

/** @param {unknown} target */
function remoteUrl(target) {
  let url;
  try {
    if (typeof target === 'string' || target instanceof URL) url = new URL(target);
    else if (
      target &&
      typeof target === 'object' &&
      'url' in target &&
      typeof target.url === 'string'
    )
      url = new URL(target.url);
    else if (target && typeof target === 'object') {
      const o = /** @type {{ protocol?: string, hostname?: string, host?: string }} */ (target);
      url = new URL(`${o.protocol ?? 'http:'}//${o.hostname ?? o.host ?? 'localhost'}/`);
    }
  } catch {
    return undefined;
  }
  if (
    !url ||
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    LOOPBACK.test(url.hostname)
  )
    return undefined;
  return url.href;
}

function refuse(/** @type {string} */ url) {
  process.stderr.write(`${OFFLINE_MARK} ${url}\n`);
  return new Error(`bench builds are offline: refused to fetch ${url}`);
}

const realFetch = globalThis.fetch;
/** @type {typeof fetch} */
globalThis.fetch = async (input, init) => {
  const url = remoteUrl(input);
  if (url) throw refuse(url);
  return realFetch(input, init);
};
for (const module of [http, https]) {
  for (const name of /** @type {const} */ (['request', 'get'])) {
    const real = module[name];
    module[name] = /** @type {any} */ (
      (/** @type {any[]} */ ...args) => {
        const url = remoteUrl(args[0]);
        if (url) throw refuse(url);
        return /** @type {Function} */ (real)(...args);
      }
    );
  }
}
// `import { get } from 'node:https'` sees the wrapped functions too.
syncBuiltinESMExports();

// Only the build process itself reports; node processes it starts inherit the flag and stay quiet
// (their time is in the `children` figure once the build has waited for them).
const top = !process.env.BENCH_PRELOAD_CHILD;
process.env.BENCH_PRELOAD_CHILD = '1';
process.on('exit', () => {
  if (!top) return;
  const { user, system } = process.cpuUsage();
  let children = 0;
  try {
    // Fields 16 and 17 of /proc/self/stat: CPU ticks of waited-for children (Linux, 100 ticks/s).
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    children = (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    // not Linux: the build's own time only
  }
  process.stderr.write(`${CPU_MARK} ${((user + system) / 1e6 + children).toFixed(3)}\n`);
});
