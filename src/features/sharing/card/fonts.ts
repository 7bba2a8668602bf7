import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Font as SatoriFont } from 'satori';
import { BRAND, graphemes, h, PRIMARY_FONT } from './card-layout.ts';
import { loadSatori } from './engines.ts';

// Fonts: @fontsource files (OFL), chosen per card by the characters it draws.

type Weight = 500 | 700;

interface Face {
  /** Unique per subset (same across weights), so satori's fallback sees every file. */
  name: string;
  file: string;
  weight: Weight;
  ranges: Array<[number, number]>;
}

/** Families in fallback order: Inter, then Noto Emoji (monochrome), then Noto Sans SC for CJK. */
export const FONT_PACKAGES = [
  '@fontsource/inter',
  '@fontsource/noto-emoji',
  '@fontsource/noto-sans-sc',
] as const;

const requireHere = createRequire(import.meta.url);

/** The root folder of an installed package, found from its main file or a file it exports. */
export function packageRoot(name: string, entry?: string): string {
  let dir = dirname(requireHere.resolve(entry ? `${name}/${entry}` : name));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name
    )
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`render-card: cannot find the package.json of ${name}`);
    dir = parent;
  }
}

export function packageVersion(root: string): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** Reads fontsource's `@font-face` blocks: each `.woff` file (satori reads WOFF) and its unicode-range. */
function parseFontFaces(css: string, dir: string, weight: Weight): Face[] {
  const faces: Face[] = [];
  for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
    const file = /url\(\.\/files\/([^)]+?)\.woff\)/.exec(block)?.[1];
    if (!file) continue;
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    const ranges: Array<[number, number]> = range
      ? range.split(',').map((part) => {
          const [start = '0', end = start] = part.trim().replace(/^U\+/i, '').split('-');
          return [parseInt(start, 16), parseInt(end, 16)];
        })
      : [[0, 0x10ffff]];
    const subset = file.replace(new RegExp(`-${weight}-normal$`), '');
    faces.push({
      name: subset === 'inter-latin' ? PRIMARY_FONT : subset,
      file: join(dir, 'files', `${file}.woff`),
      weight,
      ranges,
    });
  }
  // Inter's CSS lists Latin last; it goes first, as the primary font.
  return faces.sort((a, b) => Number(b.name === PRIMARY_FONT) - Number(a.name === PRIMARY_FONT));
}

const catalogs = new Map<Weight, Face[]>();

/** Every face at one weight, in fallback order (CSS only; font files are read on first use). */
function catalog(weight: Weight): Face[] {
  let faces = catalogs.get(weight);
  if (!faces) {
    faces = FONT_PACKAGES.flatMap((name) => {
      const root = packageRoot(name, `${weight}.css`);
      return parseFontFaces(readFileSync(join(root, `${weight}.css`), 'utf8'), root, weight);
    });
    catalogs.set(weight, faces);
  }
  return faces;
}

const fontData = new Map<string, Buffer>();
const fontArrays = new Map<string, SatoriFont[]>();

/**
 * Satori's font list for these faces, plus Inter Latin at both weights. The same faces give the
 * same array with the same buffers, so satori reuses its parsed fonts and shaping cache.
 */
export function satoriFonts(faces: Iterable<Face>, withPrimary = true): SatoriFont[] {
  const all = new Set<Face>(faces);
  for (const weight of withPrimary ? ([700, 500] as const) : []) {
    const primary = catalog(weight).find((face) => face.name === PRIMARY_FONT);
    if (primary) all.add(primary);
  }
  // Catalog order is fallback order: primary first, then Inter's other subsets, emoji, CJK.
  const order = (face: Face) =>
    catalog(face.weight).indexOf(face) * 2 + (face.weight === 700 ? 0 : 1);
  const sorted = [...all].sort((a, b) => order(a) - order(b));
  const key = sorted.map((face) => face.file).join('|');
  let fonts = fontArrays.get(key);
  if (!fonts) {
    fonts = sorted.map((face) => {
      let data = fontData.get(face.file);
      if (!data) {
        data = readFileSync(face.file);
        fontData.set(face.file, data);
      }
      return { name: face.name, data, weight: face.weight, style: 'normal' as const };
    });
    fontArrays.set(key, fonts);
  }
  return fonts;
}

