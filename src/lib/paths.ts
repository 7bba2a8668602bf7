import { slug } from 'github-slugger';
import { site } from '../config/site.ts';

/**
 * The one module that builds the site's paths and URLs. Nothing else derives the base, adds a
 * trailing slash or joins a path onto the origin. (Extensions in imports: `scripts/serve.mjs`
 * loads this file with Node directly.)
 */

/** Normalises `BASE_PATH` as written (`milestones`, `/milestones`, `/milestones/`, empty) to `/milestones/` or `/`. */
export function normaliseBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** The deployment base, with leading and trailing slashes: `/` or `/milestones/`. */
export const base = normaliseBase(site.basePath);

/** Joins a site-relative path onto the base: `withBase('blog/')` → `/milestones/blog/`. */
export function withBase(path: string, onto: string = base): string {
  return normaliseBase(onto).replace(/\/$/, '') + '/' + path.replace(/^\/+/, '');
}

/** Absolute URL of a path that already carries the base (as `withBase` returns it). */
export function absoluteUrl(pathWithBase: string, origin: URL | string = site.url): string {
  return new URL(pathWithBase, origin).href;
}

/** Absolute URL of a site-relative path: `siteUrl('rss.xml')` → `https://host/base/rss.xml`. */
export function siteUrl(path: string): string {
  return absoluteUrl(withBase(path));
}

/** Percent-encodes each segment, so names with spaces, `%`, `#`, `?` or non-ASCII letters stay one path. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** `2022-4-12-milvus-10k-stars.md` → `2022-4-12-milvus-10k-stars`: case, dots and non-ASCII kept. */
export function entryIdFromPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/\.mdx?$/i, '');
}

export function postPath(id: string): string {
  return withBase(`blog/${encodePath(id)}/`);
}

/**
 * Symbols that tell tags apart but that slugs drop: `C`, `C++` and `C#` are three languages. Each is
 * spelled as a word before slugging (`c`, `c-plus-plus`, `c-sharp`; `.NET` → `dot-net`).
 */
const TAG_SYMBOLS: Array<[symbol: RegExp, word: string]> = [
  [/\+/g, ' plus '],
  [/#/g, ' sharp '],
  [/&/g, ' and '],
  [/@/g, ' at '],
  [/(^|\s)\.(?=[\p{L}\p{N}])/gu, '$1dot '],
];

/**
 * `Artificial Intelligence` → `artificial-intelligence`; non-Latin tags keep their letters;
 * `C++` → `c-plus-plus` and `C#` → `c-sharp` (TAG_SYMBOLS). A tag with no letter or digit at all
 * (`🚀`, `---`) is named by its code points (`tag-1f680`): stable, unique per tag and a plain path
 * segment (a percent-encoded slug would not match its own route). A slug maps to itself.
 */
export function tagSlug(tag: string): string {
  const spelled = TAG_SYMBOLS.reduce((text, [symbol, word]) => text.replace(symbol, word), tag);
  const named = slug(spelled.trim()).replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
  if (/[\p{L}\p{N}]/u.test(named)) return named;
  const codePoints = [...tag.trim().toLowerCase()]
    .filter((c) => !/\s/.test(c))
    .map((c) => c.codePointAt(0)!.toString(16));
  return `tag-${codePoints.join('-') || 'empty'}`;
}

/** Page `page` (from 1) of a paginated list whose first page is the site-relative `first`: `blog/` → `blog/`, `blog/2/`, … */
function listPage(first: string, page: number): string {
  if (!Number.isInteger(page) || page < 1)
    throw new Error(`list page numbers start at 1 (got ${page})`);
  return withBase(page === 1 ? first : `${first}${page}/`);
}

/** Page `page` of the list of all posts: `/blog/` is page 1, then `/blog/2/`, `/blog/3/`, … */
export function blogPagePath(page = 1): string {
  return listPage('blog/', page);
}

/** Page `page` of a tag's posts: `/tags/<slug>/` is page 1, then `/tags/<slug>/2/`, … */
export function tagPath(tag: string, page = 1): string {
  return listPage(`tags/${tagSlug(tag)}/`, page);
}

/** A generated media file (`/media/<name>`). */
export function mediaPath(name: string): string {
  return withBase(`media/${encodePath(name)}`);
}

/** The site's own Mastodon share page for a post. */
export function mastodonSharePath(id: string): string {
  return withBase(`share/mastodon/${encodePath(id)}/`);
}

export const feedPath = 'rss.xml';

/** A file the feed names (an item's cover rendition, `src/features/feed/feed-picture.ts`). */
export function feedFilePath(name: string): string {
  return withBase(`feed/${encodePath(name)}`);
}

/** A post's share card. */
export function postCardPath(id: string): string {
  return withBase(`og/posts/${encodePath(id)}.jpg`);
}

/** The site-wide share card of every page that is not a post. */
export const defaultCardPath = withBase('og/default.jpg');

/** A PNG rendition of the site's mark (`src/features/sharing/icons.ts`). */
export function iconPath(name: string): string {
  return withBase(`icons/${name}.png`);
}

/** KaTeX's stylesheet and fonts, on pages with math (`src/features/math/katex-assets.ts`). */
export const katexStylesheetPath = withBase('math/katex.css');

export function mathFontPath(name: string): string {
  return withBase(`math/fonts/${encodePath(name)}`);
}

/** The layout rules of one post's math (`src/features/math/rehype-math-classes.ts`). */
export function postMathStylesPath(id: string): string {
  return withBase(`math/posts/${encodePath(id)}.css`);
}
