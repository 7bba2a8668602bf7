import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import rehypeSanitize, { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import type { VFile } from 'vfile';
import { addNote } from '../../lib/build-notes';

/**
 * Post HTML is the author's, and a post can carry anything raw HTML can (a `<meta http-equiv=refresh>`
 * that redirects every reader, a login form, `on*` handlers, `javascript:` links). It is cleaned with
 * `rehype-sanitize` against an allowlist: GitHub's (the package's `defaultSchema`), extended with what
 * real posts use. The pipeline runs it right after `rehype-raw`, before the site's own plugins add
 * their markup (figures, pictures, buttons, heading anchors, code and math classes), so nothing the
 * site writes itself has to pass it.
 */

/** `name` clobbers `document.*` on images and frames; it stays only on `<a>`, as an old-style anchor. */
const globalAttributes = (defaultSchema.attributes?.['*'] ?? []).filter(
  (attribute) => attribute !== 'name',
);

export const postSchema: Schema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    'figure',
    'figcaption',
    'caption',
    'col',
    'colgroup',
    'u',
    'mark',
    'small',
    'abbr',
    'cite',
    'dfn',
    'time',
    'wbr',
    'video',
    'audio',
    'track',
    'iframe',
  ],
  attributes: {
    ...defaultSchema.attributes,
    '*': globalAttributes,
    a: [...(defaultSchema.attributes?.a ?? []), 'name'],
    img: [...(defaultSchema.attributes?.img ?? []), 'srcSet', 'sizes', 'loading', 'decoding'],
    // remark-math's output, read by rehype-katex (which runs after the sanitiser).
    code: [['className', /^language-./, 'math-inline', 'math-display']],
    ol: [...(defaultSchema.attributes?.ol ?? []), 'reversed'],
    source: [...(defaultSchema.attributes?.source ?? []), 'src', 'type', 'sizes'],
    video: ['src', 'poster', 'controls', 'loop', 'muted', 'playsInline', 'preload', 'autoPlay'],
    audio: ['src', 'controls', 'loop', 'muted', 'preload'],
    track: ['src', 'kind', 'srcLang', 'default'],
    // Which hosts may be framed is decided after this, by rehype-embed-cards (security.ts's list).
    iframe: ['src', 'allow', 'allowFullScreen', 'loading', 'referrerPolicy'],
  },
  protocols: {
    ...defaultSchema.protocols,
    poster: ['http', 'https'],
    srcSet: ['http', 'https'],
  },
  ancestors: {
    ...defaultSchema.ancestors,
    // A checkbox only as GFM writes a task-list item: a login form's fields never pass.
    input: ['li'],
    source: ['picture', 'video', 'audio'],
    track: ['video', 'audio'],
    caption: ['table'],
    col: ['table'],
    colgroup: ['table'],
    figcaption: ['figure'],
  },
  // Removed with their content (GitHub's default strips only `script`): their text is code or
  // markup, not prose, and would otherwise show up as text.
  strip: ['script', 'style', 'template', 'noscript', 'title', 'textarea', 'select', 'svg', 'math'],
  // Ids and names are kept as written, with no `user-content-` prefix: the posts' own `#anchor` links
  // and GFM footnotes (whose ids remark-rehype already prefixes) must land. Clobbering is still
  // contained: `name` is allowed only on `<a>`, where it does not shadow `document.*`, and the site's
  // scripts find their elements by data attribute or selector, never through a named global.
  clobber: [],
  clobberPrefix: '',
};

const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'poster',
  'cite',
  'action',
  'formAction',
  'data',
  'xLinkHref',
  'srcSet',
  'background',
]);

/** `onClick` → `onclick`, `httpEquiv` → `http-equiv`: property names as the author wrote them in HTML. */
function attributeName(property: string): string {
  if (/^on/i.test(property)) return property.toLowerCase();
  if (property === 'xLinkHref') return 'xlink:href';
  return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** What a removal looks like in the build log: `<meta>`, `onclick on <p>`, `href="javascript:…" on <a>`. */
function attributeSignature(tag: string, property: string, value: unknown): string {
  const name = attributeName(property);
  const first = Array.isArray(value) ? value[0] : value;
  const scheme =
    URL_ATTRIBUTES.has(property) && typeof first === 'string'
      ? /^\s*([a-z][a-z\d+.-]*):/i.exec(first)?.[1]
      : undefined;
  return scheme && !/^https?$/i.test(scheme)
    ? `${name}="${scheme.toLowerCase()}:…" on <${tag}>`
    : `${name} on <${tag}>`;
}

function isAllowedTag(tag: string): boolean {
  return postSchema.tagNames?.includes(tag) ?? true;
}

/**
 * Counts the markup a tree holds, as the signatures above. An element the schema does not allow
 * counts once (its attributes go with it), and one it strips hides its content too.
 */
export function markupCounts(tree: Nodes): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const walk = (node: Nodes) => {
    if (node.type === 'element') {
      const element = node as Element;
      if (!isAllowedTag(element.tagName)) {
        add(`<${element.tagName}>`);
        if (postSchema.strip?.includes(element.tagName)) return;
      } else {
        add(`<${element.tagName}>`);
        for (const [property, value] of Object.entries(element.properties)) {
          if (value !== undefined && value !== null && value !== false)
            add(attributeSignature(element.tagName, property, value));
        }
      }
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return counts;
}

/**
 * What `after` lost against `before`, as `<script>`, `onclick on <p> (×3)`. The attributes of an
 * element removed everywhere (an `<input>` outside a task list) are not listed on their own.
 */
export function removedMarkup(before: Map<string, number>, after: Map<string, number>): string[] {
  const lost = (key: string) => (before.get(key) ?? 0) - (after.get(key) ?? 0);
  const goneEverywhere = (tag: string) => (before.get(tag) ?? 0) > 0 && !after.get(tag);
  const removed: string[] = [];
  for (const key of before.keys()) {
    const count = lost(key);
    const ownerTag = / on (<[^>]+>)$/.exec(key)?.[1];
    if (count <= 0 || (ownerTag && goneEverywhere(ownerTag))) continue;
    removed.push(count > 1 ? `${key} (×${count})` : key);
  }
  return removed;
}

/** Sanitises a tree with `postSchema`, returning the clean tree and what was removed. */
export function sanitizeTree(tree: Root): { tree: Root; removed: string[] } {
  const before = markupCounts(tree);
  const clean = rehypeSanitize(postSchema)(tree);
  return { tree: clean, removed: removedMarkup(before, markupCounts(clean)) };
}

/** The same for HTML that never went through the pipeline's sanitiser (an MDX post rendered for the feed). */
export function sanitizeHtml(html: string): string {
  return toHtml(sanitizeTree(fromHtml(html, { fragment: true })).tree);
}

/**
 * The pipeline step. MDX posts are left alone: they are code run at build, from trusted authors
 * (docs/security.md), and their components and expressions are nodes the sanitiser would drop.
 */
export function rehypeSanitizePost() {
  return (tree: Root, file: VFile): Root => {
    if (file.path?.endsWith('.mdx')) return tree;
    const { tree: clean, removed } = sanitizeTree(tree);
    if (removed.length)
      addNote(
        file,
        'sanitize',
        `removed ${removed.join(', ')} (not allowed in posts; see src/features/security/rehype-sanitize-post.ts)`,
      );
    return clean;
  };
}
