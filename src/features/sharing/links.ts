/**
 * Share-intent URLs for each network, built from a page's canonical URL, title and short line,
 * each text within its network's limit as that network counts it.
 * Every value goes through encodeURIComponent (never `+` for spaces: mail clients read `+`
 * literally), so quotes, `&`, `#`, `<` and emoji survive the round trip.
 */

export interface SharePage {
  /** Absolute canonical URL of the page. */
  url: string;
  title: string;
  /** A short line after the title (the post's description), cut to fit each network's limit. */
  line?: string;
}

export type ShareNetwork =
  | 'x'
  | 'bluesky'
  | 'threads'
  | 'linkedin'
  | 'facebook'
  | 'reddit'
  | 'hackernews'
  | 'mastodon'
  | 'email';

export interface ShareLink {
  network: ShareNetwork;
  /** Visible name and accessible name of the link. */
  label: string;
  href: string;
  /** Whether the link leaves the site (those open in a new tab, without opener or referrer). */
  external: boolean;
}

function query(params: Record<string, string | undefined>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
}

const graphemes = (text: string) => [
  ...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text),
];

/** Each network's limit on a post's length, and how it counts a link. */
export const SHARE_LIMITS = {
  /** X: 280, weighted (below); every link counts 23 whatever its length. */
  x: { max: 280, url: 23 },
  /** Bluesky: 300 graphemes, the link in full. */
  bluesky: { max: 300 },
  /** Threads: 500 characters. */
  threads: { max: 500 },
  /** Mastodon (the default instance setting): 500 characters, every link 23. */
  mastodon: { max: 500, url: 23 },
  /** Reddit's title field. */
  reddit: { max: 300 },
  /** Hacker News' title field. */
  hackernews: { max: 80 },
} as const;

/** X's weight of one grapheme: 1 for Latin and common punctuation, 2 for the rest (CJK, emoji). */
function xWeight(grapheme: string): number {
  if (/\p{Extended_Pictographic}/u.test(grapheme)) return 2;
  let weight = 0;
  for (const char of grapheme) {
    const code = char.codePointAt(0)!;
    const light =
      code <= 0x10ff ||
      (code >= 0x2000 && code <= 0x200d) ||
      (code >= 0x2010 && code <= 0x201f) ||
      (code >= 0x2032 && code <= 0x2037);
    weight += light ? 1 : 2;
  }
  return weight;
}

const URL_PATTERN = /https?:\/\/\S+/g;

/** A text's length as X counts it: weighted graphemes, each link 23. */
export function xLength(text: string): number {
  const links = text.match(URL_PATTERN) ?? [];
  const rest = text.replace(URL_PATTERN, '');
  return (
    links.length * SHARE_LIMITS.x.url +
    graphemes(rest).reduce((sum, g) => sum + xWeight(g.segment), 0)
  );
}

/** Cuts `text` on a grapheme boundary so that `measure(result) <= max`, ending with "…" when cut. */
function fit(text: string, max: number, measure: (text: string) => number): string {
  if (measure(text) <= max) return text;
  let out = '';
  for (const { segment } of graphemes(text)) {
    if (measure(`${out}${segment}…`) > max) break;
    out += segment;
  }
  return out ? `${out.trimEnd()}…` : '';
}

const countGraphemes = (text: string) => graphemes(text).length;
const countChars = (text: string) => [...text].length;

/**
 * The title and, room permitting, the short line under it, so that with `rest` (what the
 * network adds: the link, "via @handle") the post stays within `max` as `measure` counts it.
 * The line is cut first; the title only when it alone is too long.
 */
function titleAndLine(
  page: SharePage,
  rest: string,
  max: number,
  measure: (text: string) => number,
): string {
  const room = max - measure(rest);
  const title = fit(page.title, room, measure);
  if (!page.line || title !== page.title) return title;
  const line = fit(page.line, room - measure(`${title}\n\n`), measure);
  return line.length > 1 ? `${title}\n\n${line}` : title;
}

/** The text X pre-fills: title and line, within 280 with the link (23) and " via @handle". */
export function xText(page: SharePage, handle?: string): string {
  const via = handle ? ` via @${handle.replace(/^@/, '')}` : '';
  return titleAndLine(page, ` ${page.url}${via}`, SHARE_LIMITS.x.max, xLength);
}

/** X web intent (https://developer.x.com/en/docs/x-for-websites/tweet-button/guides/web-intent). */
export function xShareUrl(page: SharePage, handle?: string): string {
  return `https://twitter.com/intent/tweet?${query({
    text: xText(page, handle),
    url: page.url,
    via: handle?.replace(/^@/, ''),
  })}`;
}

