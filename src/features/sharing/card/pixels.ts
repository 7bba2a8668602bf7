import { createHash } from 'node:crypto';
import type { JpegOptions } from 'sharp';
import {
  BRAND,
  CARD_HEIGHT,
  CARD_MAX_BYTES,
  CARD_WIDTH,
  type Box,
  type Size,
} from './card-layout.ts';
import { loadSharp } from './engines.ts';

// Pixels: covers are decoded once into raw RGB and pasted into the card's raster.

/**
 * mozjpeg's quantisation table and overshoot deringing (crisp white text), as a baseline JPEG:
 * the very pixels of `mozjpeg: true` without its slow searches and progressive scans, which save
 * few bytes for much more encoding time; the cards stay far under CARD_MAX_BYTES.
 */
export const JPEG: JpegOptions = { quality: 80, quantisationTable: 3, overshootDeringing: true };

/**
 * When a busy cover pushes a card over CARD_MAX_BYTES, these qualities are tried in turn (a
 * photo needs at most the first; a cover of pure noise shown alone needs the last).
 */
const FALLBACK_QUALITIES = [72, 64, 56, 48, 40, 32, 24];
const CHANNELS = 3;

/** A raw RGB image (no alpha). */
export interface Raster extends Size {
  pixels: Buffer;
}

/** A card's pixels for sharp: a raw RGB raster, or an SVG that sharp rasterises in the same pipeline. */
type CardSource = Raster | { svg: Buffer };

export async function encodeJpeg(card: CardSource, what: string): Promise<Buffer> {
  const sharp = await loadSharp();
  const source = () =>
    'svg' in card
      ? sharp(card.svg).removeAlpha()
      : sharp(card.pixels, { raw: { width: card.width, height: card.height, channels: CHANNELS } });
  let data = await source().jpeg(JPEG).toBuffer();
  for (const quality of FALLBACK_QUALITIES) {
    if (data.length <= CARD_MAX_BYTES) break;
    data = await source()
      .jpeg({ ...JPEG, quality })
      .toBuffer();
  }
  if (data.length > CARD_MAX_BYTES) {
    throw new Error(
      `render-card: the card for "${what}" is ${data.length} bytes even at quality ${FALLBACK_QUALITIES.at(-1)}; the limit is ${CARD_MAX_BYTES}`,
    );
  }
  return data;
}

/** The cover's pixel size, after its EXIF orientation. */
export async function coverSizeOf(cover: Buffer): Promise<Size> {
  const sharp = await loadSharp();
  const meta = await sharp(cover).metadata();
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) throw new Error('render-card: cannot read the size of the cover image');
  return { width, height };
}

/** A few recent covers, decoded and resized: re-rendering a post (new title, dev server) reuses them. */
const decodedCovers = new Map<string, Raster>();

/** The cover resized to `size` (it already has that aspect ratio), on the brand background if transparent. */
export async function decodeCover(cover: Buffer, size: Size): Promise<Raster> {
  const key = `${createHash('sha256').update(cover).digest('hex')} ${size.width}x${size.height}`;
  let raster = decodedCovers.get(key);
  if (!raster) {
    const sharp = await loadSharp();
    const pixels = await sharp(cover, { animated: false })
      .rotate()
      .resize(size.width, size.height, { fit: 'fill' })
      .flatten({ background: BRAND.background })
      .removeAlpha()
      .raw()
      .toBuffer();
    raster = { ...size, pixels };
    if (decodedCovers.size >= 4) decodedCovers.delete(decodedCovers.keys().next().value as string);
    decodedCovers.set(key, raster);
  }
  return raster;
}

/**
 * Copies the cover into the card at `box`, with rounded corners: corner pixels are blended with
 * what is underneath by how much of them the rounded shape covers (anti-aliasing).
 */
