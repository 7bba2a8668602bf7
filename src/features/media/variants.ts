import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { MEDIA_DIR, mediaManifest, type MediaEntry } from './manifest';
import { formatBytes } from './format';

const CACHE_DIR = resolve(process.cwd(), 'node_modules/.cache/milestones-media');
/** Bump when an encoder setting changes, so cached variants are made again. */
const RECIPE_VERSION = 2;

/**
 * A digest of every manifest file and the encoding recipe. It is passed as an option of the
 * markdown plugin, so it lands in Astro's config digest: replacing a media file (say, with the
 * real original) clears Astro's cache of rendered posts, whose markup names files and sizes.
 */
export function mediaFingerprint(manifest: readonly MediaEntry[] = mediaManifest): string {
  const hash = createHash('sha256').update(String(RECIPE_VERSION));
  for (const entry of manifest) {
    hash.update(entry.remote).update(entry.file).update(entry.role).update(entry.slug);
    try {
      hash.update(readFileSync(join(MEDIA_DIR, entry.file)));
    } catch {
      hash.update('missing');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

export type VariantKind = 'animated-webp' | 'still-webp' | 'original' | 'wallpaper-jpeg' | 'preview-webp';

export interface Variant {
  /** File name under `/media/`, unique and content-addressed. */
  name: string;
  kind: VariantKind;
  entry: MediaEntry;
  contentType: string;
  width: number;
  height: number;
  /** Short human name of a wallpaper size ("4K UHD"). */
  label?: string;
  /** The file name a download is saved under. */
  downloadName?: string;
}

/** The wallpaper sizes offered for download: desktop resolutions and a common phone portrait. */
export const WALLPAPER_SIZES = [
  { width: 3840, height: 2160, label: '4K UHD' },
  { width: 2560, height: 1440, label: 'QHD' },
  { width: 1920, height: 1080, label: 'Full HD' },
  { width: 1170, height: 2532, label: 'Phone portrait' },
] as const;

export interface SourceInfo {
  entry: MediaEntry;
  path: string;
  bytes: number;
  hash: string;
  width: number;
  height: number;
  frames: number;
  /** Total duration of one loop in ms (0 for a still). */
  durationMs: number;
  /** 0 loops forever. */
  loop: number;
}

const sources = new Map<string, Promise<SourceInfo>>();

/** Reads a manifest file once; a missing file names the manifest entry. */
export function sourceInfo(entry: MediaEntry): Promise<SourceInfo> {
  let info = sources.get(entry.file);
  if (!info) {
    info = (async () => {
      const path = join(MEDIA_DIR, entry.file);
      const data = await readFile(path).catch(() => {
        throw new Error(`src/features/media/manifest.ts: file "${entry.file}" for ${entry.remote} does not exist in src/assets/media/`);
      });
      const meta = await sharp(data, { animated: true }).metadata();
      const frames = meta.pages ?? 1;
      return {
        entry,
        path,
        bytes: data.byteLength,
        hash: createHash('sha256').update(data).update(String(RECIPE_VERSION)).digest('hex').slice(0, 10),
        width: meta.width,
        height: meta.pageHeight ?? meta.height,
        frames,
        durationMs: frames > 1 ? (meta.delay ?? []).reduce((sum, d) => sum + d, 0) : 0,
        loop: meta.loop ?? 1,
      };
    })();
    sources.set(entry.file, info);
  }
  return info;
}

/** WCAG 2.2.2: moving content that loops, or runs longer than five seconds, needs a pause control. */
export function needsPauseControl(info: Pick<SourceInfo, 'frames' | 'durationMs' | 'loop'>): boolean {
  return info.frames > 1 && (info.loop !== 1 || info.durationMs > 5000);
}

function extension(path: string): string {
  return path.split('.').pop()!.toLowerCase();
}

/** Every file the site serves for a manifest entry, named by content hash. */
export async function variantsOf(entry: MediaEntry): Promise<Variant[]> {
  const info = await sourceInfo(entry);
  const base = { entry, width: info.width, height: info.height };
  if (entry.role === 'animation') {
    const ext = extension(entry.file);
    if (!['gif', 'webp', 'png'].includes(ext)) {
      throw new Error(`src/features/media/manifest.ts: animation "${entry.file}" must be a GIF, WebP or PNG (APNG) file`);
    }
    return [
      { ...base, kind: 'animated-webp', name: `${entry.slug}.${info.hash}.webp`, contentType: 'image/webp' },
      { ...base, kind: 'still-webp', name: `${entry.slug}-still.${info.hash}.webp`, contentType: 'image/webp' },
      { ...base, kind: 'original', name: `${entry.slug}.${info.hash}.${ext}`, contentType: ext === 'gif' ? 'image/gif' : `image/${ext}` },
    ];
  }
  if (entry.role === 'wallpaper') {
    return [
      ...WALLPAPER_SIZES.map((size): Variant => ({
        entry,
        kind: 'wallpaper-jpeg',
        name: `${entry.slug}-${size.width}x${size.height}.${info.hash}.jpg`,
        downloadName: `${entry.slug}-${size.width}x${size.height}.jpg`,
        contentType: 'image/jpeg',
        width: size.width,
        height: size.height,
        label: size.label,
      })),
      { entry, kind: 'preview-webp', name: `${entry.slug}-preview.${info.hash}.webp`, contentType: 'image/webp', width: 640, height: 360 },
    ];
  }
  return [];
}

export async function allVariants(manifest: readonly MediaEntry[] = mediaManifest): Promise<Variant[]> {
  return (await Promise.all(manifest.map(variantsOf))).flat();
}

async function encode(variant: Variant): Promise<Buffer> {
  const { path } = await sourceInfo(variant.entry);
  switch (variant.kind) {
    case 'original':
      return readFile(path);
    case 'animated-webp': {
      // Every frame, with the source's timing and loop count (sharp keeps both with `animated`).
      // Flat drawings compress best losslessly, film-like footage lossily: keep the smaller.
      const [lossless, lossy] = await Promise.all([
        sharp(path, { animated: true }).webp({ lossless: true, minSize: true, effort: 6 }).toBuffer(),
        sharp(path, { animated: true }).webp({ quality: 75, effort: 6, smartSubsample: true }).toBuffer(),
      ]);
      return lossless.byteLength <= lossy.byteLength ? lossless : lossy;
    }
    case 'still-webp':
      return sharp(path, { pages: 1 }).webp({ quality: 82, effort: 6 }).toBuffer();
    case 'preview-webp':
      return sharp(path).resize(variant.width, variant.height, { fit: 'cover' }).webp({ quality: 70 }).toBuffer();
    case 'wallpaper-jpeg':
      return sharp(path)
        .resize(variant.width, variant.height, { fit: 'cover', position: 'centre' })
        .jpeg({ quality: 88, mozjpeg: true, chromaSubsampling: '4:4:4' })
        .toBuffer();
  }
}

const rendered = new Map<string, Promise<Buffer>>();

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
      const data = await encode(variant);
      await mkdir(CACHE_DIR, { recursive: true });
      const temp = `${cached}.${process.pid}.tmp`;
      await writeFile(temp, data);
      await rename(temp, cached);
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
