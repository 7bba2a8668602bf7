import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { postPath } from '../../lib/paths';
import { bareName, type KnownPosts } from '../content/post-files';
import { addNote } from '../../lib/build-notes';

export interface PostLinksOptions {
  /** The posts this site has, by every name a link may use (`readKnownPosts`). */
  posts?: KnownPosts;
}

/** `https://milvus.io/blog/<name>.md#x` (http or https, `www.` or not, `.md` or not). */
const MILVUS_BLOG = /^https?:\/\/(?:www\.)?milvus\.io\/blog\/([^/?#]+?)\/?(?:\?[^#]*)?(#.*)?$/i;
/** A relative link to a Markdown file (`x.md`, `./x.md#y`, `../blog/x.mdx`, `/blog/x.md`). */
const RELATIVE_MD = /^(?![a-z][a-z\d+.-]*:|\/\/|#)([^?#]*?)([^/?#]+\.mdx?)(?:\?[^#]*)?(#.*)?$/i;

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A post's entry id from a name as a link writes it, case kept when it matches, else ignored. */
function findPost(name: string, posts: KnownPosts): string | undefined {
  const key = bareName(decode(name));
  if (Object.hasOwn(posts, key)) return posts[key];
  const lower = key.toLowerCase();
  const match = Object.keys(posts).find((known) => known.toLowerCase() === lower);
  return match === undefined ? undefined : posts[match];
}

export type PostLink = { href: string } | { missing: true } | undefined;

/**
 * Where a link between posts goes on this site: `{ href }` to the post's page (fragment kept), or
 * `{ missing }` for a relative `.md` link to a post this site does not have. Anything else
 * (a milvus.io post that is not here included) is not a link between posts: undefined.
 */
export function resolvePostLink(href: string, posts: KnownPosts): PostLink {
  const remote = MILVUS_BLOG.exec(href);
  if (remote) {
    const id = findPost(remote[1]!, posts);
    return id === undefined ? undefined : { href: postPath(id) + (remote[2] ?? '') };
  }
  const relative = RELATIVE_MD.exec(href);
  if (relative) {
    const id = findPost(relative[2]!, posts);
    return id === undefined ? { missing: true } : { href: postPath(id) + (relative[3] ?? '') };
  }
  return undefined;
}

/**
 * Posts link to each other as files (`x.md`, which the browser resolves under the current page, a
 * 404) or as their milvus.io pages (`https://milvus.io/blog/x.md`). When this site has the post (by
 * file name or frontmatter `id`), the link goes to its page here. A relative link to a post that
 * is not here stays as written (the built site's link check fails on it) and the build says so.
 */
export function rehypePostLinks(options: PostLinksOptions = {}) {
  const posts = options.posts ?? {};
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
      const link = resolvePostLink(node.properties.href, posts);
      if (!link) return;
      if ('href' in link) node.properties.href = link.href;
      else
        addNote(file, 'links', `"${node.properties.href}" links to a post this site does not have`);
    });
  };
}
