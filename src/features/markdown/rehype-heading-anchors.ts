import Slugger from 'github-slugger';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

const HEADING = /^h[1-6]$/;
/** Headings that get a visible anchor link and a milvus.io-style alias (h1 is the page title). */
const SECTION_HEADING = /^h[2-6]$/;

/** The text of a node as Astro's heading-id plugin reads it: every text node, markup ignored. */
function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

/** milvus.io's heading id: the heading text with runs of spaces as dashes, case kept (`Special-event`). */
export function milvusHeadingId(text: string): string {
  return text.trim().replace(/\s+/g, '-');
}

/**
 * Gives every heading a stable id (github-slugger, the same slug Astro's `headings` use), and
 * each section heading (h2–h6):
 * - an empty `<span id>` alias holding milvus.io's id, so posts' own `#Special-event` links land;
 * - a "link to this section" anchor after the heading (outside it, so the heading's accessible
 *   name and Astro's heading text stay the plain heading text), both wrapped in `.heading`.
 * Ids already in the document are kept and never duplicated.
 */
export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    const taken = new Set<string>();
    const headings: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') taken.add(node.properties.id);
      if (HEADING.test(node.tagName)) headings.push(node);
    });

    const slugger = new Slugger();
    for (const heading of headings) {
      if (typeof heading.properties.id === 'string') continue;
      let id = slugger.slug(textOf(heading));
      while (taken.has(id)) id = slugger.slug(textOf(heading));
      heading.properties.id = id;
      taken.add(id);
    }

    visit(tree, 'element', (node: Element, index, parent) => {
      if (!SECTION_HEADING.test(node.tagName) || !parent || index === undefined) return;
      // GFM's visually hidden "Footnotes" label is not a section a reader sees.
      if (String(node.properties.className ?? '').includes('sr-only')) return;
      const id = String(node.properties.id);
      const text = textOf(node).trim();
      const alias = milvusHeadingId(text);
      if (alias && !taken.has(alias)) {
        taken.add(alias);
        node.children.unshift({ type: 'element', tagName: 'span', properties: { id: alias, className: ['heading-alias'] }, children: [] });
      }
      const anchor: Element = {
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: `Link to section: ${text}` },
        children: [{ type: 'text', value: '#' }],
      };
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['heading'] },
        children: [node, anchor],
      };
      (parent.children as RootContent[])[index] = wrapper;
      return [SKIP, index + 1];
    });
  };
}
