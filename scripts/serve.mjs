// Serves a built site the way its production host would: static files, compressed, the 404 page
// with status 404, and the response headers from `dist/_headers` (the file Netlify and Cloudflare
// Pages read), so the security policy is exercised for real and transfer sizes are the ones
// readers pay. Used by `npm run preview`, the tests, the audit and the benchmarks.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import compression from 'compression';
import sirv from 'sirv';
import { normaliseBase } from '../src/lib/paths.ts';
import { headersFor, parseHeadersFile } from '../src/features/security/headers-file.ts';

export { headersFor, parseHeadersFile };

/** Files in dist/ that configure the host and are never served (Netlify and Cloudflare Pages hide them too). */
const HOST_FILES = new Set(['/_headers', '/_redirects']);

/** @param {string} path */
function safeDecode(path) {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
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
  const server = createServer((req, res) =>
    compress(req, res, () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      for (const [name, value] of Object.entries(headersFor(rules, path)))
        res.setHeader(name, value);
      const notFound = () => {
        const page = headersFor(rules, `${prefix}404.html`);
        for (const [name, value] of Object.entries(page)) res.setHeader(name, value);
        res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(notFoundPage);
      };
      const query = (req.url ?? '').slice(path.length);
      // A page asked for without its trailing slash moves to its address, as on the hosts.
      if (`${path}/` === prefix) return res.writeHead(301, { Location: `${prefix}${query}` }).end();
      if (!path.startsWith(prefix)) return notFound();
      const sitePath = safeDecode(path.slice(prefix.length - 1));
      const file = join(dir, sitePath);
      if (HOST_FILES.has(sitePath) || !file.startsWith(join(dir, '/'))) return notFound();
      if (!sitePath.endsWith('/') && existsSync(join(file, 'index.html')))
        return res.writeHead(301, { Location: `${path}/${query}` }).end();
      req.url = (req.url ?? '/').slice(prefix.length - 1) || '/';
      files(req, res, notFound);
    }),
  );
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
  const { url } = await serveSite(join(process.cwd(), 'dist'), {
    port,
    base: process.env.BASE_PATH ?? '/',
  });
  console.log(`Serving dist/ with production headers at ${url}`);
}
