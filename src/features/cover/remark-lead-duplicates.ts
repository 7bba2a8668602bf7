import type { Image, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { cleanText, normaliseWebUrl } from '../content/frontmatter';

/** Alt text that only names the file type or a number says nothing to a reader. */
export function isMeaninglessAlt(alt: string | null | undefined): boolean {
  const text = (alt ?? '').trim();
  return !text || /^(cover|cover image|image|img|gif|picture|pic|photo|screenshot)?\s*\d*$/i.test(text);
}

function sameUrl(a: string, b: string): boolean {
  const left = normaliseWebUrl(a);
  const right = normaliseWebUrl(b);
  return 'url' in left && 'url' in right && left.url === right.url;
}

function plainText(node: RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(plainText).join('');
  return '';
}

/** The lone image of a paragraph such as `![Cover](url)` or `[![Cover](url)](link)`. */
function loneImage(node: RootContent): Image | undefined {
  if (node.type !== 'paragraph') return undefined;
  const parts = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  if (parts.length !== 1) return undefined;
  const [only] = parts;
  if (only?.type === 'image') return only;
  if (only?.type === 'link' && only.children.length === 1 && only.children[0]?.type === 'image') return only.children[0];
  return undefined;
}

/**
 * Many posts open with the cover image and some with an `# h1` repeating the title; the layout
 * already shows both, so those leading nodes are dropped. The cover's alt text and caption are
 * kept in the frontmatter (`coverAlt`) for the layout's cover.
 */
export function remarkLeadDuplicates() {
  return (tree: Root, file: VFile) => {
    const astro = (file.data.astro ??= {}) as { frontmatter?: Record<string, unknown> };
    const frontmatter = (astro.frontmatter ??= {});
    const title = typeof frontmatter.title === 'string' ? cleanText(frontmatter.title).toLowerCase() : undefined;
    const cover = typeof frontmatter.cover === 'string' ? frontmatter.cover : undefined;
    let seenTitle = false;
    let seenCover = false;
    while (tree.children.length) {
      const first = tree.children[0]!;
      if (first.type === 'html' && /^<!--[\s\S]*-->$/.test(first.value.trim())) break;
      if (!seenTitle && title && first.type === 'heading' && first.depth === 1 && cleanText(plainText(first)).toLowerCase() === title) {
        seenTitle = true;
        tree.children.shift();
        continue;
      }
      const image = loneImage(first);
      if (!seenCover && cover && image && sameUrl(image.url, cover)) {
        seenCover = true;
        const described = [image.title, image.alt].find((t) => !isMeaninglessAlt(t));
        if (described) frontmatter.coverAlt = cleanText(described);
        tree.children.shift();
        continue;
      }
      break;
    }
  };
}
