// Text laid out by satori (wrapping, CJK line breaks, font fallback) and returned as SVG paths,
// so the art never depends on the machine's fonts.
import satori, { type Font } from 'satori';
import { fontFamily, type Weight } from './fonts.ts';
import { emblem, emblemText } from './shapes.ts';

export type Style = Record<string, string | number>;

export interface Element {
  type: string;
  props: {
    style?: Style;
    children?: Child | Child[];
    src?: string;
    width?: number;
    height?: number;
  };
}
type Child = Element | string | false | null | undefined;

/** A satori element (a `div` unless `type` says otherwise). */
export function h(style: Style, ...children: Child[]): Element {
  return { type: 'div', props: { style: { display: 'flex', ...style }, children } };
}

/** A run of text: size, weight, colour, and any extra style. */
export function words(
  value: string,
  size: number,
  weight: Weight,
  colour: string,
  extra: Style = {},
) {
  return h(
    { fontSize: size, fontWeight: weight, color: colour, lineHeight: 1.15, ...extra },
    value,
  );
}

/** The metric's emblem (a star for stars) as an image `size` px square. */
export function icon(metric: string, size: number, colour: string): Element {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">${emblem(metric, 50, 52, 48, colour)}</svg>`;
  return svgImage(svg, size, size);
}

/** An SVG document as an image element of the given size. */
export function svgImage(svg: string, width: number, height: number): Element {
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  return { type: 'img', props: { src, width, height, style: { width, height } } };
}

/** An SVG logo as an image `size` px high (at most three times as wide). */
export function logo(svg: string, size: number): Element {
  return svgImage(svg, Math.round(size * Math.min(aspectOf(svg), 3)), size);
}

/** Width over height from an SVG's viewBox (or width and height), 1 when it gives none. */
function aspectOf(svg: string): number {
  const box = /viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(svg);
  if (box) return Number(box[1]) / Number(box[2]) || 1;
  const w = /<svg[^>]*\swidth="([\d.]+)/.exec(svg)?.[1];
  const hh = /<svg[^>]*\sheight="([\d.]+)/.exec(svg)?.[1];
  return w && hh ? Number(w) / Number(hh) || 1 : 1;
}

/** The element as an SVG document `width` wide (and `height` high, or as high as it lays out). */
export function render(
  node: Element,
  fonts: Font[],
  width: number,
  height?: number,
): Promise<string> {
  const root = h({ fontFamily: fontFamily(fonts), width, ...(height ? { height } : {}) }, node);
  return satori(root as never, { width, ...(height ? { height } : {}), fonts } as never);
}

/** The height `node` lays out to in a column `width` wide. */
export async function heightOf(node: Element, fonts: Font[], width: number): Promise<number> {
  const svg = await render(h({ flexDirection: 'column', width }, node), fonts, width);
  return Number(/height="([\d.]+)"/.exec(svg)![1]);
}

/**
 * The largest size up to `size` (down to `min`) at which `value` fits `width` in at most
 * `lines` lines; fails naming `field` when even `min` does not fit.
 */
export async function fitSize(
  value: string,
  {
    size,
    min,
    width,
    lines = 1,
    weight,
    tracking = 0,
    oneLineFirst = false,
  }: {
    size: number;
    min: number;
    width: number;
    lines?: number;
    weight: Weight;
    /** Letter spacing, in ems. */
    tracking?: number;
    /** Shrink to fit one line before wrapping to `lines` (for names). */
    oneLineFirst?: boolean;
  },
  fonts: Font[],
  field: string,
): Promise<number> {
  for (const n of oneLineFirst && lines > 1 ? [1, lines] : [lines]) {
    for (let s = size; s >= min; s = Math.floor(s * 0.92)) {
      const style = { width, letterSpacing: s * tracking };
      const height = await heightOf(words(value, s, weight, '#000', style), fonts, width);
      if (height <= s * 1.15 * n + 1) return s;
    }
  }
  throw new Error(`${field}: "${value}" does not fit ${width} px in ${lines} line(s) at ${min} px`);
}

/** Inner markup of a satori SVG, to place inside a larger drawing. */
/**
 * The short count inside the emblem of radius `r` centred at (cx, cy), at the largest size that
 * fits it, placed absolutely over the art.
 */
export async function emblemLabel(
  label: { text: string; metric: string; file: string; colour: string },
  [cx, cy, r]: readonly [number, number, number],
  fonts: Font[],
): Promise<Element> {
  const badge = emblemText(label.metric, cy, r);
  const size = await fitSize(
    label.text,
    { size: badge.size, min: 40, width: badge.width, weight: 800 },
    fonts,
    `${label.file}: milestone`,
  );
  return h(
    {
      position: 'absolute',
      left: cx - badge.width / 2,
      top: badge.centreY - size * 0.6,
      width: badge.width,
      height: size * 1.2,
      justifyContent: 'center',
      alignItems: 'center',
    },
    words(label.text, size, 800, label.colour, { lineHeight: 1.2 }),
  );
}

export const inner = (svg: string) => svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>$/, '');
