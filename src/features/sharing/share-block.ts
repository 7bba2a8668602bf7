import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { postUrlOfFile } from '../../lib/paths';

export interface ShareLinksOptions {
  /** The posts folder (`POSTS_DIR`), to tell the page a file renders to. */
  postsDir?: string;
}

/** The share block's id (ShareButtons.astro): the post's own "spread the word" link leads there. */
export const SHARE_BLOCK_ID = 'share';

/** Link text that asks the reader to share the post. */
const ASKS_TO_SHARE = /\b(spread the word|share (this|the) (post|news|article))\b/i;

/**
 * A link in the post that asks readers to share it ("help spread the word") leads to the share
 * block, whatever it pointed at (the seed's points at the project's X profile, where there is
 * nothing to share). The text stays as written.
 */
export function rehypeShareLinks({ postsDir }: ShareLinksOptions = {}) {
  return (tree: Root, file: VFile) => {
    const page = file.path && postsDir ? postUrlOfFile(file.path, postsDir) : undefined;
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a' || !ASKS_TO_SHARE.test(toString(node))) return;
      node.properties.href = `#${SHARE_BLOCK_ID}`;
      // Print hides the share block: the paper gives the page's address instead (page-parts.css).
      if (page) node.properties.dataPrintHref = page;
      delete node.properties.target;
      delete node.properties.rel;
    });
  };
}
