import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { entryIdFromPath, withBase } from '../../lib/paths.ts';
import { isExcluded, outsideLinks, postContentProblem } from './post-contents.ts';

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

/** Every post file under `dir` the collection's glob reads, as paths relative to it with `/` separators. */
export function listPostFiles(dir: string): string[] {
  return allPostFiles(dir).filter((file) => !isHidden(file));
}

/** Post files the glob skips: a name, or a folder on its path, starting with a dot (`.draft.md`). */
export function skippedPostFiles(dir: string): string[] {
  return allPostFiles(dir).filter(isHidden);
}

const isHidden = (file: string) => file.split('/').some((segment) => segment.startsWith('.'));

function allPostFiles(dir: string): string[] {
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
  for (const file of files) {
    const route = routeProblem(entryIdFromPath(file));
    if (route) problems.push(`${shown(file)}: ${route}. Rename the file.`);
  }
  // Names equal after Unicode normalisation (NFC) or up to case are one page.
  const byPage = new Map<string, string[]>();
  for (const file of files) {
    const key = entryIdFromPath(file).normalize('NFC').toLowerCase();
    byPage.set(key, [...(byPage.get(key) ?? []), file]);
  }
  for (const group of byPage.values()) {
    if (group.length < 2) continue;
    const ids = new Set(group.map(entryIdFromPath));
    const nfc = new Set(group.map((file) => entryIdFromPath(file).normalize('NFC')));
    const route = withBase(`blog/${entryIdFromPath(group[0]!).normalize('NFC')}/`);
    const why =
      ids.size < group.length
        ? 'both would be the same page; keep one of them'
        : nfc.size < ids.size
          ? `their names are the same text in two Unicode forms (NFC and NFD), so both would be the page ${route}; rename one`
          : 'their names differ only in case, and one page would replace the other on a case-insensitive file system or host; rename one';
    problems.push(`${group.map(shown).join(' and ')}: ${why}.`);
  }
  return problems;
}

/**
 * Why a post id cannot be its own page, or undefined: `2` would be `/blog/2/`, page 2 of the post
 * list (now or once there are enough posts), and `index.html` would be written where `/blog/`'s own
 * page is.
 */
export function routeProblem(id: string): string | undefined {
  const route = withBase(`blog/${id}/`);
  if (/^[1-9]\d*$/.test(id) && Number(id) >= 2)
    return `its page ${route} is the address of page ${id} of the post list (once there are enough posts)`;
  if (/(^|\/)index\.html?$/i.test(id))
    return `its page ${route} would be written to the same file as the page ${withBase(`blog/${id.replace(/[^/]*$/, '')}`)} (its folder's index.html)`;
  return undefined;
}

/**
 * Everything wrong with the posts folder that can be found before Astro loads it, one message per
 * problem, each naming the post: symbolic links out of the project, unusable names, files that are
 * not UTF-8, too large or too deeply nested (post-contents.ts), and frontmatter that is not valid
 * YAML (with the parser's line and column). `skipped` lists the post files the glob does not read.
 */
export function postFolderProblems(
  root: string,
  shownDir = POSTS_DIR,
): { problems: string[]; skipped: string[] } {
  const dir = join(root, shownDir);
  const links = outsideLinks(root, dir, shownDir);
  const files = listPostFiles(dir).filter((file) => !isExcluded(file, links.excluded));
  const problems = [...links.problems, ...postFileProblems(files, shownDir)];
  for (const file of files) {
    const problem = postContentProblem(readFileSync(join(dir, file)));
    if (problem) {
      problems.push(`${shownDir}/${file}: ${problem}`);
      continue;
    }
    const read = readFrontmatter(dir, file);
    if ('error' in read)
      problems.push(`${shownDir}/${file}: the frontmatter is not valid YAML: ${read.error}`);
  }
  return { problems, skipped: skippedPostFiles(dir) };
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
  const known: KnownPosts = {};
  const byFrontmatterId: KnownPosts = {};
  for (const file of listPostFiles(dir)) {
    const id = entryIdFromPath(file);
    known[id] = id;
    // Broken frontmatter: the loader names the post and the problem.
    const read = readFrontmatter(dir, file);
    const declared = 'frontmatter' in read ? read.frontmatter.id : undefined;
    if (typeof declared === 'string' && declared.trim())
      byFrontmatterId[bareName(declared.trim())] ??= id;
  }
  // A file name wins over another post's frontmatter id.
  return { ...byFrontmatterId, ...known };
}
