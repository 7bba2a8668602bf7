/** One year of the archive: its posts, newest first. */
export interface ArchiveYear<T> {
  year: number;
  posts: T[];
}

/** Posts by year (UTC, as post dates are calendar days), newest year and post first. */
export function groupByYear<T extends { date: Date }>(posts: readonly T[]): ArchiveYear<T>[] {
  const years = new Map<number, T[]>();
  const newestFirst = [...posts].sort((a, b) => b.date.getTime() - a.date.getTime());
  for (const post of newestFirst) {
    const year = post.date.getUTCFullYear();
    years.set(year, [...(years.get(year) ?? []), post]);
  }
  return [...years].sort((a, b) => b[0] - a[0]).map(([year, posts]) => ({ year, posts }));
}
