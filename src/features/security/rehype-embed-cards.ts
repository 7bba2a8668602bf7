import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { addNote } from '../../lib/build-notes';
import { embedCard } from '../../lib/embed-card';
import { siteUrl } from '../../lib/paths';
import { disallowedHost, type MediaKind } from './security';

const EMBEDS: Record<string, MediaKind> = { iframe: 'frames', video: 'media', audio: 'media' };

/** The first http(s) URL an embed loads: its `src`, else its first `<source src>`. */
function sourceOf(node: Element): string | undefined {
  const own = node.properties.src;
  if (typeof own === 'string' && own) return own;
  for (const child of node.children) {
    if (
      child.type === 'element' &&
      child.tagName === 'source' &&
      typeof child.properties.src === 'string'
    )
      return child.properties.src;
  }
  return undefined;
}

/**
 * The Content-Security-Policy lets frames and media load only from the hosts in security.ts; any
 * other embed would be shipped as a blank frame. It becomes a link card instead (provider, title and
 * URL), and the build says so, naming the post. Each source is resolved against the page first
 * (`page`, where posts live), so a protocol-relative `//host/x` is judged by its host and a frame of
 * the site's own pages (which `frame-src` does not allow) becomes a card too. An embed with nothing
 * to load (the sanitiser removed a `javascript:` source) is dropped.
 */
export function rehypeEmbedCards({ page = siteUrl('blog/') }: { page?: string } = {}) {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      const kind = EMBEDS[node.tagName];
      if (!kind || !parent || index === undefined) return undefined;
      const src = sourceOf(node);
      let url: URL | undefined;
      try {
        // As the browser reads it on the page: `//host/x` is that host, `/x` the site itself.
        url = src ? new URL(src, page) : undefined;
      } catch {
        url = undefined;
      }
      if (url && !disallowedHost(url.href, kind, page)) return undefined;
      if (!url || !/^https?:$/.test(url.protocol)) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      const title = typeof node.properties.title === 'string' ? node.properties.title : undefined;
      parent.children[index] = embedCard(url, title);
      addNote(
        file,
        'csp',
        `<${node.tagName}> from ${url.origin} is shown as a link (not in allowedRemoteHosts.${kind}, src/features/security/security.ts)`,
      );
      return SKIP;
    });
  };
}
