/** Plain-text helpers shared by the schema, the share metadata, excerpts and plugins. */

/** Collapses YAML folded-block newlines and runs of white space into single spaces. */
export function cleanText(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
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

/**
 * A title as it is displayed: a spaced hyphen between two parts becomes a spaced en dash
 * ("Milvus - 10,000 Stars" → "Milvus – 10,000 Stars"). The source stays as written; meta tags,
 * URLs and ids keep using it.
 */
export function displayTitle(title: string): string {
  return title.replace(/(\S) +- +(?=\S)/g, '$1 – ');
}
