import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFrontmatter } from '@astrojs/markdown-remark';
import type { AstroIntegrationLogger } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatNote, notesOf } from '../../lib/build-notes';
import { DATE_FIELDS, writtenDate } from './frontmatter';
import { postFolderProblems } from './post-files';

export interface StrictLoaderOptions {
  /** The posts folder the wrapped loader reads, relative to the project root. */
  dir: string;
}

/**
 * Wraps the posts' glob loader so that a wrong post stops the build, naming the post:
 * - before anything is read (post-files.ts): file names that cannot become a page (`#`, `?`, `%`,
 *   a page number, `index.html`), two files for one page (`x.md` and `x.mdx`, names differing only
 *   in case or Unicode form), links out of the project, files that are not UTF-8, too large or
 *   too deeply nested;
 * - a post that fails to render (a missing image, a broken plugin step): Astro's loader logs it
 *   and carries on, which would publish a wrong page;
 * - a date YAML rolled over (`2024-11-31` read as 1 December): the schema sees it as written;
 * - frontmatter that is not YAML (before anything is loaded) or does not fit the schema.
 * Every problem of every post in a stage is reported in one failure, so a folder of new posts is
 * fixed in one pass rather than one build per mistake. Then it prints every post's build notes
 * (lib/build-notes.ts), whether or not the post was rendered again on this build. Under `astro dev`
 * (where a watcher exists) problems are only logged.
 * Only the loader API is used: the wrapped loader gets a `logger` and `parseData` of this
 * loader's own, and afterwards the posts that failed are deleted from the store.
 */
export function strictLoader(loader: Loader, { dir }: StrictLoaderOptions): Loader {
  return {
    ...loader,
    async load(context: LoaderContext) {
      const root = fileURLToPath(context.config.root);
      // The glob loader would stop at the first unusable name or unreadable frontmatter, and follow
      // links out of the project: all are found first, before any post is read.
      const { problems, skipped } = postFolderProblems(root, dir);
      for (const file of skipped)
        context.logger.warn(`${dir}/${file}: skipped (names starting with "." are not posts)`);
      const errors: string[] = [...problems];
      for (const problem of problems) context.logger.error(problem);
      if (problems.length && !context.watcher) throw failure(context.collection, errors);

      const logger = collectingLogger(context.logger, (message) => errors.push(message));
      // Posts that failed this load: not stored (below), so the next build reads them again
      // rather than skipping them as unchanged.
      const failed = new Set<string>();
      const report = (filePath: string | undefined, error: unknown) => {
        const post = filePath ? relative(root, filePath) : 'a post';
        failed.add(post);
        logger.error(`${post}: ${error instanceof Error ? error.message : String(error)}`);
      };
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
      await loader.load({ ...context, logger, parseData });
      if (!context.watcher) {
        // An entry with neither HTML nor deferred rendering is one the glob loader failed to render.
        for (const entry of [...context.store.values()]) {
          if (
            (entry.filePath && failed.has(entry.filePath)) ||
            (!entry.rendered && !entry.deferredRender)
          )
            context.store.delete(entry.id);
        }
        if (errors.length) throw failure(context.collection, errors);
      }

      for (const entry of context.store.values()) {
        for (const note of notesOf(entry.rendered?.metadata?.frontmatter))
          context.logger.warn(formatNote(note, entry.filePath ?? entry.id));
      }
    },
  };
}

/** The content layer's logger, also telling `onError` each error it logs (the glob loader reports a post it cannot render only there). */
function collectingLogger(
  logger: AstroIntegrationLogger,
  onError: (message: string) => void,
): AstroIntegrationLogger {
  return {
    options: logger.options,
    label: logger.label,
    fork: (label) => logger.fork(label),
    info: (message) => logger.info(message),
    warn: (message) => logger.warn(message),
    debug: (message) => logger.debug(message),
    error: (message) => {
      onError(message);
      logger.error(message);
    },
    flush: () => logger.flush(),
    close: () => logger.close(),
  };
}

function failure(collection: string, errors: string[]): Error {
  return new Error(
    `The "${collection}" collection has posts that cannot be built:\n${errors.join('\n')}`,
  );
}

/** The frontmatter with its date fields as the author wrote them, where YAML turned them into `Date`s. */
function withWrittenDate<T extends Record<string, unknown>>(
  data: T,
  filePath: string | undefined,
): T {
  const fields = DATE_FIELDS.filter((field) => data[field] instanceof Date);
  if (!fields.length || !filePath) return data;
  let raw: string;
  try {
    raw = extractFrontmatter(readFileSync(filePath, 'utf8')) ?? '';
  } catch {
    return data;
  }
  const written = Object.fromEntries(
    fields.flatMap((field) => {
      const value = writtenDate(raw, field);
      return value ? [[field, value]] : [];
    }),
  );
  return { ...data, ...written };
}
