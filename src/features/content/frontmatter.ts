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

const DATE_PREFIX = /^(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[T ])/;

/**
 * Reads `2022-04-12`, `2026-6-3` and `2021-04-08 04:14:03.7+00` as the day the author meant.
 * YAML parsers turn some of these into `Date`s (at UTC), so those are read in UTC too.
 */
export function parseCalendarDate(value: unknown): CalendarDate | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return {
      year: value.getUTCFullYear(),
      month: value.getUTCMonth() + 1,
      day: value.getUTCDate(),
    };
  }
  if (typeof value !== 'string') return undefined;
  const match = DATE_PREFIX.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

/**
 * The `date:` of a raw frontmatter block as written. YAML reads an unquoted `2024-11-31` as a
 * timestamp and rolls it over to 1 December, so a day that does not exist can only be caught in the text.
 */
export function writtenDate(rawFrontmatter: string): string | undefined {
  const match = /^date:[ \t]*(['"]?)([^'"\n#]*?)\1[ \t]*(?:#.*)?$/m.exec(rawFrontmatter);
  return match?.[2]?.trim() || undefined;
}

/** Midnight UTC of a calendar date: a stable instant for sorting and ISO output. */
export function calendarDateToUtc({ year, month, day }: CalendarDate): Date {
  return new Date(Date.UTC(year, month - 1, day));
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
        const date = parseCalendarDate(value);
        if (!date) {
          ctx.addIssue({
            code: 'custom',
            message:
              value === undefined || value === null || value === ''
                ? 'is required (e.g. 2022-04-12)'
                : `"${String(value)}" is not a date (expected YYYY-MM-DD)`,
          });
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
        const date = parseCalendarDate(value);
        if (date) return calendarDateToUtc(date);
        ctx.addIssue({
          code: 'custom',
          message: `"${String(value)}" is not a date (expected YYYY-MM-DD)`,
        });
        return z.NEVER;
      }),
  })
  .transform(({ canonicalURL, date, ...data }) => ({
    ...data,
    canonicalUrl: data.canonicalUrl ?? canonicalURL,
    date: calendarDateToUtc(date),
  }));
