import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Posts the `many-posts` site adds for search, the archive and drafts: each published one is found
 * by one kind of word only (body, title, tag), and two drafts (one per spelling) must appear nowhere.
 */
export const SEARCH_POSTS = {
  /** Found by a word that appears only in its body, under a heading of its own. */
  body: {
    id: 'storage-layer-notes',
    word: 'quasiperiodic',
    section: 'flush-timing',
    text: [
      'title: Notes From the Storage Layer',
      'date: 2018-03-14',
      'tags: Storage',
      '---',
      '',
      'The storage layer keeps segments on object storage.',
      '',
      '## Flush timing',
      '',
      'Flushes run on a quasiperiodic schedule, so no two nodes write at once.',
    ],
  },
  /** Found by a word of its title, typed with two letters swapped. */
  title: {
    id: 'observatory-benchmarks',
    word: 'Telescope',
    typo: 'telescpoe',
    text: [
      'title: Telescope Benchmarks for the Observatory',
      'date: 2018-11-02',
      'tags: Performance',
      '---',
      '',
      'We measured recall and latency on a year of sky images.',
    ],
  },
  /** Found by its tag, a word used nowhere else. */
  tag: {
    id: 'sky-survey-embeddings',
    word: 'Astronomy',
    text: [
      'title: Embeddings for a Sky Survey',
      'date: 2019-06-21',
      'tags: Astronomy, Database',
      '---',
      '',
      'Each image of the survey becomes one vector in a collection.',
    ],
  },
  /** Links to a draft: the link stays as written, and the build names both posts. */
  linksToDraft: {
    id: 'roadmap-pointer',
    text: [
      'title: Where the Roadmap Lives',
      'date: 2019-01-09',
      'tags: Community',
      '---',
      '',
      'The plans are in [the roadmap post](https://milvus.io/blog/unreleased-plans.md).',
    ],
  },
} as const;

/** Drafts, one per way of marking them: their words must appear nowhere in the built site. */
export const DRAFT_POSTS = [
  {
    id: 'unreleased-plans',
    title: 'Zanzibar Roadmap Preview',
    word: 'xylophonic',
    tag: 'Secret Roadmap',
    text: [
      'title: Zanzibar Roadmap Preview',
      'date: 2024-02-02',
      'tags: Secret Roadmap',
      'isPublish: false',
      '---',
      '',
      'A xylophonic plan nobody may read yet.',
    ],
  },
  {
    id: 'quokka-preview',
    title: 'Quokka Preview Notes',
    word: 'marsupialish',
    tag: 'Hidden Tag',
    text: [
      'title: Quokka Preview Notes',
      'date: 2017-05-05',
      'tags: Hidden Tag',
      'draft: true',
      '---',
      '',
      'Some marsupialish notes.',
    ],
  },
] as const;

/** How many published posts the fixtures add. */
export const PUBLISHED_SEARCH_POSTS = Object.keys(SEARCH_POSTS).length;

export async function writeSearchPosts(dir: string): Promise<void> {
  const posts = [...Object.values(SEARCH_POSTS), ...DRAFT_POSTS];
  await Promise.all(
    posts.map(({ id, text }) => writeFile(join(dir, `${id}.md`), ['---', ...text, ''].join('\n'))),
  );
}
