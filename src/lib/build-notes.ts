import { relative } from 'node:path';
import type { VFile } from 'vfile';

/**
 * What the pipeline changed in a post or found wrong with it (markup the sanitiser removed, an embed
 * the policy would block, a link to a post that is not here), as build warnings naming the post.
 *
 * Astro's content layer caches a rendered post until its file changes, so a warning printed while
 * rendering would show only on the build that rendered it. Notes are therefore kept with the render
 * result (`file.data.astro.frontmatter`, which Astro stores as `rendered.metadata.frontmatter`) and
 * printed on every build by the collection's loader (`strictLoader`). MDX posts are compiled on
 * every build and have no stored render, so theirs are printed at once.
 */

export type NoteKind = 'sanitize' | 'csp' | 'links';

export interface BuildNote {
  kind: NoteKind;
  message: string;
}

const KEY = 'buildNotes';

interface AstroData {
  frontmatter?: Record<string, unknown>;
}

/** The post's path as the build log names it (`src/content/blog/x.md`). */
export function postName(file: VFile): string {
  return file.path ? relative(process.cwd(), file.path).replace(/\\/g, '/') : 'a post';
}

/** A note's line in the build log: `[csp] src/content/blog/x.md: …`. */
export function formatNote(note: BuildNote, post: string): string {
  return `[${note.kind}] ${post}: ${note.message}`;
}

export function addNote(file: VFile, kind: NoteKind, message: string): void {
  const note: BuildNote = { kind, message };
  if (file.path?.endsWith('.mdx')) {
    console.warn(formatNote(note, postName(file)));
    return;
  }
  const astro = ((file.data as { astro?: AstroData }).astro ??= {});
  const frontmatter = (astro.frontmatter ??= {});
  const notes = Array.isArray(frontmatter[KEY]) ? (frontmatter[KEY] as BuildNote[]) : [];
  notes.push(note);
  frontmatter[KEY] = notes;
}

/** The notes kept with a rendered post (`entry.rendered.metadata.frontmatter`). */
export function notesOf(frontmatter: unknown): BuildNote[] {
  const notes = (frontmatter as Record<string, unknown> | undefined)?.[KEY];
  return Array.isArray(notes)
    ? notes.filter(
        (n): n is BuildNote => typeof n?.kind === 'string' && typeof n?.message === 'string',
      )
    : [];
}
