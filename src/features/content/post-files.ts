import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { entryIdFromPath } from '../../lib/paths.ts';
import { isDraftFrontmatter } from './draft.ts';

/**
 * The posts folder read as files, before Astro does: names that cannot become a page, names that
 * would give two posts one page, and the set of posts other posts may link to.
 * (Extensions in imports: astro.config.mjs loads this module before Vite is running.)
 */

/** Where posts live, relative to the project root (the collection's `glob` base). */
export const POSTS_DIR = 'src/content/blog';
/** The collection's glob pattern, and the same test for one name. */
export const POSTS_PATTERN = '**/*.{md,mdx}';
const POST_FILE = /\.mdx?$/;

/** Every post file under `dir`, as paths relative to it with `/` separators. */
export function listPostFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return entries
    .map((entry) => entry.replace(/\\/g, '/'))
    .filter((entry) => POST_FILE.test(entry))
    .sort();
}

/** Characters a post's file name cannot hold, and why. */
const UNUSABLE: Array<[character: string, why: string]> = [
  [
    '#',
    'Astro reads a post through a URL of its file name, where "#" starts a fragment, so the file cannot be read',
  ],
  [
    '?',
    'Astro reads a post through a URL of its file name, where "?" starts a query, so the file cannot be read',
  ],
  [
    '%',
    'Astro decodes page paths, and a "%" that is not an escape breaks the page ("Invalid URL encoding")',
  ],
];

/**
 * Names that cannot be published as written: a character the page URL cannot carry, two files for
 * one page (`x.md` and `x.mdx`), or names that differ only in case (one page would replace the other
 * on a case-insensitive file system or host). Each problem names the files.
 */
export function postFileProblems(files: readonly string[], dir = POSTS_DIR): string[] {
  const problems: string[] = [];
  const shown = (file: string) => `${dir}/${file}`;
  for (const file of files) {
    for (const [character, why] of UNUSABLE) {
      if (file.includes(character))
        problems.push(
          `${shown(file)}: the file name contains "${character}": ${why}. Rename the file without it.`,
        );
    }
  }
  const byPage = new Map<string, string[]>();
  for (const file of files) {
    const key = entryIdFromPath(file).toLowerCase();
    byPage.set(key, [...(byPage.get(key) ?? []), file]);
  }
  for (const group of byPage.values()) {
    if (group.length < 2) continue;
    const ids = new Set(group.map(entryIdFromPath));
    const why =
      ids.size < group.length
        ? 'both would be the same page; keep one of them'
        : 'their names differ only in case, and one page would replace the other on a case-insensitive file system or host; rename one';
    problems.push(`${group.map(shown).join(' and ')}: ${why}.`);
  }
  return problems;
}

/** Posts whose frontmatter is not valid YAML, each named with the parser's reason (line and column). */
export function frontmatterProblems(
  dir: string,
  files: readonly string[],
  shownDir = POSTS_DIR,
): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const read = readFrontmatter(dir, file);
    if ('error' in read)
      problems.push(`${shownDir}/${file}: the frontmatter is not valid YAML: ${read.error}`);
  }
  return problems;
}

/** A post's frontmatter as Astro parses it, or why it cannot be parsed. */
function readFrontmatter(
  dir: string,
  file: string,
): { frontmatter: Record<string, unknown> } | { error: string } {
  try {
    return { frontmatter: parseFrontmatter(readFileSync(join(dir, file), 'utf8')).frontmatter };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Names other posts may use to link to a post (file name or frontmatter `id`, without `.md`) → its entry id. */
export type KnownPosts = Record<string, string>;

/** Strips `.md`/`.mdx` from a post's name as links and frontmatter ids write it. */
export function bareName(name: string): string {
  return name.replace(/\.mdx?$/i, '');
}

/**
 * Every post a link may point at, read once from the folder: by file name, and by frontmatter `id`
 * (milvus.io names its pages after that). A file whose frontmatter cannot be read is still known by
 * its name; the content loader reports its frontmatter.
 */
export function readKnownPosts(dir: string): KnownPosts {
  return readPostNames(dir, { showDrafts: true }).posts;
}

/**
 * The names of the posts a build publishes, and of the drafts it leaves out (none when
 * `showDrafts`, as in `astro dev`): a link to a draft stays as written, and the build says so.
 */
export function readPostNames(
  dir: string,
  { showDrafts }: { showDrafts: boolean },
): { posts: KnownPosts; drafts: KnownPosts } {
  const names = { posts: {} as KnownPosts, drafts: {} as KnownPosts };
  const declaredIds = { posts: {} as KnownPosts, drafts: {} as KnownPosts };
  for (const file of listPostFiles(dir)) {
    const id = entryIdFromPath(file);
    // Broken frontmatter: the loader names the post and the problem.
    const read = readFrontmatter(dir, file);
    const frontmatter = 'frontmatter' in read ? read.frontmatter : {};
    const kind = !showDrafts && isDraftFrontmatter(frontmatter) ? 'drafts' : 'posts';
    names[kind][id] = id;
    const declared = frontmatter.id;
    if (typeof declared === 'string' && declared.trim())
      declaredIds[kind][bareName(declared.trim())] ??= id;
  }
  // A file name wins over another post's frontmatter id.
  return {
    posts: { ...declaredIds.posts, ...names.posts },
    drafts: { ...declaredIds.drafts, ...names.drafts },
  };
}
