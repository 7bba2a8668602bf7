import sharp from 'sharp';
import type { WallpaperEntry } from '../media/manifest';
import { digest } from '../../lib/digest';
import { sourceInfo, type Variant } from '../media/variants';
import { WALLPAPER_MASTERS, wallpaperCrop, type Box, type WallpaperMaster } from './masters';
import { WALLPAPER_SIZES, type WallpaperOrientation, type WallpaperSize } from './sizes';

export interface WallpaperDownload extends WallpaperSize {
  /** The JPEG, cut from `master` at `box` and resized to exactly `width` × `height`. */
  variant: Variant;
  /** The name the download is saved under. */
  downloadName: string;
  master: WallpaperMaster;
  box: Box;
}

/**
 * The entry's masters as they are on disk: the files' real dimensions, with the safe area on
 * record in masters.json (scaled, should a replacement file have other dimensions). A file with
 * no record keeps everything: its whole frame is the safe area.
 */
export async function wallpaperMasters(entry: WallpaperEntry): Promise<WallpaperMaster[]> {
  const files: [string | undefined, WallpaperOrientation][] = [
    [entry.file, 'landscape'],
    [entry.portrait, 'portrait'],
  ];
  const masters: WallpaperMaster[] = [];
  for (const [file, orientation] of files) {
    if (!file) continue;
    const { width, height } = await sourceInfo(file, entry);
    const record = WALLPAPER_MASTERS.find((m) => m.file === file && m.orientation === orientation);
    const sx = record ? width / record.width : 1;
    const sy = record ? height / record.height : 1;
    const safe = record?.safeArea ?? { left: 0, top: 0, width, height };
    masters.push({
      file,
      orientation,
      width,
      height,
      safeArea: {
        left: Math.round(safe.left * sx),
        top: Math.round(safe.top * sy),
        width: Math.round(safe.width * sx),
        height: Math.round(safe.height * sy),
      },
    });
  }
  return masters;
}

const cache = new Map<WallpaperEntry, Promise<WallpaperDownload[]>>();

/**
 * Every size of src/features/wallpaper/sizes.ts the entry has a master for, each cut from the
 * master of its orientation where `wallpaperCrop` says (all the text kept), as a JPEG of exactly
 * that size. A crop that would lose part of the safe area (a replacement master of another shape)
 * is still made, with a build warning.
 */
export function wallpaperDownloads(entry: WallpaperEntry): Promise<WallpaperDownload[]> {
  let downloads = cache.get(entry);
  if (!downloads) {
    downloads = (async () => {
      const masters = await wallpaperMasters(entry);
      const offered = WALLPAPER_SIZES.filter((size) =>
        masters.some((m) => m.orientation === size.orientation),
      );
      return Promise.all(
        offered.map(async (size): Promise<WallpaperDownload> => {
          const { master, box, keepsSafeArea } = wallpaperCrop(size, masters);
          if (!keepsSafeArea) {
            console.warn(
              `[media] ${master.file}: the ${size.width}x${size.height} wallpaper cuts into the safe area recorded in src/features/wallpaper/masters.json`,
            );
          }
          const info = await sourceInfo(master.file, entry);
          const dimensions = `${size.width}x${size.height}`;
          return {
            ...size,
            master,
            box,
            downloadName: `${entry.slug}-${dimensions}.jpg`,
            variant: {
              name: `${entry.slug}-${dimensions}.${digest(info.hash, box.left, box.top, box.width, box.height)}.jpg`,
              contentType: 'image/jpeg',
              width: size.width,
              height: size.height,
              encode: () =>
                sharp(info.path)
                  .extract(box)
                  .resize(size.width, size.height, { fit: 'fill' })
                  .jpeg({ quality: 88, mozjpeg: true, chromaSubsampling: '4:4:4' })
                  .toBuffer(),
            },
          };
        }),
      );
    })();
    cache.set(entry, downloads);
  }
  return downloads;
}