/** Code points that join or modify others (ZWJ, variation selectors, keycap, tags): never "missing". */
function isJoiner(codePoint: number): boolean {
  return (
    codePoint === 0x200d ||
    codePoint === 0x20e3 ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0xe0020 && codePoint <= 0xe007f)
  );
}

function covers(face: Face, codePoint: number): boolean {
  return face.ranges.some(([start, end]) => codePoint >= start && codePoint <= end);
}

const EMOJI_PREFIX = 'noto-emoji-';

interface TextFonts {
  /** The text without the characters no font draws. */
  text: string;
  /** Faces for the text itself. */
  faces: Set<Face>;
  /** Each emoji (a whole grapheme: ZWJ sequences, skin tones, flags) with the faces that draw it. */
  emoji: Map<string, Set<Face>>;
  missing: string[];
}

/**
 * Which faces draw `text` at `weight`, and the characters none can (removed from the text, so
 * the card shows no empty boxes). Emoji are set apart: they are drawn as images (see `emojiImages`).
 */
export function fontsFor(text: string, weight: Weight): TextFonts {
  const faces = new Set<Face>();
  const emoji = new Map<string, Set<Face>>();
  const missing: string[] = [];
  const emojiFaces = catalog(700).filter((face) => face.name.startsWith(EMOJI_PREFIX));
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    if (segment === ' ') {
      kept += segment;
      continue;
    }
    const codePoints = [...segment].map((char) => char.codePointAt(0) ?? 0);
    const base = codePoints[0] ?? 0;
    const first = catalog(weight).find((face) => covers(face, base));
    const presentation = codePoints.some(
      (codePoint) => codePoint === 0xfe0f || codePoint === 0x20e3 || codePoint === 0x200d,
    );
    if (
      (first?.name.startsWith(EMOJI_PREFIX) || presentation) &&
      emojiFaces.some((face) => covers(face, base))
    ) {
      const drawing = new Set<Face>();
      for (const codePoint of codePoints) {
        const face = emojiFaces.find((candidate) => covers(candidate, codePoint));
        if (face) drawing.add(face);
      }
      emoji.set(segment, drawing);
      kept += segment;
      continue;
    }
    for (const [index, codePoint] of codePoints.entries()) {
      const char = String.fromCodePoint(codePoint);
      const face =
        index === 0 ? first : catalog(weight).find((candidate) => covers(candidate, codePoint));
      if (face) {
        faces.add(face);
        kept += char;
      } else if (isJoiner(codePoint)) {
        kept += char;
      } else if (!missing.includes(char)) {
        missing.push(char);
      }
    }
  }
  return { text: kept.replace(/ {2,}/g, ' ').trim(), faces, emoji, missing };
}

const emojiCache = new Map<string, string>();

/**
 * Each emoji as a small SVG (its Noto Emoji glyph, drawn by satori on its own), for satori's
 * `graphemeImages`. Drawing emoji inside the text instead hits two satori limits: it picks a
 * font per UTF-16 surrogate, so a second emoji from another fontsource file comes out as an
 * empty box, and a space after an emoji takes the emoji font's very wide space.
 */
export async function emojiImages(emoji: Map<string, Set<Face>>): Promise<Record<string, string>> {
  const images: Record<string, string> = {};
  for (const [grapheme, faces] of emoji) {
    let image = emojiCache.get(grapheme);
    if (!image) {
      const satori = await loadSatori();
      const size = 120;
      const svg = await satori(
        h(
          'div',
          {
            style: {
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              width: size,
              height: size,
              fontSize: Math.round(size * 0.92),
              lineHeight: 1,
              color: BRAND.title,
              fontFamily: [...faces][0]?.name ?? PRIMARY_FONT,
            },
          },
          grapheme,
        ) as never,
        { width: size, height: size, fonts: satoriFonts(faces, false) },
      );
      image = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      emojiCache.set(grapheme, image);
    }
    images[grapheme] = image;
  }
  return images;
}
