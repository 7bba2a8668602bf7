import { expect, test } from 'vitest';
import { DRAFT_POSTS } from '../support/search-posts';
import { page, readySite } from '../support/sites';

// The archive of the many-posts site: every published post once, by year, newest first.
const site = await readySite('many-posts');

/** Every post of the blog index, all pages (the list the archive must match). */
async function blogIndexPosts(): Promise<string[]> {
  const hrefs: string[] = [];
  for (let n = 1; ; n++) {
    const $ = await page(site, n === 1 ? 'blog/' : `blog/${n}/`).catch(() => undefined);
    if (!$) return hrefs;
    hrefs.push(
      ...$('main .post-card-title a')
        .map((_, a) => $(a).attr('href')!)
        .get(),
    );
  }
}

test('the archive lists every published post once, by year, newest year and post first', async () => {
  const $ = await page(site, 'archive/');
  const sections = $('main section.archive-year');
  const years = sections.map((_, s) => Number($(s).find('h2').attr('id')?.slice(1))).get();
  expect(years.length).toBeGreaterThan(1);
  expect(years).toEqual([...years].sort((a, b) => b - a));
  const listed: string[] = [];
  const days: string[] = [];
  sections.each((_, section) => {
    const year = $(section).find('h2').attr('id')!.slice(1);
    $(section)
      .find('li')
      .each((_, item) => {
        listed.push($(item).find('a').attr('href')!);
        const day = $(item).find('time').attr('datetime')!;
        expect(day.slice(0, 4)).toBe(year);
        days.push(day);
      });
  });
  expect(days).toEqual([...days].sort().reverse());
  const published = await blogIndexPosts();
  expect(new Set(listed).size).toBe(listed.length);
  expect([...listed].sort()).toEqual([...published].sort());
  for (const draft of DRAFT_POSTS) expect(listed).not.toContain(`/blog/${draft.id}/`);
});

test('the archive is linked from every page’s footer and from the search page', async () => {
  for (const path of ['', 'blog/', 'tags/', 'search/']) {
    const $ = await page(site, path);
    expect($('footer a[href="/archive/"]').length, path || 'home').toBe(1);
  }
  expect((await page(site, 'search/'))('main a[href="/archive/"]').length).toBeGreaterThan(0);
});

test('every page’s header has the search entry, and the search page its search field', async () => {
  for (const path of ['', 'archive/', 'blog/', `blog/${'storage-layer-notes'}/`]) {
    const $ = await page(site, path);
    expect($('header a[data-search-entry]').attr('href'), path || 'home').toBe('/search/');
  }
  const $ = await page(site, 'search/');
  expect($('main form[role=search] input[type=search][name=q]').length).toBe(1);
  expect($('main form[role=search]').attr('action')).toBe('/search/');
});
