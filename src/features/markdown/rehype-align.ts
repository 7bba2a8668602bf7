import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const ALIGNMENTS = new Set(['left', 'center', 'right', 'justify']);

/**
 * Replaces the obsolete `align` attribute (raw HTML such as `<div align="center">`, and GFM
 * table cells) with an `align-*` class the stylesheet styles, so the output is valid HTML.
 */
export function rehypeAlignToClass() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const align = node.properties.align;
      if (align === undefined) return;
      delete node.properties.align;
      const value = String(align).toLowerCase();
      if (!ALIGNMENTS.has(value)) return;
      const existing = node.properties.className;
      const classes = Array.isArray(existing) ? existing : [];
      node.properties.className = [...classes, `align-${value}`];
    });
  };
}
