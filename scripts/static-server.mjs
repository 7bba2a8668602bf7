// Serves a built site on 127.0.0.1, the way a static host would: the tests, the audit and the bench use it.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import sirv from 'sirv';

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|rss\+xml|manifest\+json)|image\/svg\+xml)/;

/**
 * @typedef {{ url: string, close(): Promise<void> }} RunningServer
 * @typedef {{ compress?: boolean }} ServeOptions
 */

/**
 * Gzips compressible responses on the fly when the client accepts it, as every production static
 * host does, so transfer sizes measured against this server are the ones readers pay.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
function gzipResponse(req, res) {
  if (!/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return;
  const writeHead = res.writeHead.bind(res);
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  /** @type {import('node:zlib').Gzip | undefined} */
  let gzip;
  // @ts-expect-error -- overloads of writeHead are forwarded unchanged
  res.writeHead = (status, ...rest) => {
    const headers = /** @type {Record<string, unknown>} */ (rest.find((arg) => typeof arg === 'object') ?? {});
    const type = String(headers['Content-Type'] ?? headers['content-type'] ?? res.getHeader('content-type') ?? '');
    if (status === 200 || status === 404) {
      if (COMPRESSIBLE.test(type)) {
        for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-length') delete headers[key];
        res.removeHeader('content-length');
        res.setHeader('Content-Encoding', 'gzip');
        res.setHeader('Vary', 'Accept-Encoding');
        gzip = createGzip({ level: 9 });
        gzip.on('data', (chunk) => write(chunk));
        gzip.on('end', () => end());
      }
    }
    return writeHead(status, ...rest);
  };
  // @ts-expect-error -- same signature as the original
  res.write = (chunk, ...rest) => (gzip ? gzip.write(chunk) : write(chunk, ...rest));
  // @ts-expect-error -- same signature as the original
  res.end = (chunk, ...rest) => {
    if (!gzip) return end(chunk, ...rest);
    if (chunk && typeof chunk !== 'function') gzip.end(chunk);
    else gzip.end();
    return res;
  };
}

/**
 * Serves a built site from `dir` on 127.0.0.1 (a free port), 404 page included.
 * @param {string} dir
 * @param {ServeOptions} [options]
 * @returns {Promise<RunningServer>}
 */
export async function serveStatic(dir, options = {}) {
  const handler = sirv(dir, { dev: false, etag: true });
  const notFoundPage = await readFile(join(dir, '404.html')).catch(() => Buffer.from('Not found'));
  const server = createServer((req, res) => {
    if (options.compress) gzipResponse(req, res);
    handler(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(notFoundPage);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
