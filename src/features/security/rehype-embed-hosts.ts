import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { addNote } from '../../lib/build-notes';
import { siteUrl } from '../../lib/paths';
import { disallowedHost, type MediaKind } from './security';

const SOURCES: Record<string, Array<[attribute: string, kind: MediaKind]>> = {
  img: [
    ['src', 'images'],
    ['srcSet', 'images'],
  ],
  video: [
    ['src', 'media'],
    ['poster', 'images'],
  ],
  audio: [['src', 'media']],
  iframe: [['src', 'frames']],
};

function urlsOf(attribute: string, value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return attribute === 'srcSet'
    ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '')
    : [value];
}

/**
 * Finds what a post embeds that the Content-Security-Policy will block (a host missing from
 * `allowedRemoteHosts`, an `<object>`, an inline `<script>`) and warns at build, naming the post.
 */
export function findBlockedEmbeds(tree: Root, page: string = siteUrl('blog/')): string[] {
  const problems: string[] = [];
  visit(tree, 'element', (node: Element, _index, parent) => {
    if (node.tagName === 'script')
      problems.push('a <script> element (scripts in posts are blocked)');
    if (node.tagName === 'object' || node.tagName === 'embed')
      problems.push(`an <${node.tagName}> element (plugins are blocked)`);
    const parentTag = parent?.type === 'element' ? parent.tagName : undefined;
    const checks =
      node.tagName === 'source'
        ? parentTag === 'picture'
          ? SOURCES.img
          : SOURCES.video
        : SOURCES[node.tagName];
    for (const [attribute, kind] of checks ?? []) {
      for (const url of urlsOf(attribute, node.properties[attribute])) {
        const host = disallowedHost(url, kind, page);
        if (host)
          problems.push(
            `${host} in <${node.tagName} ${attribute.toLowerCase()}> (not in allowedRemoteHosts.${kind})`,
          );
      }
    }
  });
  return [...new Set(problems)];
}

/**
 * The last check of the pipeline: after the sanitiser and the embed cards nothing should be left to
 * block, so a note here means a plugin let something through.
 */
export function rehypeEmbedHosts() {
  return (tree: Root, file: VFile) => {
    for (const problem of findBlockedEmbeds(tree)) {
      addNote(
        file,
        'csp',
        `embeds ${problem}; the Content-Security-Policy will block it. Allowed hosts live in src/features/security/security.ts.`,
      );
    }
  };
}
