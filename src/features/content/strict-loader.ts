import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatNote, notesOf } from '../markdown/build-notes';
import { writtenDate } from './frontmatter';
import { listPostFiles, postFileProblems } from './post-files';

export interface StrictLoaderOptions {
  /** The posts folder the wrapped loader reads, relative to the project root. */
  dir: string;
}

/**
 * Wraps the posts' glob loader so that a wrong post stops the build, naming the post:
 * - file names that cannot become a page (`#`, `?`, `%`), or two files for one page (`x.md` and
 *   `x.mdx`, or names differing only in case), before anything is read;
 * - a post that fails to render (a missing image, a broken plugin step): Astro's loader logs it
 *   and carries on, which would publish a wrong page;
 * - a `date` YAML rolled over (`2024-11-31` read as 1 December): the schema sees it as written.
 * Then it prints every post's build notes (build-notes.ts), whether or not the post was rendered
 * again on this build. Under `astro dev` (where a watcher exists) problems are only logged.
 */
export function strictLoader(loader: Loader, { dir }: StrictLoaderOptions): Loader {
  return {
    ...loader,
    async load(context: LoaderContext) {
      const problems = postFileProblems(listPostFiles(join(fileURLToPath(context.config.root), dir)), dir);
      const errors: string[] = [...problems];
      for (const problem of problems) context.logger.error(problem);
      if (problems.length && !context.watcher) throw failure(context.collection, errors);

      const logger = new Proxy(context.logger, {
        get(target, property, receiver) {
          if (property === 'error') {
            return (message: string) => {
              errors.push(message);
              target.error(message);
            };
          }
          const value = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const parseData: LoaderContext['parseData'] = (props) => context.parseData({ ...props, data: withWrittenDate(props.data, props.filePath) });
      await loader.load({ ...context, logger, parseData });
      if (errors.length && !context.watcher) throw failure(context.collection, errors);

      for (const entry of context.store.values()) {
        for (const note of notesOf(entry.rendered?.metadata?.frontmatter)) context.logger.warn(formatNote(note, entry.filePath ?? entry.id));
      }
    },
  };
}

function failure(collection: string, errors: string[]): Error {
  return new Error(`The "${collection}" collection has posts that cannot be built:\n${errors.join('\n')}`);
}

/** The frontmatter with `date` as the author wrote it, when YAML turned it into a `Date`. */
function withWrittenDate<T extends Record<string, unknown>>(data: T, filePath: string | undefined): T {
  if (!(data.date instanceof Date) || !filePath) return data;
  let written: string | undefined;
  try {
    written = writtenDate(extractFrontmatter(readFileSync(filePath, 'utf8')) ?? '');
  } catch {
    return data;
  }
  return written ? { ...data, date: written } : data;
}
