// The growth history: dated counts, read from a `date,count` CSV or inline in the data file.

export interface HistoryPoint {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  count: number;
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `date` is a real calendar day in YYYY-MM-DD form. */
export function isIsoDate(date: string): boolean {
  if (!ISO_DATE.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

export const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

export class HistoryError extends Error {}

/**
 * Points of a `date,count` CSV (a header line is optional; blank lines are skipped). Errors name
 * the line. Dates must rise; counts are whole and not negative.
 */
export function parseHistoryCsv(text: string, where: string): HistoryPoint[] {
  const points: HistoryPoint[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || (index === 0 && /^date\s*,\s*count$/i.test(line))) return;
    const [date = '', count = '', ...rest] = line.split(',').map((cell) => cell.trim());
    const at = `${where}:${index + 1}`;
    if (rest.length > 0 || !isIsoDate(date) || !/^\d+$/.test(count))
      throw new HistoryError(`${at}: expected "YYYY-MM-DD,count", found "${line}"`);
    points.push({ date, count: Number(count) });
  });
  checkHistory(points, where);
  return points;
}

/** Fails unless the points are in date order, one per day, and there are at least two. */
export function checkHistory(points: readonly HistoryPoint[], where: string): void {
  if (points.length < 2)
    throw new HistoryError(`${where}: needs at least two dated counts, found ${points.length}`);
  points.forEach((point, i) => {
    const before = points[i - 1];
    if (before && point.date <= before.date)
      throw new HistoryError(
        `${where}: ${point.date} comes after ${before.date}; dates must rise, one count per day`,
      );
  });
}

export function historyCsv(points: readonly HistoryPoint[]): string {
  return `date,count\n${points.map((p) => `${p.date},${p.count}`).join('\n')}\n`;
}

/** The count on `date`, read off the curve (linear between points, flat outside them). */
export function countOn(points: readonly HistoryPoint[], date: number): number {
  const first = points[0]!;
  const last = points.at(-1)!;
  if (date <= dayNumber(first.date)) return first.count;
  if (date >= dayNumber(last.date)) return last.count;
  const i = points.findIndex((p) => dayNumber(p.date) >= date);
  const [a, b] = [points[i - 1]!, points[i]!];
  const t = (date - dayNumber(a.date)) / (dayNumber(b.date) - dayNumber(a.date));
  return a.count + (b.count - a.count) * t;
}

/**
 * The history as the art draws it: up to the milestone's day, ending on the milestone value
 * (a history that runs past the milestone is cut there; one that ends before it is joined to it).
 */
export function curveTo(
  points: readonly HistoryPoint[],
  date: string,
  value: number,
): HistoryPoint[] {
  const before = points.filter((p) => p.date < date && p.count < value);
  return [...before, { date, count: value }];
}
