// Image bytes a browser is served for the 10,000-stars post, against the source file each comes
// from, on a phone and a desktop; then each wallpaper download against the wallpaper master.
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureHeadlessShell } from '../browser.mjs';
import { printTable } from './format.mjs';

export const title = 'Images: bytes served vs source';

const POST = '/blog/2022-4-12-milvus-10k-stars/';
const PROFILES = [
  {
    name: 'phone 390x844 @3x',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
  },
  { name: 'desktop 1440x900 @1x', viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 },
];

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

export async function run({ context }) {
  await context.build();
  const { mediaIndex, MEDIA_DIR } = await context.load('src/features/media/media-files.ts');
  const mediaManifest = [...mediaIndex().entries.values()];
  const sourceBytes = async (entry) => (await stat(join(MEDIA_DIR, entry.file))).size;
  // Which media entry a served file comes from: variants start with the entry's slug, and
  // astro:assets names its files after the source file.
  const entryFor = (url) => {
    const name = basename(new URL(url).pathname);
    return mediaManifest
      .filter(
        (e) =>
          name.startsWith(`${e.slug}.`) ||
          name.startsWith(`${e.slug}-`) ||
          name.startsWith(`${basename(e.file).replace(/\.[^.]+$/, '')}.`),
      )
      .sort((a, b) => b.slug.length - a.slug.length)[0];
  };

  const base = await context.serve();
  const browser = await chromium.launch({
    executablePath: ensureHeadlessShell(),
    args: CHROMIUM_ARGS,
    headless: true,
  });
  context.onDispose(() => browser.close());

  for (const profile of PROFILES) {
    const page = await browser.newPage(profile);
    await page.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
    );
    await page.goto(new URL(POST, base).href, { waitUntil: 'load' });
    const images = await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
        scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 50));
      }
      await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
      return [...document.images].map((img) => img.currentSrc);
    });
    const rows = [];
    let served = 0;
    let source = 0;
    for (const url of images) {
      const entry = entryFor(url);
      if (!entry || new URL(url).hostname !== '127.0.0.1') continue;
      const bytes = (await stat(join(context.dist, decodeURIComponent(new URL(url).pathname))))
        .size;
      const original = await sourceBytes(entry);
      served += bytes;
      source += original;
      const role = url.includes('-preview.') ? 'wallpaper preview' : entry.role;
      rows.push([
        `${role}: ${entry.file}`,
        basename(new URL(url).pathname),
        kB(bytes),
        kB(original),
        (bytes / original).toFixed(3),
      ]);
    }
    rows.push(['all images', '', kB(served), kB(source), (served / source).toFixed(3)]);
    console.log(`${profile.name}\n`);
    printTable(['image', 'served file', 'served', 'source', 'served/source'], rows);
    console.log('');
    await page.close();
  }

  const wallpaper = mediaManifest.find((e) => e.role === 'wallpaper');
  if (wallpaper) {
    const page = await browser.newPage();
    await page.goto(new URL(POST, base).href, { waitUntil: 'domcontentloaded' });
    const links = await page.$$eval('.wallpaper-card a[download]', (as) =>
      as.map((a) => ({
        href: a.getAttribute('href'),
        size: `${a.dataset.width}x${a.dataset.height}`,
      })),
    );
    const master = await sourceBytes(wallpaper);
    const rows = [];
    for (const link of links) {
      const bytes = (await stat(join(context.dist, decodeURIComponent(link.href)))).size;
      rows.push([link.size, kB(bytes), kB(master), (bytes / master).toFixed(3)]);
    }
    printTable(['wallpaper download', 'served', 'master', 'served/master'], rows);
    await page.close();
  }
}