/** Bluesky's compose intent (https://docs.bsky.app/docs/advanced-guides/intent-links): one text, 300 graphemes at most. */
export function blueskyShareUrl(page: SharePage): string {
  const rest = `\n\n${page.url}`;
  return `https://bsky.app/intent/compose?${query({
    text: `${titleAndLine(page, rest, SHARE_LIMITS.bluesky.max, countGraphemes)}${rest}`,
  })}`;
}

/** Threads' post intent: text, and the page as its link attachment (counted in the 500). */
export function threadsShareUrl(page: SharePage): string {
  return `https://www.threads.com/intent/post?${query({
    text: titleAndLine(page, ` ${page.url}`, SHARE_LIMITS.threads.max, countChars),
    url: page.url,
  })}`;
}

export function linkedInShareUrl(page: SharePage): string {
  return `https://www.linkedin.com/sharing/share-offsite/?${query({ url: page.url })}`;
}

export function facebookShareUrl(page: SharePage): string {
  return `https://www.facebook.com/sharer/sharer.php?${query({ u: page.url })}`;
}

export function redditShareUrl(page: SharePage): string {
  return `https://www.reddit.com/submit?${query({ url: page.url, title: fit(page.title, SHARE_LIMITS.reddit.max, countChars) })}`;
}

export function hackerNewsShareUrl(page: SharePage): string {
  return `https://news.ycombinator.com/submitlink?${query({ u: page.url, t: fit(page.title, SHARE_LIMITS.hackernews.max, countChars) })}`;
}

/** A mail draft: the title as subject; the line, then the link, as body (CRLF, as RFC 6068 asks of `mailto:` bodies). */
export function emailShareUrl(page: SharePage): string {
  const body = [page.line ?? page.title, page.url].join('\r\n\r\n');
  return `mailto:?${query({ subject: page.title, body })}`;
}

/** Mastodon's length: characters, each link 23. */
const mastodonLength = (text: string) =>
  countChars(text.replace(URL_PATTERN, '')) +
  (text.match(URL_PATTERN)?.length ?? 0) * SHARE_LIMITS.mastodon.url;

/** What a Mastodon post about the page says: the title and line, then the link, within 500. */
export function mastodonText(page: SharePage): string {
  const rest = `\n\n${page.url}`;
  return `${titleAndLine(page, rest, SHARE_LIMITS.mastodon.max, mastodonLength)}${rest}`;
}

/**
 * Turns what a reader typed for their instance (`mastodon.social`, `https://fosstodon.org/`,
 * `@me@hachyderm.io`) into a host name, or undefined when it is not one.
 */
export function mastodonInstanceHost(input: string): string | undefined {
  let value = input.trim();
  const account = /^@?[^@\s/]+@([^@\s/]+)$/.exec(value);
  if (account?.[1]) value = account[1];
  if (!/^https?:\/\//i.test(value)) value = `https://${value}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.username || url.password || !/^[a-z\d-]+(\.[a-z\d-]+)+$/i.test(url.hostname))
    return undefined;
  return url.host.toLowerCase();
}

/** Mastodon's share endpoint on the reader's instance: `https://<instance>/share?text=…`. */
export function mastodonShareUrl(instance: string, text: string): string | undefined {
  const host = mastodonInstanceHost(instance);
  return host ? `https://${host}/share?${query({ text })}` : undefined;
}

/**
 * The `web+mastodon:` scheme, handled by Mastodon apps and web clients that registered for it;
 * a way to share with no instance typed and no script.
 */
export function mastodonProtocolUrl(text: string): string {
  return `web+mastodon://share?${query({ text })}`;
}

export interface ShareLinkOptions {
  /** The site's X handle, with or without `@`. */
  xHandle?: string;
  /** Site-relative path of the site's own Mastodon share page for this post. */
  mastodonPage: string;
}

/** The share links shown under a post, in display order: X first, the one readers come for. */
export function shareLinks(page: SharePage, options: ShareLinkOptions): ShareLink[] {
  return [
    { network: 'x', label: 'Share on X', href: xShareUrl(page, options.xHandle), external: true },
    { network: 'bluesky', label: 'Bluesky', href: blueskyShareUrl(page), external: true },
    { network: 'threads', label: 'Threads', href: threadsShareUrl(page), external: true },
    { network: 'linkedin', label: 'LinkedIn', href: linkedInShareUrl(page), external: true },
    { network: 'facebook', label: 'Facebook', href: facebookShareUrl(page), external: true },
    { network: 'reddit', label: 'Reddit', href: redditShareUrl(page), external: true },
    { network: 'hackernews', label: 'Hacker News', href: hackerNewsShareUrl(page), external: true },
    { network: 'mastodon', label: 'Mastodon', href: options.mastodonPage, external: false },
    { network: 'email', label: 'Email', href: emailShareUrl(page), external: false },
  ];
}
