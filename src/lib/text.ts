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
