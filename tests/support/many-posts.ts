import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Posts the `many-posts` site adds to the seed: enough for three pages of the blog index. */
export const MANY_POSTS = 45;
/** The tag every generated post carries: its list runs to three pages too. */
export const PAGINATED_TAG = { label: 'Vector Search', slug: 'vector-search' };

/** Card text as long as real Milvus posts write it: a title of about 60 characters, a two-sentence description. */
function post(i: number): string {
  const day = new Date(Date.UTC(2020, 0, 1) + i * 5 * 86_400_000).toISOString().slice(0, 10);
  return [
    '---',
    `title: Milestone ${i} - How the Query Node Keeps Tail Latency Low at Scale`,
    `date: ${day}`,
    `author: ${['Ada Moreno', 'Chen Wei', 'The Milvus Community'][i % 3]}`,
    `desc: Part ${i} of the series on keeping search fast while the collection grows past a billion vectors, with the settings we changed and what each one cost.`,
    'cover:',
    'tag: Engineering',
    `tags: ${PAGINATED_TAG.label}, ${['Database', 'Performance', 'Release'][i % 3]}`,
    `canonicalUrl: https://milvus.io/blog/many-${i}.md`,
    '---',
    '',
    `Milestone ${i}: the query node caches segment metadata before the next flush.`,
    '',
  ].join('\n');
}

/** Writes posts `many-1.md` … `many-<count>.md` into a content folder. */
export async function writeManyPosts(dir: string, count = MANY_POSTS): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, (_, k) => writeFile(join(dir, `many-${k + 1}.md`), post(k + 1))),
  );
}
