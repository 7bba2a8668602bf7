import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Element, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** Relative image paths (`./img/a.png`, `img/a.png`), as opposed to URLs and site-absolute paths. */
export function isRelativeImage(url: string): boolean {
  return !/^([a-z][a-z\d+.-]*:|\/|#)/i.test(url);
}

/** Throws, naming the post and the image, when `url` is a relative image that does not exist beside it. */
function checkLocalImage(file: VFile, url: string): void {
  if (!file.path) return;
  const path = safeDecode(url.split(/[?#]/)[0] ?? '');
  if (!path || !isRelativeImage(path)) return;
  const target = resolve(dirname(file.path), path);
  if (!existsSync(target)) {
    throw new Error(
      `${relative(process.cwd(), file.path)}: image "${url}" does not exist (looked for ${relative(process.cwd(), target)})`,
    );
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}

/**
 * Fails early, naming the post and the image, when a relative image in a post does not exist.
 * (Astro's own error names only the image.)
 */
export function remarkLocalImages() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'image', (node) => checkLocalImage(file, node.url));
  };
}

/** The same for images written as HTML (`<img src="./a.png">`), which Astro does not look at at all. */
export function rehypeLocalImages() {
  return (tree: HastRoot, file: VFile) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'img' && typeof node.properties.src === 'string')
        checkLocalImage(file, node.properties.src);
    });
  };
}
