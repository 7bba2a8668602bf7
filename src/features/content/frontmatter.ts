import { z } from 'astro/zod';
import { cleanText } from '../../lib/text';
import { normaliseWebUrl } from '../../lib/web-url';

/**
 * The frontmatter format shared by real Milvus blog posts, validated and normalised once.
 * Only `title` and `date` are required; everything else is optional and may be empty,
 * written in several shapes, or accompanied by keys we do not use (those are ignored).
 */

/** A calendar date with no time zone: what the author wrote, shown the same everywhere. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DATE_PREFIX = /^(\d{4,})-(\d{1,2})-(\d{1,2})(?=$|[T ])/;
/** Four-digit years: earlier ones are typos (`0022`), or two-digit years that JavaScript reads as 19xx. */
export const YEAR_RANGE = { min: 1000, max: 9999 } as const;

/**
 * Reads `2022-04-12`, `2026-6-3` and `2021-04-08 04:14:03.7+00` as the day the author meant, or
 * says why it is not one: not a date, a day that does not exist (`2024-02-30`), or a year outside
 * YEAR_RANGE. YAML parsers turn some of these into `Date`s (at UTC), so those are read in UTC too.
 */
export function readCalendarDate(value: unknown): CalendarDate | { error: string } {
  const notADate = { error: `"${String(value)}" is not a date (expected YYYY-MM-DD)` };
  let date: CalendarDate;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return notADate;
    date = {
      year: value.getUTCFullYear(),
      month: value.getUTCMonth() + 1,
      day: value.getUTCDate(),
    };
  } else {
    const match = typeof value === 'string' ? DATE_PREFIX.exec(value.trim()) : null;
    if (!match) return notADate;
    const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
    date = { year, month, day };
  }
  if (date.year < YEAR_RANGE.min || date.year > YEAR_RANGE.max)
    return {
      error: `"${String(value)}" has the year ${date.year}: years from ${YEAR_RANGE.min} to ${YEAR_RANGE.max} only (YYYY-MM-DD)`,
    };
  const check = calendarDateToUtc(date);
  if (check.getUTCMonth() !== date.month - 1 || check.getUTCDate() !== date.day)
    return { error: `"${String(value)}" is not a date: that day does not exist (YYYY-MM-DD)` };
  return date;
}

/** The calendar day `value` names, or undefined (readCalendarDate says why). */
export function parseCalendarDate(value: unknown): CalendarDate | undefined {
  const date = readCalendarDate(value);
  return 'error' in date ? undefined : date;
}

/** The frontmatter fields that hold a calendar day. */
export const DATE_FIELDS = ['date', 'updated'] as const;

/**
 * A date field of a raw frontmatter block as written. YAML reads an unquoted `2024-11-31` as a
 * timestamp and rolls it over to 1 December (and `0099-01-01` to 1999), so a day that does not
 * exist can only be caught in the text.
 */
export function writtenDate(rawFrontmatter: string, field: string = 'date'): string | undefined {
  const match = new RegExp(`^${field}:[ \\t]*(['"]?)([^'"\\n#]*?)\\1[ \\t]*(?:#.*)?$`, 'm').exec(
    rawFrontmatter,
  );
  return match?.[2]?.trim() || undefined;
}

/** Midnight UTC of a calendar date: a stable instant for sorting and ISO output. */
export function calendarDateToUtc({ year, month, day }: CalendarDate): Date {
  const date = new Date(Date.UTC(2000, month - 1, day));
  // Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear takes the year as given.
  date.setUTCFullYear(year);
  return date;
}

/** `"Data science, Database"`, a YAML list, or nothing: always a clean, de-duplicated list. */
export function parseTags(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string' && typeof item !== 'number') continue;
    const tag = cleanText(String(item));
    const key = tag.toLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      tags.push(tag);
    }
  }
  return tags;
}

const emptyToUndefined = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;

/** Optional free text: strings or numbers, empty means absent. */
const optionalText = z.preprocess(
  emptyToUndefined,
  z
    .union([z.string(), z.number()])
    .transform((v) => cleanText(String(v)))
    .optional(),
);

const optionalWebUrl = z.preprocess(
  emptyToUndefined,
  z
    .string({ error: 'must be a URL string' })
    .transform((value, ctx) => {
      const result = normaliseWebUrl(value);
      if ('error' in result) {
        ctx.addIssue({ code: 'custom', message: result.error });
        return z.NEVER;
      }
      return result.url;
    })
    .optional(),
);

export const postFrontmatterSchema = z
  .object({
    id: optionalText,
    title: z.preprocess(
      emptyToUndefined,
      z
        .union([z.string(), z.number()], {
          error: (issue) =>
            issue.input === undefined ? 'is required (the post needs a title)' : 'must be text',
        })
        .transform((v) => cleanText(String(v))),
    ),
    date: z
      .unknown()
      .optional()
      .transform((value, ctx) => {
        if (emptyToUndefined(value) === undefined) {
          ctx.addIssue({ code: 'custom', message: 'is required (e.g. 2022-04-12)' });
          return z.NEVER;
        }
        const date = readCalendarDate(value);
        if ('error' in date) {
          ctx.addIssue({ code: 'custom', message: date.error });
          return z.NEVER;
        }
        return date;
      }),
    author: optionalText,
    desc: optionalText,
    cover: optionalWebUrl,
    tag: optionalText,
    tags: z.unknown().optional().transform(parseTags),
    canonicalUrl: optionalWebUrl,
    // Some posts spell it this way; it is merged into `canonicalUrl` below.
    canonicalURL: optionalWebUrl,
    /** When the post was last changed, if its author says so (`dateModified` in its JSON-LD). */
    updated: z
      .unknown()
      .optional()
      .transform((value, ctx) => {
        if (emptyToUndefined(value) === undefined) return undefined;
        const date = readCalendarDate(value);
        if (!('error' in date)) return calendarDateToUtc(date);
        ctx.addIssue({ code: 'custom', message: date.error });
        return z.NEVER;
      }),
  })
  .transform(({ canonicalURL, date, ...data }) => ({
    ...data,
    canonicalUrl: data.canonicalUrl ?? canonicalURL,
    date: calendarDateToUtc(date),
  }));
