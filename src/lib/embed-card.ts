import type { Element, ElementContent } from 'hast';

/** Names readers know embeds by; any other host is named by its host name. */
const PROVIDERS: Array<[host: RegExp, name: string]> = [
  [/(^|\.)vimeo\.com$/, 'Vimeo'],
  [/(^|\.)spotify\.com$/, 'Spotify'],
  [/(^|\.)youtube(-nocookie)?\.com$|^youtu\.be$/, 'YouTube'],
  [/(^|\.)bilibili\.com$/, 'Bilibili'],
  [/(^|\.)soundcloud\.com$/, 'SoundCloud'],
  [/(^|\.)(twitter|x)\.com$/, 'X'],
  [/(^|\.)codepen\.io$/, 'CodePen'],
  [/(^|\.)google\.com$/, 'Google'],
  [/(^|\.)loom\.com$/, 'Loom'],
  [/(^|\.)figma\.com$/, 'Figma'],
];

export function providerName(url: URL): string {
  const host = url.hostname.replace(/^www\./, '');
  return PROVIDERS.find(([pattern]) => pattern.test(host))?.[1] ?? host;
}

const el = (tagName: string, className: string, children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties: { className: [className] },
  children,
});
const txt = (value: string): ElementContent => ({ type: 'text', value });

/** A link in place of an embed: who provides it, what it is (its title, when it has one) and where it lives. */
export function embedCard(url: URL, title?: string): Element {
  const shown = `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  const children: ElementContent[] = [el('span', 'embed-card-provider', [txt(providerName(url))])];
  if (title?.trim()) children.push(txt(': '), el('span', 'embed-card-title', [txt(title.trim())]));
  children.push(txt(' '), el('span', 'embed-card-url', [txt(shown)]));
  return {
    type: 'element',
    tagName: 'a',
    properties: { href: url.href, className: ['embed-card'] },
    children,
  };
}
