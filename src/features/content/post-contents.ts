import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

/**
 * Checks of a post's file that need no parser, run before any post is loaded: where it really lives
 * (a symbolic link out of the project), how it is encoded, how large it is and how deep its
 * markdown nests. Each problem names the post and the cause, and never quotes the file.
 * (Extensions in imports: astro.config.mjs loads the modules beside this one before Vite runs.)
 */

/** The largest post file accepted, in bytes: about twenty times a long real post (docs/security.md). */
export const POST_SIZE_LIMIT = 1024 * 1024;

/**
 * The deepest nesting of lists and block quotes accepted. The markdown parser's time grows much
 * faster than the depth (hundreds of levels take minutes and then overflow the stack); real posts
 * nest a few levels.
 */
export const NESTING_LIMIT = 50;

/**
 * Entries of the posts folder that are symbolic links resolving outside the project (or nowhere):
 * the glob loader would follow them and publish what they point at. Each is named, never read.
 * Returns the problems and the folder-relative paths to leave out of every later check.
 */
export function outsideLinks(
  root: string,
  dir: string,
  shownDir: string,
): { problems: string[]; excluded: string[] } {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return { problems: [], excluded: [] };
  }
  const realRoot = realpathSync(root);
  const problems: string[] = [];
  const excluded: string[] = [];
  for (const entry of entries.sort()) {
    const path = join(dir, entry);
    if (!lstatSync(path).isSymbolicLink()) continue;
    let target: string | undefined;
    try {
      target = realpathSync(path);
    } catch {
      target = undefined;
    }
    const inside = target && relative(realRoot, target);
    if (inside !== undefined && inside !== '' && !inside.startsWith('..') && !isAbsolute(inside))
      continue;
    const name = entry.replace(/\\/g, '/');
    excluded.push(name);
    problems.push(
      `${shownDir}/${name}: is a symbolic link to ${target ? 'something outside the project' : 'nothing (a broken link)'}; posts and their files must live inside the project. Copy the file in, or remove the link.`,
    );
  }
  return { problems, excluded };
}

/** Whether `file` (folder-relative) is, or lies under, one of `excluded`. */
export function isExcluded(file: string, excluded: readonly string[]): boolean {
  return excluded.some((entry) => file === entry || file.startsWith(`${entry}/`));
}

/** The encoding a file that is not UTF-8 appears to be in, from its first bytes. */
function encodingOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return bytes[2] === 0 && bytes[3] === 0 ? 'UTF-32 LE' : 'UTF-16 LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 BE';
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)
    return 'UTF-32 BE';
  if (bytes.length > 1 && bytes[1] === 0 && bytes[0] !== 0) return 'UTF-16 LE (no byte order mark)';
  if (bytes.length > 1 && bytes[0] === 0 && bytes[1] !== 0) return 'UTF-16 BE (no byte order mark)';
  return 'a single-byte encoding such as Windows-1252 or Latin-1';
}

/** The text of a post file, or why it cannot be read as UTF-8. */
export function decodePost(bytes: Uint8Array): { text: string } | { error: string } {
  const utf16 = bytes.length > 1 && (bytes[0] === 0 || bytes[1] === 0);
  try {
    if (!utf16) return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Not UTF-8: named below.
  }
  return {
    error: `is not UTF-8: it looks like ${encodingOf(bytes)}. Save it as UTF-8 (most editors: "Save with encoding").`,
  };
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** One container marker (block quote or list item) at the start of what is left of a line. */
const MARKER = /^[ \t]*(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]|$)[ \t]?/;

/**
 * How deep a post's lists and block quotes nest at most, estimated from the text as written: the
 * markers a line opens with (`> - - 1.`) plus its indentation before them (each nested list level
 * indents at least two columns). Fenced code is skipped.
 */
export function nestingDepth(markdown: string): number {
  let deepest = 0;
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const opening = FENCE.exec(line)?.[1];
    if (fence) {
      if (opening && opening[0] === fence[0] && opening.length >= fence.length) fence = undefined;
      continue;
    }
    if (opening) {
      fence = opening;
      continue;
    }
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    let rest = line;
    let markers = 0;
    for (let match = MARKER.exec(rest); match; match = MARKER.exec(rest)) {
      markers++;
      rest = rest.slice(match[0].length);
      if (markers > NESTING_LIMIT) break;
    }
    if (markers) deepest = Math.max(deepest, markers + Math.floor(indent / 2));
  }
  return deepest;
}

/** What is wrong with a post file's bytes as a post: encoding, size, nesting; undefined when fine. */
export function postContentProblem(bytes: Uint8Array): string | undefined {
  if (bytes.byteLength > POST_SIZE_LIMIT)
    return `is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB, over the limit of ${POST_SIZE_LIMIT / 1024 / 1024} MB for one post (POST_SIZE_LIMIT, src/features/content/post-contents.ts). Split it, or move its data to files it links to.`;
  const decoded = decodePost(bytes);
  if ('error' in decoded) return decoded.error;
  const depth = nestingDepth(decoded.text);
  if (depth > NESTING_LIMIT)
    return `nests lists or block quotes more than ${NESTING_LIMIT} levels deep (NESTING_LIMIT, src/features/content/post-contents.ts), which the markdown parser takes minutes over: flatten them.`;
  return undefined;
}
