import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { listPostFiles } from '../content/post-files.ts';
import { findReferences, type MediaReference } from '../media/references.ts';

/** A post file's remote media references, read from disk (for `media:pull` and the build's note). */
export interface PostReferences {
  /** Relative to the posts folder. */
  file: string;
  references: MediaReference[];
}

/** Every post's references; a post whose frontmatter cannot be read is skipped (the build names it). */
export function readPostReferences(dir: string): PostReferences[] {
  return listPostFiles(dir).flatMap((file) => {
    try {
      const { frontmatter, content } = parseFrontmatter(readFileSync(join(dir, file), 'utf8'));
      const cover = typeof frontmatter.cover === 'string' ? frontmatter.cover : undefined;
      return [{ file, references: findReferences(content, cover) }];
    } catch {
      return [];
    }
  });
}