export function pasteCover(card: Raster, cover: Raster, box: Box, radius: number): void {
  const rowBytes = cover.width * CHANNELS;
  const r = Math.min(radius, Math.floor(cover.width / 2), Math.floor(cover.height / 2));
  for (let y = 0; y < cover.height; y++) {
    const target = ((box.y + y) * card.width + box.x) * CHANNELS;
    const source = y * rowBytes;
    if (y >= r && y < cover.height - r) {
      cover.pixels.copy(card.pixels, target, source, source + rowBytes);
      continue;
    }
    cover.pixels.copy(
      card.pixels,
      target + r * CHANNELS,
      source + r * CHANNELS,
      source + rowBytes - r * CHANNELS,
    );
    const centreY = y < r ? r : cover.height - r;
    for (let x = 0; x < cover.width; x = x === r - 1 ? cover.width - r : x + 1) {
      const centreX = x < r ? r : cover.width - r;
      const coverage = Math.min(
        1,
        Math.max(0, r - Math.hypot(x + 0.5 - centreX, y + 0.5 - centreY) + 0.5),
      );
      for (let channel = 0; channel < CHANNELS; channel++) {
        const at = target + x * CHANNELS + channel;
        card.pixels[at] = Math.round(
          (cover.pixels[source + x * CHANNELS + channel] ?? 0) * coverage +
            (card.pixels[at] ?? 0) * (1 - coverage),
        );
      }
    }
  }
}

function hexRgb(hex: string): [number, number, number] {
  const value = parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** The average colour of the cover's outermost column or row. */
function edgeColour(
  cover: Raster,
  edge: 'left' | 'right' | 'top' | 'bottom',
): [number, number, number] {
  const sum = [0, 0, 0];
  const vertical = edge === 'left' || edge === 'right';
  const count = vertical ? cover.height : cover.width;
  for (let i = 0; i < count; i++) {
    const x = edge === 'left' ? 0 : edge === 'right' ? cover.width - 1 : i;
    const y = edge === 'top' ? 0 : edge === 'bottom' ? cover.height - 1 : i;
    for (let channel = 0; channel < CHANNELS; channel++)
      sum[channel] =
        (sum[channel] ?? 0) + (cover.pixels[(y * cover.width + x) * CHANNELS + channel] ?? 0);
  }
  return [0, 1, 2].map((channel) => Math.round((sum[channel] ?? 0) / count)) as [
    number,
    number,
    number,
  ];
}

/**
 * A cover that carries the title, whole and centred. The bars beside (or above and below) it
 * fade from the brand background at the card's edge to the colour of the cover's own edge, so
 * the cover sits on the brand background without a hard seam. No SVG is involved.
 */
export function coverOnlyCard(cover: Raster, box: Box): Raster {
  const card: Raster = {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    pixels: Buffer.alloc(CARD_WIDTH * CARD_HEIGHT * CHANNELS),
  };
  const brand = hexRgb(BRAND.background);
  const mix = (from: number[], to: number[], t: number) =>
    from.map((value, channel) => Math.round(value + ((to[channel] ?? 0) - value) * t));
  // One row pattern (left and right bars), or one colour per row (top and bottom bars).
  const left = edgeColour(cover, 'left');
  const right = edgeColour(cover, 'right');
  const top = edgeColour(cover, 'top');
  const bottom = edgeColour(cover, 'bottom');
  const row = Buffer.alloc(CARD_WIDTH * CHANNELS);
  for (let x = 0; x < CARD_WIDTH; x++) {
    const colour =
      x < box.x
        ? mix(brand, left, x / box.x)
        : x >= box.x + box.width
          ? mix(right, brand, (x - box.x - box.width + 1) / (CARD_WIDTH - box.x - box.width))
          : brand;
    row.set(colour, x * CHANNELS);
  }
  for (let y = 0; y < CARD_HEIGHT; y++) {
    if (y < box.y)
      card.pixels.fill(
        Buffer.from(mix(brand, top, y / box.y)),
        y * CARD_WIDTH * CHANNELS,
        (y + 1) * CARD_WIDTH * CHANNELS,
      );
    else if (y >= box.y + box.height) {
      const t = (y - box.y - box.height + 1) / (CARD_HEIGHT - box.y - box.height);
      card.pixels.fill(
        Buffer.from(mix(bottom, brand, t)),
        y * CARD_WIDTH * CHANNELS,
        (y + 1) * CARD_WIDTH * CHANNELS,
      );
    } else row.copy(card.pixels, y * CARD_WIDTH * CHANNELS);
  }
  pasteCover(card, cover, box, 0);
  return card;
}
