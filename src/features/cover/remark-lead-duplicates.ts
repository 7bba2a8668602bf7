import type { Image, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { cleanText } from '../../lib/text';
import { isMeaninglessAlt } from '../../lib/alt-text';
import { normaliseWebUrl } from '../../lib/web-url';

/**
 * Whether two addresses name one file, however each is spelled: scheme or none, `//`, host case,
 * percent-encoding, a query (CDNs resize by query) or a fragment.
 */
export function sameUrl(a: string, b: string): boolean {
  const key = (url: string) => {
    const result = normaliseWebUrl(url);
    if (!('url' in result)) return undefined;
    const parsed = new URL(result.url);
    let path = parsed.pathname;
    try {
      path = decodeURIComponent(path);
    } catch {
      // Kept as written.
    }
    return `${parsed.host.replace(/^www\./, '')}${path}`;
  };
  const left = key(a);
  return left !== undefined && left === key(b);
}

/**
 * A title reduced to its letters and digits, lower-cased: typographic quotes (smartypants runs before
 * this step), dashes, punctuation, emoji, case and spacing no longer tell two spellings apart.
 */
export function titleKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The same title, or a near copy of it (a typo, a word changed: at most one character in ten differs). */
export function isSameTitle(heading: string, title: string): boolean {
  const a = titleKey(heading);
  const b = titleKey(title);
  if (!a || !b) return false;
  if (a === b) return true;
  return (
    Math.min(a.length, b.length) >= 10 &&
    editDistance(a, b) <= Math.floor(Math.max(a.length, b.length) / 10)
  );
}

interface LoneImage {
  url: string;
  described?: string;
}

const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

/** `<p align="center"><a href="…"><img src="…" alt="…"></a></p>`: raw HTML holding one image and nothing else. */
const HTML_LONE_IMAGE =
  /^(?:<(?:p|div|center)\b[^>]*>\s*)?(?:<a\b[^>]*>\s*)?(<img\b[^>]*>)\s*(?:<\/a>\s*)?(?:<\/(?:p|div|center)>)?$/i;

/** The lone image of a block such as `![Cover](url)`, `[![Cover](url)](link)` or its HTML spelling. */
function loneImage(node: RootContent): LoneImage | undefined {
  if (node.type === 'html') {
    const tag = HTML_LONE_IMAGE.exec(node.value.trim())?.[1];
    const url = tag && attribute(tag, 'src');
    if (!tag || !url) return undefined;
    return {
      url,
      described: [attribute(tag, 'title'), attribute(tag, 'alt')].find((t) => !isMeaninglessAlt(t)),
    };
  }
  if (node.type !== 'paragraph') return undefined;
  const parts = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  if (parts.length !== 1) return undefined;
  const [only] = parts;
  let image: Image | undefined;
  if (only?.type === 'image') image = only;
  else if (
    only?.type === 'link' &&
    only.children.length === 1 &&
    only.children[0]?.type === 'image'
  )
    image = only.children[0];
  if (!image) return undefined;
  return {
    url: image.url,
    described: [image.title, image.alt].find((t) => !isMeaninglessAlt(t)) ?? undefined,
  };
}

/** Whether a block holds a picture anywhere (markdown or raw HTML). */
function containsImage(node: RootContent): boolean {
  if (node.type === 'image' || node.type === 'imageReference') return true;
  if (node.type === 'html') return /<img\b/i.test(node.value);
  return 'children' in node && (node.children as RootContent[]).some(containsImage);
}

/** The text of a level-1 heading, in Markdown or raw HTML (`<h1>Title</h1>`). */
function h1Text(node: RootContent): string | undefined {
  if (node.type === 'heading' && node.depth === 1) return toString(node);
  if (node.type === 'html') {
    const inner = /^<h1\b[^>]*>([\s\S]*?)<\/h1>$/i.exec(node.value.trim())?.[1];
    return inner === undefined ? undefined : inner.replace(/<[^>]*>/g, '');
  }
  return undefined;
}

const isComment = (node: RootContent) =>
  node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim());

/** How far into the body a repeated cover is looked for: it follows a heading or a first paragraph at most. */
export const LEAD_BLOCKS = 4;

export interface PostHead {
  title: string;
  cover?: string;
}

export interface LeadingDuplicates {
  /** Indexes of the body's top-level nodes that repeat the title or the cover. */
  indexes: number[];
  /** The description the body gives its cover (alt text or title), when it says something. */
  coverAlt?: string;
}

/**
 * The layout already shows the title and the cover, and many posts repeat them: an `# h1` with the
 * title (or a near copy) before anything else, and the cover image as one of the first blocks
 * (first, or after a heading or a paragraph). Those nodes are not rendered again.
 */
export function leadingDuplicates(tree: Root, { title, cover }: PostHead): LeadingDuplicates {
  const indexes: number[] = [];
  let coverAlt: string | undefined;
  let seenTitle = false;
  let blocks = 0;
  for (const [index, node] of tree.children.entries()) {
    if (isComment(node) || node.type === 'definition') continue;
    if (++blocks > LEAD_BLOCKS) break;
    const heading = h1Text(node);
    // Leading: nothing but a cover before it.
    if (
      !seenTitle &&
      heading !== undefined &&
      indexes.length === blocks - 1 &&
      isSameTitle(heading, title)
    ) {
      seenTitle = true;
      indexes.push(index);
      continue;
    }
    const image = loneImage(node);
    if (cover && image && sameUrl(image.url, cover)) {
      indexes.push(index);
      if (!coverAlt && image.described) coverAlt = cleanText(image.described);
    }
  }
  // Further down, the cover repeated as the body's first picture is still the cover.
  if (cover && !indexes.some((i) => loneImage(tree.children[i]!))) {
    for (const [index, node] of tree.children.entries()) {
      const image = loneImage(node);
      if (!image && !containsImage(node)) continue;
      if (image && sameUrl(image.url, cover)) {
        indexes.push(index);
        if (!coverAlt && image.described) coverAlt = cleanText(image.described);
      }
      break;
    }
  }
  return { indexes, coverAlt };
}

/** The cover's description from a post's markdown; reads only its opening blocks. */
export function coverAltFromMarkdown(markdown: string, head: PostHead): string | undefined {
  const opening = markdown
    .trimStart()
    .split(/\n\s*\n/)
    .slice(0, LEAD_BLOCKS * 2)
    .join('\n\n');
  return leadingDuplicates(fromMarkdown(opening), head).coverAlt;
}

/** Drops the repeated title and cover (see `leadingDuplicates`). */
export function remarkLeadDuplicates() {
  return (tree: Root, file: VFile) => {
    const frontmatter =
      (file.data.astro as { frontmatter?: Record<string, unknown> } | undefined)?.frontmatter ?? {};
    if (typeof frontmatter.title !== 'string' && typeof frontmatter.title !== 'number') return;
    const cover = typeof frontmatter.cover === 'string' ? frontmatter.cover : undefined;
    const { indexes } = leadingDuplicates(tree, { title: String(frontmatter.title), cover });
    for (const index of indexes.reverse()) tree.children.splice(index, 1);
  };
}
