/**
 * The text side of search, pure so it can be tested without a browser: the words titles and tags
 * offer for typo correction, the correction itself, and the reading of Pagefind's excerpts.
 */

/** Words as the search page splits them: runs of letters and digits, lower-cased. */
export function searchWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Shorter words are never corrected: one edit away from them is too many other words. */
export const MIN_CORRECTED_LENGTH = 4;

/**
 * The words of the posts' titles and tags, each once, the most used first: what a mistyped query
 * word is corrected to. Titles and tags are where a reader's remembered words come from.
 */
export function titleAndTagWords(
  posts: ReadonlyArray<{ title: string; tags: string[] }>,
): string[] {
  const uses = new Map<string, number>();
  for (const post of posts) {
    const words = new Set(searchWords([post.title, ...post.tags].join(' ')));
    for (const word of words)
      if (word.length >= MIN_CORRECTED_LENGTH) uses.set(word, (uses.get(word) ?? 0) + 1);
  }
  return [...uses].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
}

/**
 * Edits between two words (insertions, deletions, substitutions, and swaps of neighbours, so
 * `qurey` is one edit from `query`), or `max + 1` as soon as it is known to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, before[j - 2]! + 1);
      row.push(value);
      smallest = Math.min(smallest, value);
    }
    if (smallest > max) return max + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * The word a query word was meant to be, when it is not a word (or the start of one) of
 * `vocabulary` but one edit away from one (two for words of eight letters or more); the closest,
 * then the most used. Undefined when the word is fine or nothing is close.
 */
export function correctWord(word: string, vocabulary: readonly string[]): string | undefined {
  if (word.length < MIN_CORRECTED_LENGTH || vocabulary.some((known) => known.startsWith(word)))
    return undefined;
  const max = word.length >= 8 ? 2 : 1;
  let best: { word: string; distance: number } | undefined;
  for (const known of vocabulary) {
    const distance = editDistance(word, known, max);
    if (distance <= max && (!best || distance < best.distance)) best = { word: known, distance };
  }
  return best?.word;
}

/** The query with each mistyped word corrected (`correctWord`), or undefined when none was. */
export function correctQuery(query: string, vocabulary: readonly string[]): string | undefined {
  const words = searchWords(query);
  const corrected = words.map((word) => correctWord(word, vocabulary) ?? word);
  return corrected.some((word, i) => word !== words[i]) ? corrected.join(' ') : undefined;
}

export interface ExcerptPart {
  text: string;
  /** A word the query matched (`<mark>` in Pagefind's excerpt). */
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff
      ? String.fromCodePoint(code)
      : entity;
  });
}

/**
 * Pagefind's excerpt (escaped text with `<mark>` around matched words) as plain parts, for the page
 * to set as text: nothing from an index is ever parsed as HTML.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(piece)) marked = true;
    else if (/^<\/mark>$/i.test(piece)) marked = false;
    else if (piece) {
      const text = decodeEntities(piece.replace(/<[^>]*>/g, ''));
      if (text) parts.push({ text, marked });
    }
  }
  return parts;
}
