import type { Image, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { cleanText } from '../../lib/text';
import { normaliseWebUrl } from '../content/frontmatter';

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

export interface PostHead {
  title: string;
  cover?: string;
}

export interface LeadingDuplicates {
  /** How many leading nodes repeat the title or the cover. */
  count: number;
  /** The description the body gives its cover (alt text or title), when it says something. */
  coverAlt?: string;
}

/**
 * Many posts open with the cover image and some with an `# h1` repeating the title; the layout
 * already shows both, so those leading nodes are not rendered again.
 */
export function leadingDuplicates(tree: Root, { title, cover }: PostHead): LeadingDuplicates {
  const wanted = cleanText(title).toLowerCase();
  let seenTitle = false;
  let seenCover = false;
  let coverAlt: string | undefined;
  let count = 0;
  for (const node of tree.children) {
    if (node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim())) break;
    if (!seenTitle && node.type === 'heading' && node.depth === 1 && cleanText(toString(node)).toLowerCase() === wanted) {
      seenTitle = true;
    } else {
      const image = loneImage(node);
      if (seenCover || !cover || !image || !sameUrl(image.url, cover)) break;
      seenCover = true;
      const described = [image.title, image.alt].find((t) => !isMeaninglessAlt(t));
      if (described) coverAlt = cleanText(described);
    }
    count++;
  }
  return { count, coverAlt };
}

/** The cover's description from a post's markdown; reads only its opening blocks. */
export function coverAltFromMarkdown(markdown: string, head: PostHead): string | undefined {
  const opening = markdown.trimStart().split(/\n\s*\n/).slice(0, 4).join('\n\n');
  return leadingDuplicates(fromMarkdown(opening), head).coverAlt;
}

/** Drops the leading title and cover (see `leadingDuplicates`). */
export function remarkLeadDuplicates() {
  return (tree: Root, file: VFile) => {
    const frontmatter = (file.data.astro as { frontmatter?: Record<string, unknown> } | undefined)?.frontmatter ?? {};
    if (typeof frontmatter.title !== 'string') return;
    const cover = typeof frontmatter.cover === 'string' ? frontmatter.cover : undefined;
    tree.children.splice(0, leadingDuplicates(tree, { title: frontmatter.title, cover }).count);
  };
}
