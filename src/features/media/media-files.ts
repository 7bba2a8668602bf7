import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { normaliseWebUrl } from '../../lib/web-url';
import { mediaDataSchema, type MediaData, type MediaRole, type MediaSettings } from './media-data';
import { EMPTY_LOCK, parseLock, type LockEntry, type MediaLock } from './media-lock';

/** The data file (the `media` collection), relative to the project root. */
export const MEDIA_DATA_FILE = 'src/content/media.yaml';
/** The lock `npm run media:pull` writes, relative to the project root. */
export const MEDIA_LOCK_FILE = 'src/content/media.lock.json';
/** The site's media folder: its own art, and `pulled/`, the store. Builds run from the project root. */
export const MEDIA_DIR = resolve(process.cwd(), 'src/assets/media');
/** The store's folder under MEDIA_DIR: `pulled/<host>/<path>`. */
export const PULLED = 'pulled';
/** What a build says about references without a local copy. */
export const PULL_COMMAND = 'npm run media:pull';

/** A remote file the site has a local copy of, with its settings. */
export interface MediaEntry {
  /** The URL as the data file or the lock spells it. */
  remote: string;
  /** The local file, relative to MEDIA_DIR. */
  file: string;
  /** Base of the file names readers see. */
  slug: string;
  /** The role the data file gives; undefined: inferred where the file is used (`inferRole`). */
  role?: MediaRole;
  /** Frame count, when the lock knows it (a file of the data file alone is read when needed). */
  frames?: number;
  /** Animation: the phone composition's file. */
  phone?: string;
  /** Wallpaper: the portrait master's file (a file of the data file or the pulled portrait URL). */
  portrait?: string;
  /** Wallpaper: the square master's file, for tablet sizes. */
  square?: string;
  settings: MediaSettings;
}

/**
 * Host and path, the file's identity: http/https, `//` and a bare host (as in front matter)
 * name the same file. Undefined for what is not a web URL.
 */
export function mediaKey(url: string | undefined): string | undefined {
  if (!url || !/^(https?:)?\/\/|^[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(url.trim())) return undefined;
  const result = normaliseWebUrl(url);
  if (!('url' in result)) return undefined;
  const parsed = new URL(result.url);
  return `${parsed.host}${parsed.pathname}`;
}

/** `Milvus_0_10000_d50a914332.gif` → `milvus-0-10000-d50a914332`. */
export function slugFromUrl(url: string): string {
  const last = decodeURIComponentSafe(url.split(/[?#]/)[0]!.split('/').pop() ?? '');
  const slug = last
    .replace(/\.[a-z0-9]+$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'media';
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Reads and validates the data file; errors name the file, the URL and the field. */
export function parseMediaData(text: string, where: string = MEDIA_DATA_FILE): MediaData {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (error) {
    throw new Error(`${where}: not YAML (${(error as Error).message})`, { cause: error });
  }
  const result = mediaDataSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${where}: ${issue.path.join(' → ') || '(root)'}: ${issue.message}`);
  }
  for (const url of Object.keys(result.data)) {
    if (!mediaKey(url)) throw new Error(`${where}: "${url}" is not an http(s) URL`);
  }
  return result.data;
}

export interface MediaIndex {
  data: MediaData;
  lock: MediaLock;
  /** By `mediaKey`. */
  entries: Map<string, MediaEntry>;
  /** The entry of a URL however it is spelled, when the site has a local copy of it. */
  find(url: string | undefined): MediaEntry | undefined;
}

/** The index of the data file and the lock: which URLs have a local copy, and their settings. */
export function buildMediaIndex(data: MediaData, lock: MediaLock): MediaIndex {
  const settingsByKey = new Map<string, [string, MediaSettings]>();
  for (const [url, settings] of Object.entries(data))
    settingsByKey.set(mediaKey(url)!, [url, settings]);
  const locked = new Map<string, [string, LockEntry]>();
  for (const [url, entry] of Object.entries(lock.files)) {
    const key = mediaKey(url);
    if (key) locked.set(key, [url, entry]);
  }
  const entries = new Map<string, MediaEntry>();
  for (const key of new Set([...settingsByKey.keys(), ...locked.keys()])) {
    const [dataUrl, settings = {}] = settingsByKey.get(key) ?? [];
    const [lockUrl, pulled] = locked.get(key) ?? [];
    const file = settings.file ?? pulled?.file;
    if (!file) continue;
    const remote = dataUrl ?? lockUrl!;
    const portraitKey = mediaKey(settings.portrait);
    const portrait = portraitKey ? locked.get(portraitKey)?.[1].file : settings.portrait;
    entries.set(key, {
      remote,
      file,
      slug: settings.slug ?? slugFromUrl(remote),
      role: settings.role,
      frames: settings.file ? undefined : pulled?.frames,
      phone: settings.phone,
      portrait,
      square: settings.square,
      settings,
    });
  }
  return { data, lock, entries, find: (url) => entries.get(mediaKey(url) ?? '') };
}

/** Reads the data file and the lock under `root` (either may be missing). */
export function readMediaIndex(root: string = process.cwd()): MediaIndex {
  const dataPath = join(root, MEDIA_DATA_FILE);
  const lockPath = join(root, MEDIA_LOCK_FILE);
  const data = existsSync(dataPath) ? parseMediaData(readFileSync(dataPath, 'utf8')) : {};
  const lock = existsSync(lockPath)
    ? parseLock(readFileSync(lockPath, 'utf8'), MEDIA_LOCK_FILE)
    : EMPTY_LOCK;
  return buildMediaIndex(data, lock);
}

let current: MediaIndex | undefined;
/** The project's index, read once per process. */
export function mediaIndex(): MediaIndex {
  return (current ??= readMediaIndex());
}

/** The local copy of a remote file, however the post spells its URL; undefined when there is none. */
export function findMedia(url: string | undefined, index: MediaIndex = mediaIndex()) {
  return index.find(url);
}

/** Every local file an entry uses. */
export function filesOf(entry: MediaEntry): string[] {
  return [entry.file, entry.phone, entry.portrait, entry.square].filter((f): f is string =>
    Boolean(f),
  );
}

/** Where a reference is used, for inferring the role the data file does not give. */
export interface RoleHints {
  /** The post's frontmatter `cover`. */
  cover?: boolean;
  /** A link whose text or title says "wallpaper". */
  wallpaperLink?: boolean;
  /** Frames of the file (1 for a still). */
  frames?: number;
}

/** The data file's role, else: cover → cover; a wallpaper link → wallpaper; animated → animation; else a picture. */
export function inferRole(entry: Pick<MediaEntry, 'role'>, hints: RoleHints): MediaRole {
  if (entry.role) return entry.role;
  if (hints.cover) return 'cover';
  if (hints.wallpaperLink) return 'wallpaper';
  if ((hints.frames ?? 1) > 1) return 'animation';
  return 'image';
}

/** Text or a title that offers a wallpaper. */
export function saysWallpaper(text: string): boolean {
  return /\bwall ?papers?\b/i.test(text);
}
