// opentype.js 2 ships no type declarations; this covers the small part the share card uses.
declare module 'opentype.js' {
  export interface PathCommandsHolder {
    toPathData(options?: { decimalPlaces?: number; optimize?: boolean; flipY?: boolean } | number): string;
  }
  export interface Glyph {
    index: number;
    unicode?: number;
    advanceWidth?: number;
    getPath(x?: number, y?: number, fontSize?: number): PathCommandsHolder;
  }
  export interface Font {
    unitsPerEm: number;
    ascender: number;
    descender: number;
    charToGlyphIndex(char: string): number;
    charToGlyph(char: string): Glyph;
    getKerningValue(left: Glyph | number, right: Glyph | number): number;
  }
  export function parse(buffer: ArrayBuffer): Font;
  const opentype: { parse: typeof parse };
  export default opentype;
}
