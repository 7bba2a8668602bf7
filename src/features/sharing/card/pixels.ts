import { createHash } from 'node:crypto';
import type { JpegOptions, Sharp } from 'sharp';
import {
  BRAND,
  CARD_HEIGHT,
  CARD_MAX_BYTES,
  CARD_WIDTH,
  COVER_RADIUS,
  type Box,
  type Size,
} from './card-layout.ts';
import { loadSharp } from './engines.ts';

// Pixels, all by sharp: the cover is rounded with a mask and composited onto the rasterised card.

/**
 * mozjpeg's quantisation table and overshoot deringing (crisp white text), as a baseline JPEG:
 * the very pixels of `mozjpeg: true` without its slow searches and progressive scans, which save
 * few bytes for much more encoding time; the cards stay far under CARD_MAX_BYTES.
 */
export const JPEG: JpegOptions = { quality: 80, quantisationTable: 3, overshootDeringing: true };

/** Tried in turn when a busy cover pushes a card over CARD_MAX_BYTES. */
const FALLBACK_QUALITIES = [72, 64, 56, 48, 40, 32, 24];

/** A decoded image placed on the card: raw RGBA pixels at `box`. */
export interface Placed {
  pixels: Buffer;
  box: Box;
}

/** A busy cover may need several encodings; each runs the pipeline again (rare). */
async function encodeJpeg(source: () => Sharp, what: string): Promise<Buffer> {
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

/** The card as a JPEG: `svg` rasterised, with `cover` (if any) composited onto it. */
export async function cardJpeg(svg: Buffer, cover: Placed | undefined, what: string) {
  const sharp = await loadSharp();
  if (!cover) return encodeJpeg(() => sharp(svg).removeAlpha(), what);
  const { box } = cover;
  const raw = { width: box.width, height: box.height, channels: 4 as const };
  return encodeJpeg(
    () => sharp(svg).composite([{ input: cover.pixels, raw, left: box.x, top: box.y }]),
    what,
  );
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
const decodedCovers = new Map<string, Promise<Buffer>>();

/**
 * The cover resized to `box` (it already has that aspect ratio) as raw RGBA, on the brand
 * background if transparent, its corners cut round by a mask (sharp anti-aliases the edge).
 */
export async function decodeCover(cover: Buffer, box: Box, radius = COVER_RADIUS): Promise<Placed> {
  const { width, height } = box;
  const key = `${createHash('sha256').update(cover).digest('hex')} ${width}x${height} ${radius}`;
  let pixels = decodedCovers.get(key);
  if (!pixels) {
    const mask = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" rx="${radius}"/></svg>`;
    pixels = loadSharp().then((sharp) =>
      sharp(cover, { animated: false })
        .rotate()
        .resize(width, height, { fit: 'fill' })
        .flatten({ background: BRAND.background })
        .composite(radius ? [{ input: Buffer.from(mask), blend: 'dest-in' }] : [])
        .ensureAlpha()
        .raw()
        .toBuffer(),
    );
    pixels.catch(() => decodedCovers.delete(key));
    if (decodedCovers.size >= 4) decodedCovers.delete(decodedCovers.keys().next().value as string);
    decodedCovers.set(key, pixels);
  }
  return pixels.then((data) => ({ pixels: data, box }));
}

/**
 * A cover that carries the title, whole and centred. The bars beside (or above and below) it
 * fade from the brand background at the card's edge to the colour of the cover's own edge, so
 * the cover sits on the brand background without a hard seam.
 */
export async function coverOnlyJpeg(cover: Buffer, box: Box, what: string): Promise<Buffer> {
  const sharp = await loadSharp();
  const placed = await decodeCover(cover, box, 0);
  const raw = { width: box.width, height: box.height, channels: 4 as const };
  // The average colour of an edge row or column (sharp's stats() costs more than this sum).
  const edge = async (strip: Box) => {
    const pixels = await sharp(placed.pixels, { raw })
      .extract({ left: strip.x, top: strip.y, width: strip.width, height: strip.height })
      .raw()
      .toBuffer();
    const count = pixels.length / 4;
    const mean = (channel: number) =>
      Math.round(
        pixels.reduce((sum, value, i) => (i % 4 === channel ? sum + value : sum), 0) / count,
      );
    return `rgb(${mean(0)},${mean(1)},${mean(2)})`;
  };
  // A bar from the brand background at the card's edge to the cover's edge colour.
  const bar = async (at: Box, strip: Box, [x1, y1, x2, y2]: number[]) => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${at.width}" height="${at.height}"><linearGradient id="g" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"><stop stop-color="${BRAND.background}"/><stop offset="1" stop-color="${await edge(strip)}"/></linearGradient><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
    return { input: Buffer.from(svg), left: at.x, top: at.y };
  };
  const column = (x: number): Box => ({ x, y: 0, width: 1, height: box.height });
  const row = (y: number): Box => ({ x: 0, y, width: box.width, height: 1 });
  const right = CARD_WIDTH - box.x - box.width;
  const bottom = CARD_HEIGHT - box.y - box.height;
  const bars = await Promise.all([
    box.x && bar({ x: 0, y: 0, width: box.x, height: CARD_HEIGHT }, column(0), [0, 0, 1, 0]),
    right &&
      bar(
        { x: CARD_WIDTH - right, y: 0, width: right, height: CARD_HEIGHT },
        column(box.width - 1),
        [1, 0, 0, 0],
      ),
    box.y && bar({ x: 0, y: 0, width: CARD_WIDTH, height: box.y }, row(0), [0, 0, 0, 1]),
    bottom &&
      bar(
        { x: 0, y: CARD_HEIGHT - bottom, width: CARD_WIDTH, height: bottom },
        row(box.height - 1),
        [0, 1, 0, 0],
      ),
  ]);
  const card = () =>
    sharp(placed.pixels, { raw })
      .removeAlpha()
      .extend({ left: box.x, right, top: box.y, bottom, background: BRAND.background })
      .composite(bars.filter((entry) => entry !== 0));
  return encodeJpeg(card, what);
}
