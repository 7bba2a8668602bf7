import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const DEMOTED: Record<string, string> = { h1: 'h2', h2: 'h3', h3: 'h4', h4: 'h5', h5: 'h6' };

/**
 * The page's one `<h1>` is the post title (the layout's). Some posts use `# h1`s as their sections;
 * then every heading of the body moves down one level (h1 → h2 … h5 → h6, h6 stays), keeping the
 * outline's shape, so those sections get anchors and appear in the table of contents like any other.
 * (A leading h1 repeating the title is dropped before this, by remark-lead-duplicates.)
 */
export function rehypeSectionHeadings() {
  return (tree: Root) => {
    let hasH1 = false;
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'h1') hasH1 = true;
    });
    if (!hasH1) return;
    visit(tree, 'element', (node: Element) => {
      const lower = DEMOTED[node.tagName];
      if (lower) node.tagName = lower;
    });
  };
}
