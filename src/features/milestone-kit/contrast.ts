// WCAG 2.x contrast between brand colours, and the palette every drawing uses.

/** `#rgb` or `#rrggbb`, as the data file accepts them. */
export const HEX_COLOUR = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb {
  const digits = hex.slice(1);
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance (0 black to 1 white). */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `a` moved `t` (0-1) of the way towards `b`. */
export function mix(a: string, b: string, t: number): string {
  const [x, y] = [parseHex(a), parseHex(b)];
  return toHex(x.map((c, i) => c + (y[i]! - c) * t) as Rgb);
}

/** AA for normal-size text; every text the kit draws is held to it, headlines included. */
export const AA = 4.5;

export interface Brand {
  background: string;
  accent: string;
  highlight: string;
}

/** The colours a drawing uses, all checked against the background. */
export interface Palette extends Brand {
  /** Main text: white or near-black, whichever reads better on the background. */
  text: string;
  /** Secondary text: the text colour softened towards the background, still AA. */
  muted: string;
  /** Text drawn on the highlight (the emblem's short number). */
  onHighlight: string;
  /** A slightly lifted background for gradients and tracks. */
  raised: string;
  /** Chart tracks and grid lines (no text). */
  line: string;
}

/** The closest colour to `colour` (mixed towards `towards`) that reaches `ratio` on `background`. */
function nearestPassing(colour: string, towards: string, background: string, ratio: number) {
  for (let t = 0; t <= 1.0001; t += 0.02) {
    const candidate = mix(colour, towards, t);
    if (contrast(candidate, background) >= ratio) return candidate;
  }
  return towards;
}

export class ContrastError extends Error {}

/**
 * The palette for a brand, or an error naming the brand field whose colour fails AA as text on
 * the background, with its ratio and the nearest colour that passes.
 */
export function paletteFor(brand: Brand): Palette {
  const { background, accent, highlight } = brand;
  const dark = luminance(background) < 0.18;
  const text = dark ? '#ffffff' : '#111418';
  const fail = (field: string, colour: string, on: string, onName: string) => {
    const ratio = contrast(colour, on);
    if (ratio >= AA) return;
    const better = nearestPassing(
      colour,
      contrast('#ffffff', on) > contrast('#000000', on) ? '#ffffff' : '#000000',
      on,
      AA,
    );
    throw new ContrastError(
      `brand.${field}: ${colour} on ${onName} ${on} has contrast ${ratio.toFixed(2)}:1, under WCAG AA ${AA}:1 for text (try ${better})`,
    );
  };
  if (contrast(text, background) < AA)
    throw new ContrastError(
      `brand.background: ${background} leaves no text colour with WCAG AA contrast (white ${contrast('#ffffff', background).toFixed(2)}:1, black ${contrast('#000000', background).toFixed(2)}:1)`,
    );
  fail('accent', accent, background, 'brand.background');
  fail('highlight', highlight, background, 'brand.background');
  // The emblem's number is drawn on the highlight, in the background colour or the text colour.
  const onHighlight =
    contrast(background, highlight) >= contrast(text, highlight) ? background : text;
  if (contrast(onHighlight, highlight) < AA)
    throw new ContrastError(
      `brand.highlight: ${highlight} carries the emblem's number, and neither brand.background ${background} (${contrast(background, highlight).toFixed(2)}:1) nor ${text} (${contrast(text, highlight).toFixed(2)}:1) reaches WCAG AA ${AA}:1 on it`,
    );
  let muted = text;
  for (let t = 0.5; t >= 0; t -= 0.05) {
    const candidate = mix(text, background, t);
    if (contrast(candidate, background) >= AA + 0.5) {
      muted = candidate;
      break;
    }
  }
  return {
    ...brand,
    text,
    muted,
    onHighlight,
    raised: mix(background, text, 0.07),
    line: mix(background, text, 0.18),
  };
}
