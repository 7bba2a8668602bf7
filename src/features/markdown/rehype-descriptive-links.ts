import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Link texts that say nothing about where the link goes (the English ones search engines and Lighthouse flag). */
const GENERIC_LINK_TEXTS = new Set([
  'click here',
  'click this',
  'go',
  'here',
  'information',
  'learn more',
  'link',
  'more',
  'more info',
  'more information',
  'read more',
  'right here',
  'see more',
  'start',
  'this',
  'this link',
  'this page',
]);

export function isGenericLinkText(text: string): boolean {
  return GENERIC_LINK_TEXTS.has(text.replace(/\s+/g, ' ').trim().toLowerCase());
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

/**
 * A link written as "Click <a>here</a>" names its destination only through the sentence around it.
 * For links to other sites, this appends the host as visually hidden text ("here (youtube.com)"),
 * so screen-reader link lists and search engines learn where it goes; the page looks the same and
 * the author's words are unchanged.
 */
export function rehypeDescriptiveLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
      if (!isGenericLinkText(node.children.map(textOf).join(''))) return;
      let host: string;
      try {
        const url = new URL(node.properties.href);
        if (url.protocol !== 'https:' && url.protocol !== 'http:') return;
        host = url.hostname.replace(/^www\./, '');
      } catch {
        return; // a relative link: its own page, nothing to add
      }
      node.children.push({
        type: 'element',
        tagName: 'span',
        properties: { className: ['visually-hidden'] },
        children: [{ type: 'text', value: ` (${host})` }],
      });
    });
  };
}
