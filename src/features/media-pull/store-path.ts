import { isAbsolute, relative, resolve, sep } from 'node:path';

/** The extension a stored file gets for each media type the store takes. */
export const STORED_TYPES: Record<string, string> = {
  'image/png': 'png',
  'image/apng': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
};

/** A path segment as a file name: no separators, no dot-only names, printable ASCII. */
function safeSegment(segment: string): string {
  const cleaned = segment
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, 120);
  return cleaned || '_';
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Where the store keeps a URL's file, relative to the store's parent (`pulled/<host>/<path>`):
 * every segment decoded then made a plain file name (`..`, `.` and empty segments dropped,
 * separators and other characters replaced), a query folded into the name as a short digest,
 * and the extension of the type the bytes have. Whatever the URL holds, the result stays inside
 * `pulled/` (`insideStore` checks it again before anything is written).
 */
export function storePath(url: string, type: string, queryDigest?: string): string {
  const parsed = new URL(url);
  const ext = STORED_TYPES[type];
  if (!ext) throw new Error(`${url}: the store does not take ${type}`);
  const segments = parsed.pathname
    .split('/')
    .map(decode)
    .flatMap((segment) => segment.split(/[\\/]/))
    .filter((segment) => segment && segment !== '.' && segment !== '..')
    .map(safeSegment);
  let name = segments.pop() ?? 'index';
  const stem = name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  name = `${stem || 'file'}${queryDigest ? `-${queryDigest}` : ''}.${ext}`;
  return ['pulled', safeSegment(parsed.host.toLowerCase()), ...segments, name].join('/');
}

/** Whether `path` (relative to `dir`) resolves inside `dir`. */
export function insideStore(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(dir, path));
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/**
 * The file `--from DIR` holds for a URL: `DIR/<host>/<path>` as the URL's decoded path has it.
 * Undefined when that would lead outside DIR.
 */
export function folderPath(dir: string, url: string): string | undefined {
  const parsed = new URL(url);
  const parts = [parsed.host, ...parsed.pathname.split('/').map(decode)].filter(Boolean);
  if (parts.some((part) => part === '..' || part.includes('\\'))) return undefined;
  const path = parts.join('/');
  return insideStore(dir, path) ? resolve(dir, path) : undefined;
}
