const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g;

/** Strips the markdown that is not read aloud: code fences' markers, image syntax, link URLs, HTML tags. */
function readableText(markdown: string): string {
  return markdown
    .replace(/^---[\s\S]*?\n---/, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[#>*_`~|-]+/g, ' ');
}

/** Estimated minutes to read a markdown body (at least 1). CJK characters count as a word each. */
export function readingMinutes(markdown: string, wordsPerMinute: number): number {
  const text = readableText(markdown);
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text
    .replace(CJK, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return Math.max(1, Math.round((words + cjk) / wordsPerMinute));
}
