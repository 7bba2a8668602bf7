import Slugger from 'github-slugger';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { cleanText } from '../../lib/text';
import { milvusHeadingIds, titleTargets } from '../../lib/heading-ids';

const HEADING = /^h[1-6]$/;
/** Headings that get a visible anchor link and a milvus.io-style alias (h1 is the page title). */
const SECTION_HEADING = /^h[2-6]$/;

/** The text of a node as Astro's heading-id plugin reads it: every text node, markup ignored. */
function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function aliasSpan(id: string): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { id, className: ['heading-alias'] },
    children: [],
  };
}

/**
 * Gives every heading a stable id (github-slugger, the same slug Astro's `headings` use), and
 * each section heading (h2–h6):
 * - empty `<span id>` aliases holding milvus.io's ids (with and without the punctuation links
 *   leave out), so posts' own `#Special-event` links land;
 * - a "link to this section" anchor after the heading (outside it, so the heading's accessible
 *   name and Astro's heading text stay the plain heading text), both wrapped in `.heading`.
 * Captioned figures get an id from their caption the same way. Ids already in the document are
 * kept and never duplicated, and the title's targets (the layout's h1, see `titleTargets`) are
 * reserved so that no heading takes them.
 */
export function rehypeHeadingAnchors() {
  return (tree: Root, file: VFile) => {
    const taken = new Set<string>();
    const headings: Element[] = [];
    const figures: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') taken.add(node.properties.id);
      if (HEADING.test(node.tagName)) headings.push(node);
      if (node.tagName === 'figure') figures.push(node);
    });

    const slugger = new Slugger();
    const title = (file.data.astro as { frontmatter?: { title?: unknown } } | undefined)
      ?.frontmatter?.title;
    if (typeof title === 'string' || typeof title === 'number') {
      const targets = titleTargets(String(title));
      slugger.slug(cleanText(String(title)));
      for (const id of [targets.id, ...targets.aliases]) taken.add(id);
    }
    for (const heading of headings) {
      if (typeof heading.properties.id === 'string') continue;
      let id = slugger.slug(textOf(heading));
      while (taken.has(id)) id = slugger.slug(textOf(heading));
      heading.properties.id = id;
      taken.add(id);
    }
    // A captioned figure is linkable as a heading is, by its caption (posts exported from Medium
    // link to their captions), with milvus.io's spelling as an alias inside the caption.
    for (const figure of figures) {
      const caption = figure.children.find(
        (child): child is Element => child.type === 'element' && child.tagName === 'figcaption',
      );
      const text = caption ? textOf(caption).trim() : '';
      if (!caption || !text || typeof figure.properties.id === 'string') continue;
      let id = slugger.slug(text);
      while (taken.has(id)) id = slugger.slug(text);
      figure.properties.id = id;
      taken.add(id);
      const aliases = milvusHeadingIds(text).filter((alias) => !taken.has(alias));
      for (const alias of aliases) taken.add(alias);
      caption.children.unshift(...aliases.map(aliasSpan));
    }

    visit(tree, 'element', (node: Element, index, parent) => {
      if (!SECTION_HEADING.test(node.tagName) || !parent || index === undefined) return;
      // GFM's visually hidden "Footnotes" label is not a section a reader sees.
      if (String(node.properties.className ?? '').includes('sr-only')) return;
      const id = String(node.properties.id);
      const text = textOf(node).trim();
      const aliases = milvusHeadingIds(text).filter((alias) => !taken.has(alias));
      for (const alias of aliases) taken.add(alias);
      node.children.unshift(...aliases.map(aliasSpan));
      const anchor: Element = {
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['heading-anchor'],
          href: `#${id}`,
          ariaLabel: `Link to section: ${text}`,
        },
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
