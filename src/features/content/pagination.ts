/** Posts per page of the blog index and of each tag page: keeps the first page within one round trip. */
export const POSTS_PER_PAGE = 20;

/** A link in the page-number list, or a gap standing for the numbers left out. */
export type PageLink = number | 'gap';

/**
 * The page numbers a list's navigation shows on page `current` of `last`: the first and the last
 * page, and `around` pages either side of the current one; runs left out become one `'gap'`
 * (a gap never stands for a single page: that page is shown instead).
 */
export function pageLinks(current: number, last: number, around = 2): PageLink[] {
  if (
    !Number.isInteger(last) ||
    last < 1 ||
    !Number.isInteger(current) ||
    current < 1 ||
    current > last
  ) {
    throw new Error(`page ${current} of ${last} does not exist`);
  }
  const shown = new Set([1, last]);
  for (let page = current - around; page <= current + around; page++)
    if (page >= 1 && page <= last) shown.add(page);
  const pages = [...shown].sort((a, b) => a - b);
  const links: PageLink[] = [];
  for (const page of pages) {
    const previous = links.at(-1);
    if (typeof previous === 'number' && page - previous === 2) links.push(previous + 1);
    else if (typeof previous === 'number' && page - previous > 2) links.push('gap');
    links.push(page);
  }
  return links;
}
