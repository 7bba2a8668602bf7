import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import opentype, { type Font, type Glyph } from 'opentype.js';

/**
 * Fonts for the share card, read from @fontsource packages (OFL-licensed, shipped in npm, so the
 * card looks the same on every machine: no system fonts are involved). Fontsource splits each
 * family into files by unicode-range; we read the ranges from its CSS and parse only the files
 * whose range covers a character we actually draw (Noto Sans SC alone has ~100 files).
 */

export interface FontFace {
  file: string;
  ranges: Array<[number, number]>;
}

export interface FontFamily {
  name: string;
  faces: FontFace[];
}

/** Reads `@font-face` blocks of a fontsource CSS file: the `.woff` file and its unicode-range. */
export function parseFontsourceCss(css: string, dir: string): FontFace[] {
  const faces: FontFace[] = [];
  for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
    const file = /url\(\.\/files\/([^)]+\.woff)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file) continue;
    const ranges: Array<[number, number]> = range
      ? range.split(',').map((part) => {
          const [start, end = start] = part.trim().replace(/^U\+/i, '').split('-') as [string, string?];
          return [parseInt(start, 16), parseInt(end, 16)];
        })
      : [[0, 0x10ffff]];
    faces.push({ file: join(dir, 'files', file), ranges });
  }
  return faces;
}

const require = createRequire(import.meta.url);

function fontsourceFamily(name: string, packageName: string, weight: number): FontFamily {
  const cssPath = require.resolve(`${packageName}/${weight}.css`);
  return { name, faces: parseFontsourceCss(readFileSync(cssPath, 'utf8'), dirname(cssPath)) };
}

export interface PlacedGlyph {
  font: Font;
  glyph: Glyph;
}

/** Looks a character up in each family in turn, loading font files on first use. */
export class FontStack {
  readonly #families: FontFamily[];
  readonly #loaded = new Map<string, Font>();

  constructor(families: FontFamily[]) {
    this.#families = families;
  }

  #font(file: string): Font {
    let font = this.#loaded.get(file);
    if (!font) {
      const bytes = readFileSync(file);
      font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      this.#loaded.set(file, font);
    }
    return font;
  }

  /** The glyph for one code point from the first family that has it, or undefined. */
  glyph(codePoint: number): PlacedGlyph | undefined {
    const char = String.fromCodePoint(codePoint);
    for (const family of this.#families) {
      for (const face of family.faces) {
        if (!face.ranges.some(([start, end]) => codePoint >= start && codePoint <= end)) continue;
        const font = this.#font(face.file);
        const index = font.charToGlyphIndex(char);
        if (index > 0) return { font, glyph: font.charToGlyph(char) };
      }
    }
    return undefined;
  }

  /** The first family's first font: its metrics set the line box. */
  primary(): Font {
    const first = this.#families[0]?.faces.find((face) => face.ranges.some(([s, e]) => s <= 0x41 && e >= 0x41));
    if (!first) throw new Error('The share-card font stack has no Latin font');
    return this.#font(first.file);
  }
}

let bold: FontStack | undefined;
let regular: FontStack | undefined;

/** Inter, then Noto Sans SC (Chinese, also Japanese kana and much CJK punctuation), then Noto Emoji. */
export function shareCardFonts(): { bold: FontStack; regular: FontStack } {
  bold ??= new FontStack([
    fontsourceFamily('Inter', '@fontsource/inter', 700),
    fontsourceFamily('Noto Sans SC', '@fontsource/noto-sans-sc', 700),
    fontsourceFamily('Noto Emoji', '@fontsource/noto-emoji', 700),
  ]);
  regular ??= new FontStack([
    fontsourceFamily('Inter', '@fontsource/inter', 500),
    fontsourceFamily('Noto Sans SC', '@fontsource/noto-sans-sc', 500),
    fontsourceFamily('Noto Emoji', '@fontsource/noto-emoji', 500),
  ]);
  return { bold, regular };
}
