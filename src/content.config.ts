import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { postFrontmatterSchema } from './features/content/frontmatter';
import { entryIdFromPath } from './lib/paths';
import { strictLoader } from './features/content/strict-loader';
import { POSTS_DIR, POSTS_PATTERN } from './features/content/post-files';
import { MEDIA_DATA_FILE } from './features/media/media-files';
import { localCoverPath } from './features/cover/cover';
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
  // The cover's local copy, when the site has one, is imported here, the one place astro:assets
  // imports a file by path: only the covers in use reach the build.
  schema: ({ image }) =>
    postFrontmatterSchema.transform(async (post) => {
      const local = localCoverPath(post.cover);
      return { ...post, coverImage: local ? await image().parseAsync(local) : undefined };
    }),
});

/**
 * Per-URL media settings, `src/content/media.yaml`: entries keyed by the remote URL, schema and
 * defaults in src/features/media/media-data.ts. (The markdown pipeline, which runs before
 * collections exist, reads the same file through media-files.ts.)
 */
const media = defineCollection({
  loader: file(`./${MEDIA_DATA_FILE}`),
  schema: mediaSettingsSchema,
});

export const collections = { blog, media };
