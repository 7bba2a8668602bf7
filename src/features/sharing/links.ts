import { truncate } from '../../lib/text';

/**
 * Share-intent URLs for each network, built from a page's canonical URL and title.
 * Every value goes through encodeURIComponent (never `+` for spaces: mail clients read `+`
 * literally), so quotes, `&`, `#`, `<` and emoji survive the round trip.
 */

export interface SharePage {
  /** Absolute canonical URL of the page. */
  url: string;
  title: string;
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

/** A post's text on X: the title, cut so that title + link + "via @handle" stay well under 280. */
const X_TEXT_MAX = 200;

/** X web intent (https://developer.x.com/en/docs/x-for-websites/tweet-button/guides/web-intent). */
export function xShareUrl(page: SharePage, handle?: string): string {
  return `https://twitter.com/intent/tweet?${query({
    text: truncate(page.title, X_TEXT_MAX),
    url: page.url,
    via: handle?.replace(/^@/, ''),
  })}`;
}

/** Bluesky's compose intent (https://docs.bsky.app/docs/advanced-guides/intent-links): one text, 300 graphemes at most. */
export function blueskyShareUrl(page: SharePage): string {
  return `https://bsky.app/intent/compose?${query({ text: `${truncate(page.title, 300 - [...page.url].length - 2)}\n\n${page.url}` })}`;
}

/** Threads' post intent: text, and the page as its link attachment. */
export function threadsShareUrl(page: SharePage): string {
  return `https://www.threads.com/intent/post?${query({ text: page.title, url: page.url })}`;
}

export function linkedInShareUrl(page: SharePage): string {
  return `https://www.linkedin.com/sharing/share-offsite/?${query({ url: page.url })}`;
}

export function facebookShareUrl(page: SharePage): string {
  return `https://www.facebook.com/sharer/sharer.php?${query({ u: page.url })}`;
}

export function redditShareUrl(page: SharePage): string {
  return `https://www.reddit.com/submit?${query({ url: page.url, title: page.title })}`;
}

export function hackerNewsShareUrl(page: SharePage): string {
  return `https://news.ycombinator.com/submitlink?${query({ u: page.url, t: page.title })}`;
}

/** A mail draft; its body breaks lines with CRLF, as RFC 6068 asks of `mailto:` bodies. */
export function emailShareUrl(page: SharePage): string {
  return `mailto:?${query({ subject: page.title, body: `${page.title}\r\n\r\n${page.url}` })}`;
}

/** What a Mastodon post about the page says: the title, then the link. */
export function mastodonText(page: SharePage): string {
  return `${page.title}\n\n${page.url}`;
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

/** The share links shown under a post, in display order. */
export function shareLinks(page: SharePage, options: ShareLinkOptions): ShareLink[] {
  return [
    { network: 'x', label: 'X (Twitter)', href: xShareUrl(page, options.xHandle), external: true },
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
