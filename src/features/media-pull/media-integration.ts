import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { POSTS_DIR } from '../content/post-files.ts';
import { mediaKey, PULL_COMMAND, readMediaIndex } from '../media/media-files.ts';
import { readPostReferences } from './post-sources.ts';

/** The build's one line about remote media without a local copy, or nothing when all have one. */
export function remoteMediaNote(count: number): string | undefined {
  if (!count) return undefined;
  const one = count === 1;
  return `${count} remote media file${one ? '' : 's'} the posts refer to ha${one ? 's' : 've'} no local copy and will load from other hosts: \`${PULL_COMMAND}\` fetches ${one ? 'it' : 'them'}`;
}

/** Counts, at the end of each build, the remote media the posts use that the store does not hold. */
export function mediaNote(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'milestones:media-note',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ logger }) => {
        const index = readMediaIndex(root);
        const missing = new Set<string>();
        for (const post of readPostReferences(`${root}/${POSTS_DIR}`)) {
          for (const ref of post.references) {
            const key = mediaKey(ref.url);
            if (key && !index.find(ref.url)) missing.add(key);
          }
        }
        const note = remoteMediaNote(missing.size);
        if (note) logger.warn(note);
      },
    },
  };
}
