import type { Element, Root, RootContent } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/**
 * Wraps each table in a focusable, labelled region that scrolls sideways on its own, so a wide
 * table never widens the page and keyboard users can scroll it too. The table keeps its table
 * semantics (no `display: block` on the table itself).
 */
export function rehypeScrollTables() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: {
          className: ['table-scroll'],
          role: 'region',
          tabIndex: 0,
          ariaLabel: 'Table',
        },
        children: [node],
      };
      (parent.children as RootContent[])[index] = wrapper;
      return [SKIP, index + 1];
    });
  };
}
