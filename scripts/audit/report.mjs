// Figures to text for `npm run audit`: the median, the table and the budget check.
import { markdownTable } from '../markdown-table.mjs';

/**
 * @typedef {{
 *   page: string, type: string, formFactor: 'mobile' | 'desktop',
 *   scores: Record<string, number>, lcpMs: number, cls: number, tbtMs: number,
 *   pageBytes: number, bytesByType: Record<string, number>, requests: number,
 *   origins: string[], foreignOrigins: string[],
 *   criticalBytes: number, scriptBytes: number, blockingScripts: number,
 *   failingAudits: Record<string, string[]>,
 * }} Row
 * @typedef {{
 *   scores: Record<string, number>,
 *   mobile: { lcpMs: number, cls: number, tbtMs: number, pageBytes: number },
 *   desktop: { lcpMs: number, cls: number, tbtMs: number, pageBytes: number },
 *   criticalBytes: number, scriptBytes: number, blockingScripts: number, foreignOrigins: number,
 *   referencePostLcpRatio?: number,
 * }} Budgets
 * @typedef {{ formFactor: 'mobile' | 'desktop', page: string, reference: string, oursMs: number, referenceMs: number, ratio: number }} ReferenceComparison
 */

/** @param {number[]} values */
export function median(values) {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return /** @type {number} */ (sorted[Math.floor((sorted.length - 1) / 2)]);
}

const kb = (/** @type {number} */ bytes) => (bytes / 1024).toFixed(1);
const TYPES = ['Document', 'Stylesheet', 'Script', 'Image', 'Media', 'Font'];

/** One row per page and form factor; byte columns in KB (transfer size, gzip), CLS to 3 places. */
export function table(/** @type {Row[]} */ rows, /** @type {string} */ ownOrigin) {
  const head = [
    'page',
    'form',
    'perf',
    'a11y',
    'bp',
    'seo',
    'LCP ms',
    'CLS',
    'TBT ms',
    '1st-paint KB',
    'JS KB',
    'html KB',
    'css KB',
    'js KB',
    'img KB',
    'media KB',
    'font KB',
    'other KB',
    'total KB',
    'reqs',
    'origins',
  ];
  const body = rows.map((row) => {
    const known = TYPES.reduce((sum, type) => sum + (row.bytesByType[type] ?? 0), 0);
    const total = Object.values(row.bytesByType).reduce((a, b) => a + b, 0);
    return [
      row.page,
      row.formFactor,
      String(row.scores.performance),
      String(row.scores.accessibility),
      String(row.scores['best-practices']),
      String(row.scores.seo),
      row.lcpMs.toFixed(0),
      row.cls.toFixed(3),
      row.tbtMs.toFixed(0),
      kb(row.criticalBytes),
      kb(row.scriptBytes),
      ...TYPES.map((type) => kb(row.bytesByType[type] ?? 0)),
      kb(total - known),
      kb(row.pageBytes),
      String(row.requests),
      row.origins.map((o) => (o === ownOrigin ? 'self' : o)).join(' ') || 'self',
    ];
  });
  return [
    markdownTable(head, body, 2),
    '1st-paint = HTML + render-blocking CSS/JS, gzip; JS = all scripts the page runs, gzip; other columns = Lighthouse transfer sizes.',
  ].join('\n');
}

/**
 * Our post's LCP against the reference site's post audited in the same run (rows of type `post`
 * and `reference`), per form factor; none without a reference.
 * @returns {ReferenceComparison[]}
 */
export function referenceComparison(/** @type {Row[]} */ rows) {
  return /** @type {const} */ (['mobile', 'desktop']).flatMap((formFactor) => {
    const ours = rows.find((row) => row.formFactor === formFactor && row.type === 'post');
    const reference = rows.find((row) => row.formFactor === formFactor && row.type === 'reference');
    if (!ours || !reference) return [];
    return [
      {
        formFactor,
        page: ours.page,
        reference: reference.page,
        oursMs: ours.lcpMs,
        referenceMs: reference.lcpMs,
        ratio: ours.lcpMs / reference.lcpMs,
      },
    ];
  });
}

/** The comparison as lines of text. */
export function referenceLines(/** @type {ReferenceComparison[]} */ comparisons) {
  return comparisons.map(
    (c) =>
      `${c.formFactor}: LCP of ${c.page} ${c.oursMs.toFixed(0)} ms, of ${c.reference} ${c.referenceMs.toFixed(0)} ms: ${c.ratio.toFixed(2)}×`,
  );
}

/** Every budget a row misses, as a sentence naming the page, the figure and the limit. The reference site's rows meet no budget but the ratio. */
export function checkBudgets(/** @type {Row[]} */ rows, /** @type {Budgets} */ budgets) {
  const misses = [];
  const limit = budgets.referencePostLcpRatio;
  for (const c of referenceComparison(rows)) {
    if (limit !== undefined && !(c.ratio <= limit))
      misses.push(
        `${c.page} (${c.formFactor}): LCP ${c.ratio.toFixed(2)}× the reference post's (${c.oursMs.toFixed(0)} / ${c.referenceMs.toFixed(0)} ms) > ${limit}×`,
      );
  }
  for (const row of rows) {
    if (row.type === 'reference') continue;
    const where = `${row.page} (${row.formFactor})`;
    for (const [category, min] of Object.entries(budgets.scores)) {
      const got = row.scores[category] ?? 0;
      if (got < min)
        misses.push(
          `${where}: ${category} ${got} < ${min}; failing audits: ${row.failingAudits[category]?.join(', ') || 'see the JSON report'}`,
        );
    }
    const limits = budgets[row.formFactor];
    if (row.lcpMs > limits.lcpMs)
      misses.push(`${where}: LCP ${row.lcpMs.toFixed(0)} ms > ${limits.lcpMs} ms`);
    if (row.cls > limits.cls) misses.push(`${where}: CLS ${row.cls.toFixed(3)} > ${limits.cls}`);
    // Lighthouse shows TBT to 10 ms; a few ms of the browser's own work on a busy machine is not a miss.
    if (Math.round(row.tbtMs / 10) * 10 > limits.tbtMs)
      misses.push(`${where}: TBT ${row.tbtMs.toFixed(0)} ms > ${limits.tbtMs} ms`);
    if (row.pageBytes > limits.pageBytes)
      misses.push(`${where}: page weight ${kb(row.pageBytes)} KB > ${kb(limits.pageBytes)} KB`);
    if (row.criticalBytes > budgets.criticalBytes)
      misses.push(
        `${where}: HTML + render-blocking resources ${kb(row.criticalBytes)} KB gzip > ${kb(budgets.criticalBytes)} KB`,
      );
    if (row.scriptBytes > budgets.scriptBytes)
      misses.push(
        `${where}: JavaScript ${kb(row.scriptBytes)} KB gzip > ${kb(budgets.scriptBytes)} KB`,
      );
    if (row.blockingScripts > budgets.blockingScripts)
      misses.push(
        `${where}: ${row.blockingScripts} render-blocking script(s) > ${budgets.blockingScripts}`,
      );
    if (row.foreignOrigins.length > budgets.foreignOrigins)
      misses.push(`${where}: requests to other origins: ${row.foreignOrigins.join(', ')}`);
  }
  return misses;
}
