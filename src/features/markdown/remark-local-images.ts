import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** Relative image paths (`./img/a.png`, `img/a.png`), as opposed to URLs and site-absolute paths. */
export function isRelativeImage(url: string): boolean {
  return !/^([a-z][a-z\d+.-]*:|\/|#)/i.test(url);
}

/**
 * Fails early, naming the post and the image, when a relative image in a post does not exist.
 * (Astro's own error names only the image.)
 */
export function remarkLocalImages() {
  return (tree: Root, file: VFile) => {
    if (!file.path) return;
    const post = relative(process.cwd(), file.path);
    visit(tree, 'image', (node) => {
      const url = decodeURI(node.url.split(/[?#]/)[0] ?? '');
      if (!url || !isRelativeImage(url)) return;
      const target = resolve(dirname(file.path), url);
      if (!existsSync(target)) {
        throw new Error(`${post}: image "${node.url}" does not exist (looked for ${relative(process.cwd(), target)})`);
      }
    });
  };
}
