/**
 * Post dates are calendar days stored as midnight UTC, so they are always formatted in UTC:
 * 2022-04-12 reads "April 12, 2022" whatever the time zone of the machine that builds the site.
 */
export function formatPostDate(date: Date, locale = 'en'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** `YYYY-MM-DD`, for `<time datetime>`. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
