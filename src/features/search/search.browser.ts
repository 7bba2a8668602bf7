import { formatPostDate } from '../../lib/dates';
import { correctQuery, excerptParts } from './search-text';

/**
 * The search page: results as the reader types, `?q=` kept in the address (so a search can be
 * linked and opens with its query run), and the keyboard: `/` focuses the field, arrows move
 * through results, Enter opens one, Esc clears the field (and, once empty, goes back).
 * Pagefind and the typo words load with the first query, never on other pages.
 */

interface PagefindSubResult {
  url: string;
  title: string;
  excerpt: string;
  locations?: number[];
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string; date?: string };
  sub_results?: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] } | null>;
}
interface Engine {
  pagefind: Pagefind;
  words: string[];
}

/** Results shown at once, more on request: each needs its post's fragment (a few KB) fetched. */
const PAGE_SIZE = 5;

/** Corrected-query results first (the reader meant those words), then the query's own; each post once. */
export function mergeResults(
  corrected: readonly PagefindResult[],
  exact: readonly PagefindResult[],
): PagefindResult[] {
  const seen = new Set<string>();
  return [...corrected, ...exact].filter((result) => !seen.has(result.id) && seen.add(result.id));
}

/**
 * Where the match is: the section (under a heading with an id) with most matched words, or the post
 * itself when that is its opening (the part under the title, whose heading Pagefind also gives).
 */
function bestSection(data: PagefindData): { url: string; excerpt: string; heading?: string } {
  let best: PagefindSubResult | undefined;
  for (const section of data.sub_results ?? [])
    if ((section.locations?.length ?? 0) > (best?.locations?.length ?? 0)) best = section;
  if (!best || !best.url.includes('#') || best.title === data.meta.title)
    return { url: data.url, excerpt: best?.excerpt || data.excerpt };
  return { url: best.url, excerpt: best.excerpt || data.excerpt, heading: best.title };
}

function renderResult(doc: Document, data: PagefindData, locale: string): HTMLLIElement {
  const { url, excerpt, heading } = bestSection(data);
  const item = doc.createElement('li');
  const link = doc.createElement('a');
  link.href = url;
  link.className = 'search-result-title';
  link.textContent = data.meta.title ?? url;
  item.append(link);
  const line = doc.createElement('div');
  if (data.meta.date) {
    const time = doc.createElement('time');
    time.dateTime = data.meta.date;
    time.textContent = formatPostDate(new Date(`${data.meta.date}T00:00:00Z`), locale);
    line.append(time);
  }
  if (heading) {
    const section = doc.createElement('span');
    section.className = 'search-result-section';
    section.textContent = heading;
    line.append(section);
  }
  item.append(line);
  const text = doc.createElement('p');
  for (const part of excerptParts(excerpt)) {
    if (!part.marked) text.append(part.text);
    else {
      const mark = doc.createElement('mark');
      mark.textContent = part.text;
      text.append(mark);
    }
  }
  item.append(text);
  return item;
}

export function enhanceSearch(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('form[data-search]');
  const input = form?.querySelector<HTMLInputElement>('[data-search-input]');
  const list = doc.querySelector<HTMLOListElement>('[data-search-results]');
  const status = doc.querySelector<HTMLElement>('[data-search-status]');
  if (!form || !input || !list || !status) return;
  const { base = '/', index = '/pagefind/', words = '', locale = 'en' } = form.dataset;

  let engine: Promise<Engine> | undefined;
  const load = () =>
    (engine ??= (async () => {
      const [pagefind, vocabulary] = await Promise.all([
        import(/* @vite-ignore */ `${index}pagefind.js`) as Promise<Pagefind>,
        fetch(words).then((response) =>
          response.ok ? (response.json() as Promise<string[]>) : [],
        ),
      ]);
      await pagefind.options({ baseUrl: base, excerptLength: 24 });
      return { pagefind, words: vocabulary };
    })());

  let latest = 0;
  let ranked: PagefindResult[] = [];
  let shown = 0;
  const more = doc.createElement('button');
  more.type = 'button';
  more.className = 'search-show-more';

  /** Shows the next results (the first ones when none are shown); false once a newer query ran. */
  const showMore = async (run: number) => {
    const next = ranked.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(next.map((result) => result.data()));
    if (run !== latest) return false;
    const items = data.map((item) => renderResult(doc, item, locale));
    if (shown === 0) list.replaceChildren(...items);
    else list.append(...items);
    shown += next.length;
    more.textContent = `Show ${Math.min(PAGE_SIZE, ranked.length - shown)} more`;
    if (shown < ranked.length) list.after(more);
    else more.remove();
    return true;
  };
  more.addEventListener('click', () => void showMore(latest));

  const search = async (query: string) => {
    const run = ++latest;
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
    if (!query.trim()) {
      list.replaceChildren();
      more.remove();
      status.textContent = '';
      return;
    }
    try {
      const { pagefind, words: vocabulary } = await load();
      const corrected = correctQuery(query, vocabulary);
      const [exact, fixed] = await Promise.all([
        pagefind.search(query),
        corrected ? pagefind.search(corrected) : null,
      ]);
      if (run !== latest) return;
      ranked = mergeResults(fixed?.results ?? [], exact?.results ?? []);
      shown = 0;
      if (!(await showMore(run))) return;
      const count = `${ranked.length} ${ranked.length === 1 ? 'post' : 'posts'}`;
      status.textContent =
        ranked.length === 0
          ? `No post matches “${query}”.`
          : corrected && fixed?.results.length
            ? `${count}, including matches for “${corrected}”.`
            : `${count} ${ranked.length === 1 ? 'matches' : 'match'}.`;
    } catch (error) {
      if (run !== latest) return;
      status.textContent = 'Search could not load. Try again, or browse the archive.';
      console.error(error);
    }
  };

  const results = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];
  input.addEventListener('input', () => void search(input.value));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search(input.value);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      results()[0]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (input.value) {
        input.value = '';
        void search('');
      } else if (doc.referrer.startsWith(location.origin) && history.length > 1) history.back();
    }
  });
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Escape') return;
    event.preventDefault();
    const links = results();
    const at = links.indexOf(doc.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') input.focus();
    else if (event.key === 'ArrowDown') (links[at + 1] ?? more)?.focus();
    else (at > 0 ? links[at - 1] : input)?.focus();
  });

  // Pagefind loads with the first query: from the address, or as the reader starts typing.
  input.addEventListener('keydown', () => void load().catch(() => undefined), { once: true });
  const query = new URL(location.href).searchParams.get('q') ?? '';
  input.value = query;
  input.focus();
  if (query) void search(query);
}
