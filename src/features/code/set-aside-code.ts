import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

const setAside = new WeakMap<VFile, Array<[Element, ElementContent[]]>>();

/** A block Shiki has highlighted (Astro's wrapper renames Shiki's `shiki` class to `astro-code`). */
export function isHighlightedCode(node: Element): boolean {
  if (node.tagName !== 'pre') return false;
  const value = node.properties.className ?? node.properties.class;
  return (Array.isArray(value) ? value.map(String) : String(value ?? '').split(/\s+/)).includes(
    'astro-code',
  );
}

/**
 * Highlighted code is most of a post's elements (a `<span>` per token), and the steps after Shiki
 * (headings, tables, links, embeds) have nothing to do inside it, yet each walked every token.
 * `rehypeSetAsideCode` empties each highlighted `<pre>` for them, keeping its contents;
 * `rehypeRestoreCode` puts them back before Astro's own steps and the HTML.
 */
export function rehypeSetAsideCode() {
  return (tree: Root, file: VFile) => {
    const kept: Array<[Element, ElementContent[]]> = [];
    visit(tree, 'element', (node: Element) => {
      if (!isHighlightedCode(node)) return undefined;
      kept.push([node, node.children]);
      node.children = [];
      return SKIP;
    });
    setAside.set(file, kept);
  };
}

export function rehypeRestoreCode() {
  return (_tree: Root, file: VFile) => {
    for (const [node, children] of setAside.get(file) ?? []) node.children = children;
    setAside.delete(file);
  };
}
