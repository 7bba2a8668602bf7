import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { MEDIA_DATA_FILE, type MediaEntry } from '../media/media-files';
import { digest } from '../../lib/digest';
import { imageType, sourceInfo, type SourceInfo, type Variant } from '../media/variants';

/** The files served for one composition of an animation (the wide original, or its phone version). */
export interface Composition {
  file: string;
  width: number;
  height: number;
  frames: number;
  /** Index of the frame the still shows. */
  stillFrame: number;
  /** Animated WebP with every frame, the source's timing and loop count. */
  moving: Variant;
  /** One frame, the message frame, as lossless WebP (its pixels are the source frame's). */
  still: Variant;
  /** The source file as it is (a GIF: the fallback for browsers without animated WebP). */
  original: Variant;
}

export interface AnimationFiles {
  entry: MediaEntry;
  wide: Composition;
  phone?: Composition;
  /** WCAG 2.2.2: the animation loops or runs longer than five seconds. */
  pauseControl: boolean;
}

/** WCAG 2.2.2: moving content that loops, or runs longer than five seconds, needs a pause control. */
export function needsPauseControl(
  info: Pick<SourceInfo, 'frames' | 'durationMs' | 'loop'>,
): boolean {
  return info.frames > 1 && (info.loop !== 1 || info.durationMs > 5000);
}

/**
 * The frame that carries the message: `stillFrame` from the data file (negative counts from the
 * end), by default the last frame. Out of range is a data file error.
 */
export function stillFrameIndex(
  frames: number,
  stillFrame: number | undefined,
  where: string,
): number {
  const wanted = stillFrame ?? -1;
  const index = wanted < 0 ? frames + wanted : wanted;
  if (!Number.isInteger(wanted) || index < 0 || index >= frames) {
    throw new Error(
      `${MEDIA_DATA_FILE}: stillFrame ${wanted} for ${where} is not a frame of its ${frames}`,
    );
  }
  return index;
}

const ANIMATED = ['gif', 'webp', 'png'];

async function composition(entry: MediaEntry, file: string, slug: string): Promise<Composition> {
  const ext = file.split('.').pop()!.toLowerCase();
  if (!ANIMATED.includes(ext)) {
    throw new Error(
      `${MEDIA_DATA_FILE}: animation "${file}" must be a GIF, WebP or PNG (APNG) file`,
    );
  }
  const info = await sourceInfo(file, entry);
  const stillFrame = stillFrameIndex(info.frames, entry.settings.stillFrame, `"${file}"`);
  const size = { width: info.width, height: info.height };
  return {
    file,
    ...size,
    frames: info.frames,
    stillFrame,
    moving: {
      ...size,
      name: `${slug}.${info.hash}.webp`,
      contentType: 'image/webp',
      // Every frame, timing and loop count kept (sharp's `animated`). Flat drawings compress best
      // losslessly, film-like footage lossily: keep the smaller. Effort 4: higher efforts take far
      // longer for a few bytes.
      encode: async () => {
        const [lossless, lossy] = await Promise.all([
          sharp(info.path, { animated: true })
            .webp({ lossless: true, minSize: true, effort: 4 })
            .toBuffer(),
          sharp(info.path, { animated: true })
            .webp({ quality: 75, effort: 4, smartSubsample: true, minSize: true })
            .toBuffer(),
        ]);
        return lossless.byteLength <= lossy.byteLength ? lossless : lossy;
      },
    },
    still: {
      ...size,
      name: `${slug}-still.${digest(info.hash, stillFrame)}.webp`,
      contentType: 'image/webp',
      // Lossless: the message frame exactly (and smaller than lossy for flat drawings).
      encode: () =>
        sharp(info.path, { page: stillFrame }).webp({ lossless: true, effort: 6 }).toBuffer(),
    },
    original: {
      ...size,
      name: `${slug}.${info.hash}.${ext}`,
      contentType: imageType(file),
      encode: () => readFile(info.path),
    },
  };
}

const cache = new Map<MediaEntry, Promise<AnimationFiles>>();

/** The files of an animation: its wide composition and, when the data file names one, its phone composition. */
export function animationFiles(entry: MediaEntry): Promise<AnimationFiles> {
  let files = cache.get(entry);
  if (!files) {
    files = (async () => {
      const wide = await composition(entry, entry.file, entry.slug);
      const phone = entry.phone
        ? await composition(entry, entry.phone, `${entry.slug}-phone`)
        : undefined;
      return {
        entry,
        wide,
        phone,
        pauseControl: needsPauseControl(await sourceInfo(entry.file, entry)),
      };
    })();
    cache.set(entry, files);
  }
  return files;
}

export function compositionVariants(files: AnimationFiles): Variant[] {
  return [files.wide, files.phone].flatMap((c) => (c ? [c.moving, c.still, c.original] : []));
}
