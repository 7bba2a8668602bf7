import type { Loader, LoaderContext } from 'astro/loaders';

/**
 * Astro's glob loader logs a post that fails to render (a missing image, a broken plugin step)
 * and carries on, which would publish a wrong page. This wrapper collects those errors and
 * fails the build with them; under `astro dev` (where a watcher exists) it only logs.
 */
export function failOnLoaderErrors(loader: Loader): Loader {
  return {
    ...loader,
    async load(context: LoaderContext) {
      const errors: string[] = [];
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
      await loader.load({ ...context, logger });
      if (errors.length && !context.watcher) {
        throw new Error(`The "${context.collection}" collection has posts that cannot be built:\n${errors.join('\n')}`);
      }
    },
  };
}
