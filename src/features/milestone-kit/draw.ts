// `npm run milestone -- draw FILE`: every picture of a milestone, from its data file, offline and
// deterministic (same input, same bytes). Writes the files, the media data entries that tie
// them to the post, and returns the markdown to paste into the post.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import sharp from 'sharp';
import { Document, parseDocument } from 'yaml';
import { site } from '../../config/site.ts';
import { drawCover } from './cover.ts';
import type { Milestone } from './data.ts';
import { encodeAnimation } from './encode.ts';
import { fontsFor } from './fonts.ts';
import { drawGrowth, drawGrowthPhone, type Frames } from './growth.ts';
import { longDate } from './shapes.ts';
import { drawTimeline, drawTimelinePhone } from './timeline.ts';
import { drawWallpaper, MASTERS } from './wallpaper.ts';
import { allText, phrases } from './words.ts';

/** Phone compositions are shown in a 335-CSS-px column (a 375-px screen less its margins). */
export const PHONE_COLUMN = 335;
export const MIN_TEXT_CSS_PX = 12;
/** Weight limits of the animated WebP, wide and phone. */
export const MAX_ANIMATION_BYTES = { wide: 1_500_000, phone: 800_000 };
/** Where the site's media files live; media data entries name files relative to it. */
export const MEDIA_ROOT = resolve('src/assets/media');
export const MEDIA_DATA = resolve('src/content/media.yaml');

export interface DrawnFile {
  path: string;
  bytes: number;
  width: number;
  height: number;
  frames?: number;
}

export interface Drawn {
  files: DrawnFile[];
  /** Media data entries (src/content/media.yaml's format), keyed by the URL the post uses. */
  entries: Record<string, Record<string, unknown>>;
  markdown: string;
}

export type Kind = 'cover' | 'growth' | 'timeline' | 'wallpaper';

/** Where a drawn picture goes: its file name (no extension), the site's slug for it, the post's address for it. */
export function outputOf(m: Milestone, kind: Kind, ext: string) {
  const given = m.media[kind] ?? {};
  const name = given.name ?? `${m.slug}-${kind}`;
  return {
    name,
    slug: given.slug ?? name.split('/').pop()!,
    url: given.url ?? `${site.url}/milestone-art/${name}.${ext}`,
  };
}

async function animation(
  frames: Frames,
  out: string,
  base: string,
  phone: boolean,
  file: string,
): Promise<DrawnFile[]> {
  if (phone) {
    const css = (frames.smallest * PHONE_COLUMN) / frames.width;
    if (css < MIN_TEXT_CSS_PX)
      throw new Error(
        `${file}: ${base}: smallest text ${css.toFixed(1)} CSS px in a ${PHONE_COLUMN}-px column, under ${MIN_TEXT_CSS_PX}`,
      );
  }
  const { webp, gif, frames: count } = await encodeAnimation(frames);
  const limit = MAX_ANIMATION_BYTES[phone ? 'phone' : 'wide'];
  if (webp.byteLength > limit)
    throw new Error(
      `${file}: ${base}.webp is ${webp.byteLength} bytes, over the ${limit}-byte limit`,
    );
  const size = { width: frames.width, height: frames.height, frames: count };
  await writeFile(join(out, `${base}.webp`), webp);
  await writeFile(join(out, `${base}.gif`), gif);
  return [
    { path: join(out, `${base}.webp`), bytes: webp.byteLength, ...size },
    { path: join(out, `${base}.gif`), bytes: gif.byteLength, ...size },
  ];
}

/**
 * A PNG: the cover in a dithered palette (half the bytes, shown at most 1600 px wide), the
 * wallpapers in full colour (their glow would band when cut and enlarged on a 4K screen).
 */
async function png(svg: Buffer, path: string, palette = false): Promise<DrawnFile> {
  const data = await sharp(svg).png({ compressionLevel: 9, palette, effort: 10 }).toBuffer();
  await writeFile(path, data);
  const { width = 0, height = 0 } = await sharp(data).metadata();
  return { path, bytes: data.byteLength, width, height };
}

