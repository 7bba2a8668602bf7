import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import pLimit from 'p-limit';
import sharp from 'sharp';
import writeFileAtomic from 'write-file-atomic';
import type { LockEntry, MediaLock } from '../media/media-lock';
import { folderPath, insideStore, STORED_TYPES, storePath } from './store-path';

/** How `pullMedia` fetches; every number has a default a blog's media fit in. */
export interface PullOptions {
  /** The media folder (`src/assets/media/`): the store is its `pulled/`, lock paths are relative to it. */
  mediaDir: string;
  /** The lock as it is (nothing is pulled again whose file still has its hash). */
  lock: MediaLock;
  /** Take files from `DIR/<host>/<path>` instead of the network. */
  from?: string;
  /** Downloads at once. */
  concurrency?: number;
  /** Per attempt, connection to last byte. */
  timeoutMs?: number;
  /** Further attempts after a network error, a timeout, a 5xx, 408 or 429. */
  retries?: number;
  /** The first retry waits this long, each next one twice as long. */
  backoffMs?: number;
  /** Larger files are refused. */
  maxBytes?: number;
  /** Called as each URL finishes. */
  onProgress?: (done: number, total: number, result: PullResult) => void;
}

export interface PullResult {
  url: string;
  status: 'pulled' | 'unchanged' | 'failed';
  error?: string;
  entry?: LockEntry;
}

export const PULL_DEFAULTS = {
  concurrency: 4,
  timeoutMs: 30_000,
  retries: 3,
  backoffMs: 500,
  maxBytes: 40 * 1024 * 1024,
};

/** Failures worth another attempt; the others (a 404, a refused type) will not change. */
class Transient extends Error {}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function readLimited(response: Response, maxBytes: number, url: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes)
    throw new Error(`${url}: ${mb(declared)} is over the ${mb(maxBytes)} limit`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body ?? []) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new Error(`${url}: over the ${mb(maxBytes)} limit`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function download(url: string, options: Required<Omit<PullOptions, 'from' | 'onProgress'>>) {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url, {
        redirect: 'follow',
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: { accept: 'image/*' },
      }).catch((error: Error) => {
        throw new Transient(
          `${url}: ${error.name === 'TimeoutError' ? 'timed out' : error.message}`,
        );
      });
      if (!response.ok) {
        const message = `${url}: HTTP ${response.status}`;
        await response.body?.cancel();
        if (response.status >= 500 || response.status === 408 || response.status === 429)
          throw new Transient(message);
        throw new Error(message);
      }
      return await readLimited(response, options.maxBytes, url).catch((error: Error) => {
        if (error.name === 'TimeoutError' || error.name === 'AbortError')
          throw new Transient(`${url}: timed out`);
        throw error;
      });
    } catch (error) {
      if (!(error instanceof Transient) || attempt >= options.retries) throw error;
      await new Promise((wait) => setTimeout(wait, options.backoffMs * 2 ** attempt));
    }
  }
}

async function fromFolder(dir: string, url: string, maxBytes: number): Promise<Buffer> {
  const path = folderPath(dir, url);
  if (!path) throw new Error(`${url}: its path leads outside ${dir}`);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new Error(`${url}: no file ${path}`);
  if (info.size > maxBytes)
    throw new Error(`${url}: ${mb(info.size)} is over the ${mb(maxBytes)} limit`);
  return readFile(path);
}

/** What the bytes are, read from the bytes: a picture the store takes, its pixel size and frames. */
export async function describeMedia(data: Buffer, url: string) {
  const detected = await fileTypeFromBuffer(data);
  const type = detected?.mime === 'image/apng' ? 'image/png' : detected?.mime;
  if (!type || !STORED_TYPES[type]) {
    const head = data.subarray(0, 64).toString('utf8').trimStart().toLowerCase();
    const what = head.startsWith('<') ? 'an HTML or XML page' : (detected?.mime ?? 'not a picture');
    throw new Error(`${url}: the bytes are ${what}, not a PNG, JPEG, GIF, WebP or AVIF picture`);
  }
  const meta = await sharp(data, { animated: true })
    .metadata()
    .catch((error: Error) => {
      throw new Error(`${url}: a ${type} that cannot be read (${error.message})`, { cause: error });
    });
  return {
    type,
    width: meta.width,
    height: meta.pageHeight ?? meta.height,
    frames: meta.pages ?? 1,
  };
}

/** A reader (a build) sees the whole file or none. */
async function writeAtomically(path: string, data: Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, data);
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Whether the lock's file for a URL is in the store with the hash on record. */
async function stillStored(mediaDir: string, entry: LockEntry | undefined): Promise<boolean> {
  if (!entry || !insideStore(join(mediaDir, 'pulled'), entry.file.replace(/^pulled\//, '')))
    return false;
  const data = await readFile(join(mediaDir, entry.file)).catch(() => undefined);
  return data !== undefined && sha256(data) === entry.sha256;
}

/**
 * Brings each URL's file into the store (`mediaDir/pulled/<host>/<path>`) and returns the lock
 * with every success recorded. A URL whose stored file still has the lock's hash is not fetched.
 * Each failure is reported and leaves the others, and what the lock had, as they were.
 */
export async function pullMedia(
  urls: string[],
  options: PullOptions,
): Promise<{ lock: MediaLock; results: PullResult[] }> {
  const given = Object.entries(options).filter(([, value]) => value !== undefined);
  const settings = { ...PULL_DEFAULTS, ...(Object.fromEntries(given) as PullOptions) };
  const store = join(settings.mediaDir, 'pulled');
  const files = { ...options.lock.files };
  const limit = pLimit(settings.concurrency);
  let done = 0;
  const results = await Promise.all(
    urls.map((url) =>
      limit(async (): Promise<PullResult> => {
        let result: PullResult;
        try {
          if (await stillStored(settings.mediaDir, files[url])) {
            result = { url, status: 'unchanged', entry: files[url] };
          } else {
            const data = options.from
              ? await fromFolder(options.from, url, settings.maxBytes)
              : await download(url, settings);
            const described = await describeMedia(data, url);
            const query = new URL(url).search;
            const hash = sha256(data);
            let file = storePath(
              url,
              described.type,
              query ? sha256(Buffer.from(query)).slice(0, 8) : undefined,
            );
            // Two URLs whose paths read alike (`a b.png`, `a_b.png`) keep two files.
            if (
              Object.entries(files).some(
                ([u, e]) => u !== url && e.file === file && e.sha256 !== hash,
              )
            )
              file = file.replace(/(\.\w+)$/, `-${sha256(Buffer.from(url)).slice(0, 8)}$1`);
            if (!insideStore(store, file.replace(/^pulled\//, '')))
              throw new Error(`${url}: refused to write outside the store (${file})`);
            const target = join(settings.mediaDir, file);
            const existing = await readFile(target).catch(() => undefined);
            if (!existing || sha256(existing) !== hash) await writeAtomically(target, data);
            const entry: LockEntry = { file, sha256: hash, bytes: data.byteLength, ...described };
            files[url] = entry;
            result = { url, status: 'pulled', entry };
          }
        } catch (error) {
          result = { url, status: 'failed', error: (error as Error).message };
        }
        options.onProgress?.(++done, urls.length, result);
        return result;
      }),
    ),
  );
  return { lock: { version: 1, files }, results };
}
