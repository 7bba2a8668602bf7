import { z } from 'astro/zod';

/**
 * The lock file `src/content/media.lock.json`, written by `npm run media:pull` and committed
 * beside the posts: for each remote URL, the file the store holds for it and what it is.
 * Builds read it to know which references have a local copy (and their size and frame count
 * without opening the file); a second pull skips every URL whose file still has this hash.
 */
export const lockEntrySchema = z
  .object({
    /** Relative to src/assets/media/, always under `pulled/`. */
    file: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().nonnegative(),
    /** Media type read from the file's bytes, not from the server's header. */
    type: z.string().min(1),
    width: z.number().int().positive(),
    /** Of one frame. */
    height: z.number().int().positive(),
    frames: z.number().int().positive(),
  })
  .strict();
export type LockEntry = z.infer<typeof lockEntrySchema>;

export const lockSchema = z
  .object({
    version: z.literal(1),
    /** Remote URL (as the post writes it, with a scheme added) → its local copy. */
    files: z.record(z.string().min(1), lockEntrySchema),
  })
  .strict();
export type MediaLock = z.infer<typeof lockSchema>;

export const EMPTY_LOCK: MediaLock = { version: 1, files: {} };

/** The lock as text: sorted keys, so a pull that changes nothing changes no byte. */
export function serialiseLock(lock: MediaLock): string {
  const files = Object.fromEntries(
    Object.keys(lock.files)
      .sort()
      .map((url) => [url, lock.files[url]]),
  );
  return `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
}

/** Parses lock text, naming the file and the field on error. */
export function parseLock(text: string, where: string): MediaLock {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where}: not JSON (${(error as Error).message})`, { cause: error });
  }
  const result = lockSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return result.data;
}
