// SVG shapes the art shares: the emblem, star fields and sparkles, and the SVG document itself.

/** A reproducible pseudo-random sequence (mulberry32): same seed, same sky. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const n = (value: number) => Number(value.toFixed(2));

/** A five-pointed star centred on (cx, cy). */
export function star(cx: number, cy: number, outer: number, fill: string, extra = ''): string {
  const inner = outer * 0.45;
  const points = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 ? inner : outer;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    return `${n(cx + r * Math.cos(a))},${n(cy + r * Math.sin(a))}`;
  });
  return `<polygon points="${points.join(' ')}" fill="${fill}" ${extra}/>`;
}

/**
 * The emblem behind the short count: a star for stars, a rosette (a scalloped badge) for
 * anything else counted. Its text box is the part of it that holds the number.
 */
export function emblem(metric: string, cx: number, cy: number, r: number, fill: string): string {
  if (metric === 'stars') return star(cx, cy, r, fill);
  const points = Array.from({ length: 48 }, (_, i) => {
    const radius = i % 2 ? r * 0.9 : r;
    const a = (Math.PI / 24) * i;
    return `${n(cx + radius * Math.cos(a))},${n(cy + radius * Math.sin(a))}`;
  });
  return `<polygon points="${points.join(' ')}" fill="${fill}"/>`;
}

/** The width the emblem's number may take, and where its centre sits, for an emblem of radius r. */
export function emblemText(metric: string, cy: number, r: number) {
  return metric === 'stars'
    ? { width: r * 1.05, centreY: cy + r * 0.12, size: r * 0.44 }
    : { width: r * 1.45, centreY: cy, size: r * 0.5 };
}

/** A four-pointed sparkle centred on (cx, cy). */
export function sparkle(cx: number, cy: number, r: number, fill: string, opacity: number): string {
  const w = r * 0.18;
  const d = `M${n(cx)},${n(cy - r)} Q${n(cx + w)},${n(cy - w)} ${n(cx + r)},${n(cy)} Q${n(cx + w)},${n(cy + w)} ${n(cx)},${n(cy + r)} Q${n(cx - w)},${n(cy + w)} ${n(cx - r)},${n(cy)} Q${n(cx - w)},${n(cy - w)} ${n(cx)},${n(cy - r)}Z`;
  return `<path d="${d}" fill="${fill}" fill-opacity="${opacity.toFixed(2)}"/>`;
}

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

const near = (boxes: readonly Rect[], x: number, y: number, margin: number) =>
  boxes.some(
    (b) =>
      x >= b.left - margin &&
      x <= b.left + b.width + margin &&
      y >= b.top - margin &&
      y <= b.top + b.height + margin,
  );

/** Small stars and a few sparkles over the picture, none within `margin` of the `clear` boxes (the words). */
export function sky(
  width: number,
  height: number,
  {
    seed,
    density,
    maxRadius,
    clear = [],
    margin = 0,
    sparkles = 0,
    colours,
  }: {
    seed: number;
    density: number;
    maxRadius: number;
    clear?: readonly Rect[];
    margin?: number;
    sparkles?: number;
    colours: { star: string; sparkle: string };
  },
): string {
  const next = random(seed);
  const dots = Array.from({ length: Math.round((width * height) / density) }, () => {
    const r = (0.3 + next() * 0.7) * maxRadius;
    const opacity = 0.25 + next() * 0.6;
    const [x, y] = [next() * width, next() * height];
    return near(clear, x, y, margin + r)
      ? ''
      : `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${colours.star}" fill-opacity="${opacity.toFixed(2)}"/>`;
  });
  const glints = Array.from({ length: sparkles }, () => {
    const [x, y, r] = [next() * width, next() * height, maxRadius * (2.5 + next() * 4)];
    const [fill, opacity] = [next() < 0.3 ? colours.sparkle : colours.star, 0.35 + next() * 0.4];
    const atEdge = x < 2 * r || y < 2 * r || x > width - 2 * r || y > height - 2 * r;
    return atEdge || near(clear, x, y, margin + r) ? '' : sparkle(x, y, r, fill, opacity);
  });
  return dots.join('') + glints.join('');
}

export const svgDocument = (width: number, height: number, body: string) =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`,
  );

/** An SVG logo placed in a box, as an embedded image (its own ids and styles stay apart). */
export function logoImage(logo: string, box: Rect): string {
  const data = Buffer.from(logo).toString('base64');
  return `<image x="${box.left}" y="${box.top}" width="${box.width}" height="${box.height}" preserveAspectRatio="xMinYMid meet" href="data:image/svg+xml;base64,${data}"/>`;
}

/** "2022-04-12" → "April 12, 2022" (en-US, UTC: the same words on every machine). */
export const longDate = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });

/** "2022-04-12" → "Apr 2022". */
export const shortDate = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'short',
  });
