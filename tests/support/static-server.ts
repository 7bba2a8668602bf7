import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves a built site from `dir` on 127.0.0.1 (a free port), the way a static host would, 404 page included. */
export async function serveStatic(dir: string): Promise<RunningServer> {
  const handler = sirv(dir, { dev: false, etag: true });
  const notFoundPage = await readFile(join(dir, '404.html')).catch(() => Buffer.from('Not found'));
  const server: Server = createServer((req, res) => {
    handler(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(notFoundPage);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
