// Plain-text tables for the bench sections.

/** `a / b` as e.g. "1.84×" (or "n/a" when the baseline is zero). */
export function ratio(/** @type {number} */ a, /** @type {number} */ b) {
  return b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a';
}

/** Prints a Markdown table: first column left-aligned, the rest right-aligned. */
export function printTable(/** @type {string[]} */ head, /** @type {string[][]} */ rows) {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  const line = (/** @type {string[]} */ row) => `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
  console.log([line(head), `|${widths.map((w, i) => (i === 0 ? `-${'-'.repeat(w)}-` : `-${'-'.repeat(w - 1)}:-`)).join('|')}|`, ...rows.map(line)].join('\n'));
}
