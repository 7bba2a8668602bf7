import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { truncate } from '../../lib/text';

function text(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (
    node.type === 'element' &&
    ['script', 'style', 'pre', 'figure', 'table'].includes(node.tagName)
  )
    return '';
  if ('children' in node) return node.children.map((child) => text(child as Nodes)).join('');
  return '';
}

function paragraphs(node: Nodes, out: string[]): void {
  if (node.type === 'element' && (node as Element).tagName === 'p') {
    const value = text(node).replace(/\s+/g, ' ').trim();
    if (value) out.push(value);
    return;
  }
  if ('children' in node) for (const child of node.children) paragraphs(child as Nodes, out);
}

/**
 * A description for link previews of a post that has no `desc`: its opening paragraphs as plain
 * text (no code, tables or captions), cut to `max` characters on a word boundary.
 */
export function htmlExcerpt(html: string, max = 200): string | undefined {
  const found: string[] = [];
  paragraphs(fromHtml(html, { fragment: true }), found);
  let excerpt = '';
  for (const paragraph of found) {
    excerpt = excerpt ? `${excerpt} ${paragraph}` : paragraph;
    if ([...excerpt].length >= max) break;
  }
  if (!excerpt) return undefined;
  if ([...excerpt].length <= max) return excerpt;
  const cut = truncate(excerpt, max);
  const lastSpace = cut.lastIndexOf(' ');
  return lastSpace > max / 2 ? `${cut.slice(0, lastSpace).replace(/[\s,;:.–—-]+$/, '')}…` : cut;
}
