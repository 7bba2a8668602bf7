// Plain-text Markdown tables for the audit and the benchmarks.

/**
 * A Markdown table: the first `leftColumns` columns left-aligned (labels), the rest right-aligned
 * (figures), padded so it also reads well as plain text.
 * @param {string[]} head
 * @param {string[][]} rows
 */
export function markdownTable(head, rows, leftColumns = 1) {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  const left = (/** @type {number} */ i) => i < leftColumns;
  const line = (/** @type {string[]} */ row) =>
    `| ${row.map((cell, i) => (left(i) ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (left(i) ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}
