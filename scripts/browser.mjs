// Finds a Chromium for the end-to-end tests and benchmarks, installing one when none is found.
// Order: CHROMIUM_PATH, a system Chromium/Chrome, Playwright's own download; then install
// (Playwright's download where the network allows, else Debian's `chromium` via apt as root).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Flags for a headless Chromium on a machine with no outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function playwrightExecutable() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** @returns {{ path: string, source: string } | undefined} */
export function findChromium(env = process.env) {
  const explicit = env.CHROMIUM_PATH || env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`CHROMIUM_PATH points at ${explicit}, which does not exist`);
    return { path: explicit, source: 'CHROMIUM_PATH' };
  }
  const system = SYSTEM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (system) return { path: system, source: 'system' };
  const own = playwrightExecutable();
  if (own) return { path: own, source: "Playwright's download" };
  return undefined;
}

function log(message) {
  process.stderr.write(`[browser] ${message}\n`);
}

function tryPlaywrightInstall() {
  log('no Chromium found; trying Playwright\'s download (npx playwright-core install chromium)');
  const result = spawnSync('npx', ['--no-install', 'playwright-core', 'install', 'chromium'], {
    stdio: 'inherit',
    timeout: 5 * 60_000,
  });
  return result.status === 0 ? playwrightExecutable() : undefined;
}

function tryAptInstall() {
  if (process.platform !== 'linux' || typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  if (spawnSync('which', ['apt-get']).status !== 0) return undefined;
  log('installing Debian\'s chromium with apt-get (running as root)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Returns a Chromium path, installing one if needed, and says what it did. */
export function ensureChromium() {
  const found = findChromium();
  if (found) {
    log(`using ${found.path} (${found.source})`);
    return found.path;
  }
  const installed = tryPlaywrightInstall() ?? tryAptInstall();
  if (!installed) {
    throw new Error(
      'No Chromium found and none could be installed. Install one (e.g. `apt-get install chromium`) or set CHROMIUM_PATH.',
    );
  }
  log(`installed ${installed}`);
  return installed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(ensureChromium());
}