/** `mediaRoot`: the folder media data entries name files relative to (the site's src/assets/media/). */
export async function drawMilestone(
  m: Milestone,
  out: string,
  mediaRoot = MEDIA_ROOT,
): Promise<Drawn> {
  const fonts = await fontsFor(allText(m));
  const [cover, growth, timeline, wallpaper] = [
    outputOf(m, 'cover', 'png'),
    outputOf(m, 'growth', 'gif'),
    outputOf(m, 'timeline', 'gif'),
    outputOf(m, 'wallpaper', 'png'),
  ];
  const withEvents = m.events.length > 0;
  for (const o of [cover, growth, timeline, wallpaper])
    await mkdir(dirname(join(out, o.name)), { recursive: true });
  const files: DrawnFile[] = [];
  files.push(await png(await drawCover(m, fonts), join(out, `${cover.name}.png`), true));
  files.push(...(await animation(await drawGrowth(m, fonts), out, growth.name, false, m.file)));
  files.push(
    ...(await animation(
      await drawGrowthPhone(m, fonts),
      out,
      `${growth.name}-phone`,
      true,
      m.file,
    )),
  );
  if (withEvents) {
    files.push(
      ...(await animation(await drawTimeline(m, fonts), out, timeline.name, false, m.file)),
    );
    files.push(
      ...(await animation(
        await drawTimelinePhone(m, fonts),
        out,
        `${timeline.name}-phone`,
        true,
        m.file,
      )),
    );
  }
  files.push(
    await png(await drawWallpaper(m, fonts, 'landscape'), join(out, `${wallpaper.name}.png`)),
  );
  for (const kind of ['portrait', 'square'] as const) {
    files.push(
      await png(await drawWallpaper(m, fonts, kind), join(out, `${wallpaper.name}-${kind}.png`)),
    );
  }

  // Media data entries name files relative to src/assets/media/.
  const local = (file: string) => relative(mediaRoot, resolve(out, file)).split(sep).join('/');
  const moving = (o: typeof growth) => ({
    role: 'animation',
    file: local(`${o.name}.gif`),
    phone: local(`${o.name}-phone.gif`),
    slug: o.slug,
  });
  const entries: Drawn['entries'] = {
    [cover.url]: {
      role: 'cover',
      file: local(`${cover.name}.png`),
      slug: cover.slug,
      carriesTitle: true,
    },
    [growth.url]: moving(growth),
    ...(withEvents ? { [timeline.url]: moving(timeline) } : {}),
    [wallpaper.url]: {
      role: 'wallpaper',
      file: local(`${wallpaper.name}.png`),
      portrait: local(`${wallpaper.name}-portrait.png`),
      square: local(`${wallpaper.name}-square.png`),
      slug: wallpaper.slug,
      safeAreas: Object.fromEntries(
        Object.values(MASTERS).map((master) => [
          master.orientation,
          { ...master.safeArea, measuredOn: { width: master.width, height: master.height } },
        ]),
      ),
    },
  };
  const { headline, road } = phrases(m);
  const markdown = [
    '---',
    `title: ${JSON.stringify(m.title)}`,
    `date: ${m.date}`,
    `cover: ${cover.url}`,
    '---',
    '',
    `![Cover image](${cover.url} "${[m.project.name, 'reached', headline, m.where].filter(Boolean).join(' ')}.")`,
    '',
    `![${road}](${growth.url} "${m.project.name}: ${road.toLowerCase()}, ${longDate(m.history[0]!.date)} to ${longDate(m.date)}.")`,
    '',
    ...(withEvents
      ? [
          `![${m.project.name} timeline](${timeline.url} "${m.project.name} milestones on the road to ${headline}.")`,
          '',
        ]
      : []),
    `For this milestone we made a small thank-you gift: [a downloadable wallpaper](${wallpaper.url}).`,
  ].join('\n');
  return { files, entries, markdown };
}

/** Whether every drawn file is under src/assets/media/, where media data entries can name it. */
export const underMediaRoot = (out: string) => !relative(MEDIA_ROOT, resolve(out)).startsWith('..');

/** Writes the entries into the media data file, replacing entries for the same URLs, keeping the rest (and its comments). */
export async function writeEntries(entries: Drawn['entries'], file = MEDIA_DATA): Promise<void> {
  const source = await readFile(file, 'utf8').catch(() => '');
  const doc: Document = source.trim() ? parseDocument(source) : new Document({});
  for (const [url, entry] of Object.entries(entries)) {
    const current = doc.get(url, true) as { toJSON?: () => unknown } | undefined;
    // An unchanged entry keeps its formatting and comments.
    if (JSON.stringify(current?.toJSON?.()) !== JSON.stringify(entry))
      doc.set(url, doc.createNode(entry));
  }
  await writeFile(file, doc.toString({ lineWidth: 0 }));
}
