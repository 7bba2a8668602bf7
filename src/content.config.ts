import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { postFrontmatterSchema } from './features/content/frontmatter';
import { entryIdFromPath } from './lib/paths';
import { strictLoader } from './features/content/strict-loader';
import { POSTS_DIR, POSTS_PATTERN } from './features/content/post-files';
import { mediaSettingsSchema } from './features/media/media-data';

const blog = defineCollection({
  loader: strictLoader(
    glob({
      base: `./${POSTS_DIR}`,
      pattern: POSTS_PATTERN,
      // The page path is the file name as written (milvus.io names its URLs the same way).
      generateId: ({ entry }) => entryIdFromPath(entry),
    }),
    { dir: POSTS_DIR },
  ),
  schema: postFrontmatterSchema,
});

/**
 * Per-URL media settings, `src/content/media.yaml`: entries keyed by the remote URL, schema and
 * defaults in src/features/media/media-data.ts.
 */
const media = defineCollection({
  loader: file('./src/content/media.yaml'),
  schema: mediaSettingsSchema,
});

export const collections = { blog, media };
