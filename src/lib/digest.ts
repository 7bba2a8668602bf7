import { createHash } from 'node:crypto';

/** A short digest of the given parts, for file names. */
export function digest(...parts: (string | number)[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 10);
}
