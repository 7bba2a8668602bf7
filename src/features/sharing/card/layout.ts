import type { FontStack, PlacedGlyph } from './fonts';

/**
 * Text layout for the share card: splits text into glyphs from a font stack, wraps it into
 * lines and turns it into SVG path data, so the PNG never depends on fonts installed on the
 * building machine.
 */

export interface Cluster {
  /** The characters this cluster stands for (a grapheme). */
  text: string;
  glyphs: PlacedGlyph[];
  /** Advance in font units of 1em = 1 (multiply by the font size). */
  advance: number;
  /** A line may break before this cluster. */
  breakBefore: boolean;
  /** Spaces vanish at the end of a line. */
  isSpace: boolean;
}

export interface TextRun {
  clusters: Cluster[];
  /** Characters that no font in the stack can draw (left out of the card). */
  missing: string[];
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const INVISIBLE = /^[\u200b-\u200f\u2060\ufe00-\ufe0f\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]$/u;
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
// Scripts written without spaces: a line may break between any two of their characters.
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
// Punctuation that must not start a line (closing brackets, CJK full stops and commas).
const NO_BREAK_BEFORE = /^[)\]}»”’、。，．！？：；）」』】〉》]/u;

/** Code points of a grapheme that we draw: emoji ZWJ sequences draw as their first emoji. */
function drawnCodePoints(grapheme: string): number[] {
  const points = [...grapheme];
  if (points.length > 1 && PICTOGRAPH.test(points[0] ?? '')) {
    const flag = points.every((p) => /\p{Regional_Indicator}/u.test(p));
    return (flag ? points : [points[0] ?? '']).map((p) => p.codePointAt(0) ?? 0);
  }
  return points.filter((p) => !INVISIBLE.test(p)).map((p) => p.codePointAt(0) ?? 0);
}

export function shapeText(text: string, fonts: FontStack): TextRun {
  const clusters: Cluster[] = [];
  const missing: string[] = [];
  let previous = '';
  for (const { segment } of segmenter.segment(text.normalize('NFC').replace(/\s+/g, ' ').trim())) {
    const isSpace = segment === ' ';
    const glyphs: PlacedGlyph[] = [];
    for (const codePoint of drawnCodePoints(segment)) {
      const placed = fonts.glyph(codePoint);
      if (placed) glyphs.push(placed);
      else if (!INVISIBLE.test(String.fromCodePoint(codePoint))) missing.push(String.fromCodePoint(codePoint));
    }
    let advance = 0;
    for (const { font, glyph } of glyphs) advance += (glyph.advanceWidth ?? 0) / font.unitsPerEm;
    const breakBefore =
      previous === ' ' ||
      previous === '-' ||
      previous === '/' ||
      previous === '—' ||
      (!NO_BREAK_BEFORE.test(segment) && (NO_SPACE_SCRIPT.test(segment) || NO_SPACE_SCRIPT.test(previous)));
    clusters.push({ text: segment, glyphs, advance, breakBefore: clusters.length > 0 && breakBefore, isSpace });
    previous = segment;
  }
  return { clusters, missing };
}

function width(clusters: Cluster[]): number {
  let total = 0;
  for (const cluster of clusters) total += cluster.advance;
  return total;
}

function trimEnd(line: Cluster[]): Cluster[] {
  let end = line.length;
  while (end > 0 && line[end - 1]?.isSpace) end--;
  return line.slice(0, end);
}

/**
 * Greedy line breaking at the allowed points; a word longer than a line is cut between
 * graphemes. Widths are in em; `maxWidth` is in em too.
 */
export function wrapClusters(clusters: Cluster[], maxWidth: number): Cluster[][] {
  // Unbreakable words: runs of clusters without a break opportunity inside.
  const words: Cluster[][] = [];
  for (const cluster of clusters) {
    if (cluster.breakBefore || words.length === 0) words.push([cluster]);
    else words[words.length - 1]?.push(cluster);
  }
  const lines: Cluster[][] = [];
  let line: Cluster[] = [];
  for (const word of words) {
    if (line.length === 0 && word[0]?.isSpace) continue;
    if (width(trimEnd([...line, ...word])) <= maxWidth) {
      line.push(...word);
      continue;
    }
    if (line.length > 0) lines.push(trimEnd(line));
    line = [];
    for (const cluster of word) {
      if (line.length > 0 && width([...line, cluster]) > maxWidth) {
        lines.push(trimEnd(line));
        line = [];
      }
      if (line.length === 0 && cluster.isSpace) continue;
      line.push(cluster);
    }
  }
  if (line.length > 0) lines.push(trimEnd(line));
  return lines.filter((l) => l.length > 0);
}

/** Cuts lines to `maxLines`, ending the last kept line with an ellipsis that fits. */
export function clampLines(lines: Cluster[][], maxLines: number, maxWidth: number, ellipsis: Cluster): Cluster[][] {
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = [...(kept[maxLines - 1] ?? [])];
  while (last.length > 0 && width([...trimEnd(last), ellipsis]) > maxWidth) last.pop();
  last = trimEnd(last);
  kept[maxLines - 1] = [...last, ellipsis];
  return kept;
}

export function lineWidth(line: Cluster[]): number {
  return width(line);
}

/** SVG path data of one line with its baseline at (x, y), in pixels. */
export function linePath(line: Cluster[], x: number, y: number, fontSize: number): string {
  const parts: string[] = [];
  let cursor = x;
  for (const cluster of line) {
    for (const { font, glyph } of cluster.glyphs) {
      const d = glyph.getPath(cursor, y, fontSize).toPathData({ decimalPlaces: 1, flipY: false });
      if (d) parts.push(d);
      cursor += ((glyph.advanceWidth ?? 0) / font.unitsPerEm) * fontSize;
    }
  }
  return parts.join('');
}

export function linesText(lines: Cluster[][]): string[] {
  return lines.map((line) => line.map((c) => c.text).join(''));
}
