import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { join } from 'node:path';
import { normaliseWebUrl } from '../../lib/web-url';
import { POSTS_DIR } from '../content/post-files';
import { MEDIA_LOCK_FILE, mediaKey, readMediaIndex } from '../media/media-files';
import { EMPTY_LOCK, parseLock, serialiseLock } from '../media/media-lock';
import { readPostReferences } from './post-sources';
import { pullMedia, type PullOptions, type PullResult } from './pull';

/**
 * The URLs `media:pull` fetches: every picture the posts refer to (covers, images, `<source>`
 * and `<video poster>` pictures, links to image files), once per file, with a scheme. Files the
 * data file already gives a local `file` (the site's own art) are not pulled; videos stay remote.
 */
export function pullUrls(root: string): string[] {
  const index = readMediaIndex(root);
  const byKey = new Map<string, string>();
  for (const post of readPostReferences(join(root, POSTS_DIR))) {
    for (const ref of post.references) {
      if (ref.kind === 'video' || index.find(ref.url)?.settings.file) continue;
      const key = mediaKey(ref.url);
      const normal = normaliseWebUrl(ref.url);
      if (key && 'url' in normal && !byKey.has(key)) {
        // The scheme the post wrote (http stays http), https where it wrote none.
        byKey.set(
          key,
          /^http:/i.test(ref.url.trim()) ? normal.url.replace(/^https:/, 'http:') : normal.url,
        );
      }
    }
  }
  return [...byKey.values()].sort();
}

/** Pulls every URL the posts under `root` use and writes the lock (atomically) with what succeeded. */
export async function runPull(
  root: string,
  options: Omit<PullOptions, 'mediaDir' | 'lock'> = {},
): Promise<{ results: PullResult[]; lockChanged: boolean }> {
  const lockPath = join(root, MEDIA_LOCK_FILE);
  const before = await readFile(lockPath, 'utf8').catch(() => undefined);
  const lock = before ? parseLock(before, MEDIA_LOCK_FILE) : EMPTY_LOCK;
  const { lock: after, results } = await pullMedia(pullUrls(root), {
    ...options,
    mediaDir: join(root, 'src/assets/media'),
    lock,
  });
  const text = serialiseLock(after);
  const lockChanged = text !== before;
  if (lockChanged) await writeFileAtomic(lockPath, text);
  return { results, lockChanged };
}
