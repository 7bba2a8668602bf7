// Finds a Chromium for the end-to-end tests, benchmarks and audit, installing one when none is found.
// Order: CHROMIUM_PATH, a system Chromium/Chrome, Playwright's own download; then install
// (Playwright's download where the network allows, else Debian's `chromium` via apt as root).
// Tests and benchmarks prefer Chromium's headless shell (`ensureHeadlessShell`), the audit the full
// browser Lighthouse expects.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** Debian's headless shell (package `chromium-headless-shell`): the real binary, not its /usr/bin wrapper. */
const SYSTEM_HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';

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

/**
 * Keeps a browser off the network: every request to a host other than the machine itself goes to
 * a proxy on the discard port, where nothing answers (loopback addresses bypass a proxy).
 * Cheaper than intercepting each request from the test, and it holds for every page and popup.
 */
export const OFFLINE_ARGS = ['--proxy-server=http://127.0.0.1:9'];

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
    if (!existsSync(explicit))
      throw new Error(`CHROMIUM_PATH points at ${explicit}, which does not exist`);
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
  log("no Chromium found; trying Playwright's download (npx playwright-core install chromium)");
  const result = spawnSync('npx', ['--no-install', 'playwright-core', 'install', 'chromium'], {
    stdio: 'inherit',
    timeout: 5 * 60_000,
  });
  return result.status === 0 ? playwrightExecutable() : undefined;
}

const canApt = () =>
  process.platform === 'linux' &&
  typeof process.getuid === 'function' &&
  process.getuid() === 0 &&
  spawnSync('which', ['apt-get']).status === 0;

/** Installs Debian packages as root; false where apt is not available or the install fails. */
function aptInstall(packages) {
  if (!canApt()) return false;
  log(`installing Debian's ${packages.join(' and ')} with apt-get (running as root)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
      stdio: 'inherit',
      env,
    });
    return true;
  } catch (error) {
    log(`apt-get failed: ${error.message}`);
    return false;
  }
}

/** The browser and its headless shell together, so the tests find the shell too. */
function tryAptInstall() {
  aptInstall(['chromium', 'chromium-headless-shell']);
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

/**
 * The browser for tests and benchmarks: Chromium's headless shell where there is one (installed
 * beside a Debian `chromium` when missing), else the full Chromium. The shell is the same Blink
 * without the browser's own UI and compositor work: a suite of page loads and screenshots costs it
 * less than half the CPU.
 */
export function ensureHeadlessShell() {
  if (process.env.CHROMIUM_PATH || process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH)
    return ensureChromium();
  if (!existsSync(SYSTEM_HEADLESS_SHELL) && existsSync('/usr/bin/chromium'))
    aptInstall(['chromium-headless-shell']);
  if (existsSync(SYSTEM_HEADLESS_SHELL)) {
    log(`using ${SYSTEM_HEADLESS_SHELL} (Debian's headless shell)`);
    return SYSTEM_HEADLESS_SHELL;
  }
  return ensureChromium();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(ensureChromium());
  console.log(ensureHeadlessShell());
}
