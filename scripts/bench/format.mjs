// Plain-text tables for the bench sections.
import { markdownTable } from '../markdown-table.mjs';

/** `a / b` as e.g. "1.84×" (or "n/a" when the baseline is zero). */
export function ratio(/** @type {number} */ a, /** @type {number} */ b) {
  return b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a';
}

/** Prints a Markdown table: first column left-aligned, the rest right-aligned. */
export function printTable(/** @type {string[]} */ head, /** @type {string[][]} */ rows) {
  console.log(markdownTable(head, rows));
}
