import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pLimit from 'p-limit';
import sharp from 'sharp';
import writeFileAtomic from 'write-file-atomic';
import { filesOf, MEDIA_DATA_FILE, MEDIA_DIR, mediaIndex, type MediaEntry } from './media-files';
import { formatBytes } from './format';
import { digest } from '../../lib/digest';

/**
 * Files the site makes from the media it owns with its own sharp code, for what
 * `astro:assets` cannot do: animated WebP chosen lossless or lossy per file, the still of one
 * given frame, crops from the wallpaper masters, and byte counts known while the markdown is
 * rendered (the wallpaper card states them). Each file is served at `/media/<name>` by
 * src/pages/media/, and cached on disk by name: names are content-addressed.
 */

const CACHE_DIR = resolve(process.cwd(), 'node_modules/.cache/milestones-media');
/** Bump when an encoder setting changes, so cached variants are made again. */
export const RECIPE_VERSION = 3;

/**
 * A digest of the data file's settings, the lock, the data file's own files and the encoding
 * recipe. The media plugins take it as an option, so it lands in Astro's config digest: pulling
 * media or replacing a file (say, with the real original) clears Astro's cache of rendered posts,
 * whose markup names files and states their sizes. Pulled files are named by the lock's hashes;
 * the data file's are read. Media files only; never source code.
 */
export function mediaFingerprint(
  entries: Iterable<MediaEntry> = mediaIndex().entries.values(),
): string {
  const hash = createHash('sha256').update(String(RECIPE_VERSION));
  const { lock } = mediaIndex();
  hash.update(JSON.stringify(lock));
  for (const entry of entries) {
    hash.update(JSON.stringify(entry));
    if (!entry.settings.file) continue;
    for (const file of filesOf(entry)) {
      try {
        hash.update(readFileSync(join(MEDIA_DIR, file)));
      } catch {
        hash.update(`missing ${file}`);
      }
    }
  }
  return hash.digest('hex').slice(0, 16);
}

export interface Variant {
  /** File name under `/media/`, unique and content-addressed. */
  name: string;
  contentType: string;
  width: number;
  height: number;
  /** Makes the bytes; called at most once per name and build, and not at all when cached on disk. */
  encode(): Promise<Buffer>;
}

export interface SourceInfo {
  file: string;
  path: string;
  bytes: number;
  /** Of the bytes and the recipe version. */
  hash: string;
  width: number;
  /** Of one frame. */
  height: number;
  frames: number;
  /** Delay of each frame in ms (empty for a still). */
  delays: number[];
  /** Total duration of one loop in ms (0 for a still). */
  durationMs: number;
  /** 0 loops forever. */
  loop: number;
}

const sources = new Map<string, Promise<SourceInfo>>();

/** Reads a media file once; a missing or unreadable file names its entry. */
export function sourceInfo(file: string, entry: Pick<MediaEntry, 'remote'>): Promise<SourceInfo> {
  let info = sources.get(file);
  if (!info) {
    info = (async () => {
      const path = join(MEDIA_DIR, file);
      const data = await readFile(path).catch(() => {
        throw new Error(
          `${MEDIA_DATA_FILE}: file "${file}" for ${entry.remote} does not exist in src/assets/media/ (run npm run media:pull, or fix the entry)`,
        );
      });
      const meta = await sharp(data, { animated: true })
        .metadata()
        .catch((error: Error) => {
          throw new Error(
            `${MEDIA_DATA_FILE}: file "${file}" for ${entry.remote} is not an image sharp can read (${error.message})`,
          );
        });
      const frames = meta.pages ?? 1;
      const delays = frames > 1 ? (meta.delay ?? []) : [];
      return {
        file,
        path,
        bytes: data.byteLength,
        hash: digest(createHash('sha256').update(data).digest('hex'), RECIPE_VERSION),
        width: meta.width,
        height: meta.pageHeight ?? meta.height,
        frames,
        delays,
        durationMs: delays.reduce((sum, d) => sum + d, 0),
        loop: meta.loop ?? 1,
      };
    })();
    sources.set(file, info);
  }
  return info;
}

const rendered = new Map<string, Promise<Buffer>>();

/**
 * Encodes running at once. Each sharp job holds one of libuv's four threads, which file reads
 * share too: more encodes at once leave the other posts' markdown waiting on file reads. Two keep
 * two cores busy (sharp runs a job on one thread) and reads flowing.
 */
const limited = pLimit(2);

/**
 * The bytes of a variant. Cached on disk, so the markdown pipeline (which states file sizes)
 * and the `/media/` endpoint (which writes the files) serve the very same bytes.
 */
export function renderVariant(variant: Variant): Promise<Buffer> {
  let result = rendered.get(variant.name);
  if (!result) {
    result = (async () => {
      const cached = join(CACHE_DIR, variant.name);
      const hit = await readFile(cached).catch(() => undefined);
      if (hit) return hit;
      const data = await limited(() => variant.encode());
      await mkdir(CACHE_DIR, { recursive: true });
      // Another build may read the cache at once: it sees the whole file or none. A file lost in a
      // crash is only made again, so there is no waiting for the disk (fsync).
      await writeFileAtomic(cached, data, { fsync: false });
      return data;
    })();
    rendered.set(variant.name, result);
  }
  return result;
}

/** `1.9 MB`-style size of a variant, for labels. */
export async function variantSize(variant: Variant): Promise<{ bytes: number; text: string }> {
  const bytes = (await renderVariant(variant)).byteLength;
  return { bytes, text: formatBytes(bytes) };
}

/** The MIME type of an image file by its extension. */
export function imageType(file: string): string {
  const ext = file.split('.').pop()!.toLowerCase();
  return ext === 'jpg' || ext === 'jpeg' ? 'image/jpeg' : `image/${ext}`;
}

/** The file as it is, served under `/media/` (the full-size view of a picture). */
export async function originalVariant(entry: MediaEntry): Promise<Variant> {
  const info = await sourceInfo(entry.file, entry);
  const ext = entry.file.split('.').pop()!.toLowerCase().replace('jpeg', 'jpg');
  return {
    name: `${entry.slug}.${info.hash}.${ext}`,
    contentType: imageType(entry.file),
    width: info.width,
    height: info.height,
    encode: () => readFile(info.path),
  };
}
