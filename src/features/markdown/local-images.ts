import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Element, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import sharp from 'sharp';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** Relative image paths (`./img/a.png`, `img/a.png`), as opposed to URLs and site-absolute paths. */
export function isRelativeImage(url: string): boolean {
  return !/^([a-z][a-z\d+.-]*:|\/|\\|#)/i.test(url);
}

/**
 * Formats a post may bring as a local picture, read from the file's bytes (never its name): what
 * astro:assets turns into optimised, sized pictures (sharp names AVIF `heif`). SVG is refused: an SVG is a document that can
 * carry script, and one opened by its own URL runs it on the site's origin wherever the host sends
 * no Content-Security-Policy header (docs/security.md).
 */
const IMAGE_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif', 'tiff']);

/** Why the file at `target` cannot be a post's picture, or undefined when it can. */
async function imageProblem(target: string, root: string): Promise<string | undefined> {
  if (!existsSync(target)) return 'does not exist';
  const real = realpathSync(target);
  const inside = relative(realpathSync(root), real);
  if (inside.startsWith('..') || isAbsolute(inside)) return 'is outside the project';
  let format: string | undefined;
  try {
    format = (await sharp(real).metadata()).format;
  } catch {
    format = undefined;
  }
  if (format === 'svg')
    return 'is an SVG, which can carry script: posts take PNG, JPEG, WebP, AVIF or GIF pictures (export the SVG as PNG)';
  if (!format || !IMAGE_FORMATS.has(format))
    return 'is not an image (its bytes are no PNG, JPEG, WebP, AVIF or GIF)';
  return undefined;
}

function safeDecode(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}

/** The relative path a local image URL names (decoded, without query or fragment), or undefined. */
function localPath(url: string): string | undefined {
  const path = safeDecode(url.split(/[?#]/)[0] ?? '');
  return path && isRelativeImage(path) ? path : undefined;
}

/**
 * Checks every local image a post names, all at once: each must exist beside the post, inside the
 * project, and be a picture by its bytes. One error names the post and every bad reference.
 */
async function checkLocalImages(file: VFile, urls: readonly string[]): Promise<void> {
  if (!file.path) return;
  const root = file.cwd;
  const problems = await Promise.all(
    [...new Set(urls)].map(async (url) => {
      const path = localPath(url);
      if (!path) return undefined;
      const target = resolve(dirname(file.path), path);
      const problem = await imageProblem(target, root);
      return problem && `image "${url}" ${problem} (looked for ${relative(root, target)})`;
    }),
  );
  const found = problems.filter(Boolean);
  if (found.length) throw new Error(`${relative(root, file.path)}: ${found.join('; ')}`);
}

/** Fails, naming the post and the image, when a relative markdown image is missing or no picture. */
export function remarkLocalImages() {
  return async (tree: Root, file: VFile) => {
    const urls: string[] = [];
    visit(tree, 'image', (node) => void urls.push(node.url));
    await checkLocalImages(file, urls);
  };
}

/**
 * The same for images written as HTML (`<img src="./a.png">`), which Astro does not look at: each
 * is checked, then listed with the post's local images so Astro's own image step optimises and
 * sizes it as it does a markdown image (instead of shipping a relative URL that leads nowhere).
 */
export function rehypeLocalImages() {
  return async (tree: HastRoot, file: VFile) => {
    const images: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'img' && typeof node.properties.src === 'string') images.push(node);
    });
    const urls = images.map((node) => String(node.properties.src));
    await checkLocalImages(file, urls);
    const astro = ((file.data as { astro?: { localImagePaths?: string[] } }).astro ??= {});
    astro.localImagePaths ??= [];
    for (const url of urls) {
      const path = localPath(url);
      if (path && file.path && !astro.localImagePaths.includes(path))
        astro.localImagePaths.push(path);
    }
  };
}
