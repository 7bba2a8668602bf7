import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { CARD_TEMPLATE_VERSION, type CardInput } from './card-layout.ts';
import { FONT_PACKAGES, packageRoot, packageVersion } from './fonts.ts';
import { JPEG } from './pixels.ts';

// Cards are cached on disk by a hash of everything that decides their pixels, so a rebuild only
// draws cards whose post changed; a hit touches neither the fonts nor satori nor sharp.

/** A drawn card and the characters no bundled font could draw. */
export interface Drawn {
  data: Buffer;
  missing: string[];
}

/** `CARD_CACHE_DIR`, or node_modules/.cache/milestones-cards (kept between builds by most CIs). */
export function cardCacheDir(): string {
  return (
    process.env.CARD_CACHE_DIR || join(process.cwd(), 'node_modules', '.cache', 'milestones-cards')
  );
}

let fingerprint: string | undefined;

/** What else decides the pixels: the versions of satori, sharp and each font package. */
function engineFingerprint(): string {
  const packages: Array<[name: string, entry?: string]> = [
    ['satori'],
    ['sharp'],
    ...FONT_PACKAGES.map((name): [string, string] => [name, '700.css']),
  ];
  fingerprint ??= packages
    .map(([name, entry]) => `${name}@${packageVersion(packageRoot(name, entry))}`)
    .join(' ');
  return fingerprint;
}

/** sha256 of the template version, engine and font versions, the texts, and the cover's bytes. */
export function cardCacheKey(input: CardInput): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      version: CARD_TEMPLATE_VERSION,
      engine: engineFingerprint(),
      jpeg: JPEG,
      title: input.title,
      siteName: input.siteName,
      byline: input.byline,
      host: input.host,
      cover: input.cover ? { carriesTitle: Boolean(input.cover.carriesTitle) } : null,
    }),
  );
  // JSON has no raw newline, so this separator cannot be confused with the texts.
  hash.update('\n');
  if (input.cover) hash.update(input.cover.data);
  return hash.digest('hex');
}

function isMissingFile(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

export async function readCached(dir: string, key: string): Promise<Drawn | undefined> {
  let data: Buffer;
  try {
    data = await readFile(join(dir, `${key}.jpg`));
  } catch (error) {
    if (isMissingFile(error)) return undefined;
    throw error;
  }
  // The list of missing characters is stored beside the card, only when there are some.
  let missing: string[] = [];
  try {
    missing = JSON.parse(await readFile(join(dir, `${key}.json`), 'utf8')) as string[];
  } catch (error) {
    if (!isMissingFile(error)) throw error;
  }
  return { data, missing };
}

/** A cache file lost in a crash is only drawn again: no need to wait for the disk. */
const NO_FSYNC = { fsync: false };

let warnedCacheWrite = false;

export async function writeCached(dir: string, key: string, drawn: Drawn): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    // The list first: once the card exists, a reader finds its list too.
    if (drawn.missing.length)
      await writeFileAtomic(join(dir, `${key}.json`), JSON.stringify(drawn.missing), NO_FSYNC);
    await writeFileAtomic(join(dir, `${key}.jpg`), drawn.data, NO_FSYNC);
  } catch (error) {
    // The card is still good; only the next build will have to draw it again.
    if (!warnedCacheWrite)
      console.warn(
        `[share-card] cannot write the card cache in ${dir}: ${(error as Error).message}`,
      );
    warnedCacheWrite = true;
  }
}
