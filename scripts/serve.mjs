// Serves a built site the way its production host would: static files, compressed, the 404 page
// with status 404, and the response headers from `dist/_headers` (the file Netlify and Cloudflare
// Pages read), so the security policy is exercised for real and transfer sizes are the ones
// readers pay. Used by `npm run preview`, the tests, the audit and the benchmarks.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import compression from 'compression';
import sirv from 'sirv';
import { normaliseBase } from '../src/lib/paths.ts';

/**
 * Parses the `_headers` format: an unindented path pattern (`*` wildcards), then indented
 * `Name: value` lines.
 * @param {string} text
 * @returns {{ pattern: string, headers: Record<string, string> }[]}
 */
export function parseHeadersFile(text) {
  /** @type {{ pattern: string, headers: Record<string, string> }[]} */
  const rules = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || colon < 0) throw new Error(`_headers: cannot read line "${line.trim()}"`);
    rule.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/** @param {string} pattern @param {string} path */
function matches(pattern, path) {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(path);
}

/**
 * Headers for a request path: every matching rule, later rules overriding earlier ones.
 * @param {{ pattern: string, headers: Record<string, string> }[]} rules
 * @param {string} path
 * @returns {Record<string, string>}
 */
export function headersFor(rules, path) {
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {}
  return Object.assign({}, ...rules.filter((r) => matches(r.pattern, decoded) || matches(r.pattern, path)).map((r) => r.headers));
}

/**
 * @param {string} dir the built site
 * @param {{ port?: number, host?: string, base?: string }} [options]
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function serveSite(dir, { port = 0, host = '127.0.0.1', base = '/' } = {}) {
  const rules = parseHeadersFile(await readFile(join(dir, '_headers'), 'utf8').catch(() => ''));
  const files = sirv(dir, { dev: false, etag: true });
  const compress = compression({ threshold: 0 });
  const notFoundPage = await readFile(join(dir, '404.html')).catch(() => Buffer.from('Not found'));
  const prefix = normaliseBase(base);
  const server = createServer((req, res) => compress(req, res, () => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    for (const [name, value] of Object.entries(headersFor(rules, path))) res.setHeader(name, value);
    const notFound = () => {
      const page = headersFor(rules, `${prefix}404.html`);
      for (const [name, value] of Object.entries(page)) res.setHeader(name, value);
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(notFoundPage);
    };
    if (!path.startsWith(prefix) && `${path}/` !== prefix) return notFound();
    req.url = (req.url ?? '/').slice(prefix.length - 1) || '/';
    files(req, res, notFound);
  }));
  await new Promise((resolve) => server.listen(port, host, () => resolve(undefined)));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = Number(process.env.PORT ?? 4321);
  const { url } = await serveSite(join(process.cwd(), 'dist'), { port, base: process.env.BASE_PATH ?? '/' });
  console.log(`Serving dist/ with production headers at ${url}`);
}
