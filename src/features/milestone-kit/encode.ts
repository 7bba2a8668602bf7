// Frames to files: each SVG frame rasterised by sharp (librsvg; the text is already paths),
// then written as one animated WebP (sharp) and one GIF (gifenc) with the same frames and timing.
import { createRequire } from 'node:module';
import type { Gifenc } from 'gifenc';
import sharp from 'sharp';
import type { Frames } from './growth.ts';

// CommonJS without named exports Node's ESM loader can see: required, the same under Node and Vite.
const { applyPalette, GIFEncoder, quantize } = createRequire(import.meta.url)('gifenc') as Gifenc;

export interface Animation {
  webp: Buffer;
  gif: Buffer;
  frames: number;
}

/**
 * A GIF with one palette for every frame, taken from the first, middle and last frames (the
 * art's colours do not change as it moves, so no frame flickers into other colours), and each
 * frame after the first storing only the pixels that changed (the rest transparent, kept from
 * the frame before).
 */
function gif(rasters: Buffer[], width: number, height: number, delays: number[]): Buffer {
  const sample = [0, Math.floor(rasters.length / 2), rasters.length - 1].map((i) => rasters[i]!);
  const palette = quantize(Buffer.concat(sample), 255);
  const transparentIndex = palette.length;
  const encoder = GIFEncoder();
  let previous: Uint8Array | undefined;
  rasters.forEach((rgba, k) => {
    const index = applyPalette(rgba, palette);
    const changed = previous
      ? index.map((value, i) => (value === previous![i] ? transparentIndex : value))
      : index;
    encoder.writeFrame(changed, width, height, {
      palette: k === 0 ? [...palette, [0, 0, 0]] : undefined,
      delay: delays[k],
      repeat: 0,
      ...(previous ? { transparent: true, transparentIndex, dispose: 1 } : { dispose: 1 }),
    });
    previous = index;
  });
  encoder.finish();
  return Buffer.from(encoder.bytes());
}

export async function encodeAnimation({
  frames,
  delays,
  width,
  height,
}: Frames): Promise<Animation> {
  const rasters = await Promise.all(frames.map((f) => sharp(f).ensureAlpha().raw().toBuffer()));
  // Flat drawings: lossless WebP is exact and small; effort 2 is as small as 4 here, in less time.
  const webp = await sharp(Buffer.concat(rasters), {
    raw: { width, height: height * rasters.length, channels: 4, pageHeight: height },
  })
    .webp({ lossless: true, effort: 2, loop: 0, delay: delays })
    .toBuffer();
  return { webp, gif: gif(rasters, width, height, delays), frames: frames.length };
}
