import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { postFrontmatterSchema } from './features/content/frontmatter';
import { entryIdFromPath } from './lib/paths';
import { failOnLoaderErrors } from './features/content/strict-loader';

const blog = defineCollection({
  loader: failOnLoaderErrors(
    glob({
      base: './src/content/blog',
      pattern: '**/*.{md,mdx}',
      // The page path is the file name as written (milvus.io names its URLs the same way).
      generateId: ({ entry }) => entryIdFromPath(entry),
    }),
  ),
  schema: postFrontmatterSchema,
});

export const collections = { blog };
