import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatNote, notesOf } from '../../lib/build-notes';
import { writtenDate } from './frontmatter';
import { frontmatterProblems, listPostFiles, postFileProblems } from './post-files';

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
 * - a `date` YAML rolled over (`2024-11-31` read as 1 December): the schema sees it as written;
 * - frontmatter that is not YAML (before anything is loaded) or does not fit the schema.
 * Every problem of every post in a stage is reported in one failure, so a folder of new posts is
 * fixed in one pass rather than one build per mistake. Then it prints every post's build notes
 * (build-notes.ts), whether or not the post was rendered again on this build. Under `astro dev`
 * (where a watcher exists) problems are only logged.
 */
export function strictLoader(loader: Loader, { dir }: StrictLoaderOptions): Loader {
  return {
    ...loader,
    async load(context: LoaderContext) {
      const root = fileURLToPath(context.config.root);
      const folder = join(root, dir);
      const files = listPostFiles(folder);
      // The glob loader would stop at the first unusable name or unreadable frontmatter: all are found first.
      const problems = [
        ...postFileProblems(files, dir),
        ...frontmatterProblems(folder, files, dir),
      ];
      const errors: string[] = [...problems];
      for (const problem of problems) context.logger.error(problem);
      if (problems.length && !context.watcher) throw failure(context.collection, errors);

      const logger = withMethod(context.logger, 'error', (message: string) => {
        errors.push(message);
        context.logger.error(message);
      });
      // Posts that failed this load. The store keeps entries by file digest and saves itself as it
      // goes, so a failed post must never be stored: the next build would skip it as unchanged.
      const failed = new Set<string>();
      const report = (filePath: string | undefined, error: unknown) => {
        const post = filePath ? relative(root, filePath) : 'a post';
        failed.add(post);
        logger.error(`${post}: ${error instanceof Error ? error.message : String(error)}`);
      };
      // An entry with neither HTML nor deferred rendering is one the glob loader failed to render.
      const store = context.watcher
        ? context.store
        : withMethod(context.store, 'set', (entry: Parameters<LoaderContext['store']['set']>[0]) =>
            (entry.filePath && failed.has(entry.filePath)) ||
            (!entry.rendered && !entry.deferredRender)
              ? false
              : context.store.set(entry),
          );
      const parseData: LoaderContext['parseData'] = async (props) => {
        const data = withWrittenDate(props.data, props.filePath);
        if (context.watcher) return context.parseData({ ...props, data });
        // Outside `astro dev`, a post that does not fit the schema is recorded and loading goes on
        // (its body is still rendered, which may find more), so the failure below names every post.
        try {
          return await context.parseData({ ...props, data });
        } catch (error) {
          report(props.filePath, error);
          return data;
        }
      };
      await loader.load({ ...context, logger, parseData, store });
      if (errors.length && !context.watcher) throw failure(context.collection, errors);

      for (const entry of context.store.values()) {
        for (const note of notesOf(entry.rendered?.metadata?.frontmatter))
          context.logger.warn(formatNote(note, entry.filePath ?? entry.id));
      }
    },
  };
}

/** `target` with one method replaced; its other methods still run on `target` itself. */
function withMethod<T extends object, K extends keyof T>(target: T, name: K, method: T[K]): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (property === name) return method;
      const value = Reflect.get(object, property, receiver);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

function failure(collection: string, errors: string[]): Error {
  return new Error(
    `The "${collection}" collection has posts that cannot be built:\n${errors.join('\n')}`,
  );
}

/** The frontmatter with `date` as the author wrote it, when YAML turned it into a `Date`. */
function withWrittenDate<T extends Record<string, unknown>>(
  data: T,
  filePath: string | undefined,
): T {
  if (!(data.date instanceof Date) || !filePath) return data;
  let written: string | undefined;
  try {
    written = writtenDate(extractFrontmatter(readFileSync(filePath, 'utf8')) ?? '');
  } catch {
    return data;
  }
  return written ? { ...data, date: written } : data;
}
