/** Plain-text helpers shared by the schema, the share metadata, excerpts and plugins. */

/**
 * Characters that change how text is shown without being seen: bidi embeddings, overrides and
 * isolates (which can make a title read backwards or hide part of it), marks, and zero-width spaces
 * and joiners (which make `a` + U+200B + `b` look like `ab` but differ).
 */
const INVISIBLE = /[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF\u180E]/g;
/** A zero-width joiner is kept only inside an emoji sequence (👩‍💻), where it is part of the picture. */
const STRAY_JOINER =
  /(?<!\p{Extended_Pictographic}\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;
/** A zero-width non-joiner is kept only after a letter of a script that uses it (Persian, Indic). */
const STRAY_NON_JOINER = /(?<!(?=[\p{L}\p{M}])\P{Script=Latin})\u200C/gu;

/**
 * Text as the site shows and compares it: Unicode NFC (so a name typed on a Mac equals the same
 * name typed elsewhere), without invisible control characters, and with YAML folded-block newlines
 * and runs of white space collapsed into single spaces.
 */
export function cleanText(value: string): string {
  return value
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(STRAY_JOINER, '')
    .replace(STRAY_NON_JOINER, '')
    .replace(/\s+/g, ' ')
    .trim();
}
/** Cuts text to at most `max` code points on a grapheme boundary, ending with "…" when cut. */
export function truncate(text: string, max: number): string {
  if ([...text].length <= max) return text;
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let out = '';
  let length = 0;
  for (const { segment } of segmenter.segment(text)) {
    const size = [...segment].length;
    if (length + size > max - 1) break;
    out += segment;
    length += size;
  }
  return `${out.trimEnd()}…`;
}

/** A short, stable name for a string (FNV-1a, base 36): class names for generated CSS rules. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
