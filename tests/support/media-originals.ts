import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';

/** The host the media-pull fixture post (tests/fixtures/media-pull/) takes its media from. */
export const ORIGINALS_HOST = 'cdn.milestones.example';

/** A flat picture with a bright block where it says, for crops to find. */
function picture(width: number, height: number, spot: { left: number; top: number }) {
  const block = { width: Math.round(width / 5), height: Math.round(height / 5) };
  return sharp({ create: { width, height, channels: 3, background: '#123' } }).composite([
    {
      input: { create: { ...block, channels: 3, background: '#fc3' } },
      left: Math.round(spot.left * width),
      top: Math.round(spot.top * height),
    },
  ]);
}

/**
 * The fixture post's originals, laid out as `media:pull --from` reads them (`<host>/<path>`):
 * a cover, a four-frame GIF, a JPEG, a landscape and a portrait wallpaper. Its
 * `missing-chart.png` is left out on purpose: the pull fails for it and keeps the others.
 */
export async function writeOriginals(dir: string): Promise<void> {
  const put = async (path: string, data: Buffer) => {
    const file = join(dir, ORIGINALS_HOST, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, data);
  };
  await put('35k/cover.png', await picture(1600, 800, { left: 0.4, top: 0.4 }).png().toBuffer());
  await put('35k/team.jpg', await picture(1200, 800, { left: 0.1, top: 0.1 }).jpeg().toBuffer());
  await put(
    '35k/wallpaper-4k.png',
    await picture(3840, 2160, { left: 0.75, top: 0.3 }).png().toBuffer(),
  );
  await put(
    '35k/wallpaper-phone.png',
    await picture(1290, 2796, { left: 0.4, top: 0.5 }).png().toBuffer(),
  );
  const frames = await Promise.all(
    ['#c00', '#0c0', '#00c', '#fc3'].map((background) =>
      sharp({ create: { width: 480, height: 270, channels: 3, background } })
        .png()
        .toBuffer(),
    ),
  );
  await put(
    '35k/star-growth.gif',
    await sharp(frames, { join: { animated: true } })
      .gif({ delay: [400, 400, 400, 400], loop: 0 })
      .toBuffer(),
  );
}
