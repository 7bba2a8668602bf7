import sharp from 'sharp';
import type { SafeArea } from '../media/media-data';
import { MEDIA_DATA_FILE, type MediaEntry } from '../media/media-files';
import { digest } from '../../lib/digest';
import { sourceInfo, type Variant } from '../media/variants';
import { wallpaperCrop, type Box, type WallpaperMaster } from './masters';
import { WALLPAPER_SIZES, type WallpaperOrientation, type WallpaperSize } from './sizes';

export interface WallpaperDownload extends WallpaperSize {
  /** The JPEG, cut from `master` at `box` and resized to exactly `width` × `height`. */
  variant: Variant;
  /** The name the download is saved under. */
  downloadName: string;
  master: WallpaperMaster;
  /** Undefined for an attention crop (a master with no safe area on record). */
  box?: Box;
}

/** A safe area in the pixels of a master of `width` × `height` (scaled from the size it was measured on). */
export function scaleSafeArea(safe: SafeArea, width: number, height: number): Box {
  const sx = safe.measuredOn ? width / safe.measuredOn.width : 1;
  const sy = safe.measuredOn ? height / safe.measuredOn.height : 1;
  return {
    left: Math.round(safe.left * sx),
    top: Math.round(safe.top * sy),
    width: Math.round(safe.width * sx),
    height: Math.round(safe.height * sy),
  };
}

/**
 * The entry's masters as they are on disk (the landscape one is `file`, the portrait one
 * `portrait`), with the safe areas the data file records, scaled should a replacement file have
 * other dimensions. Without a record a master has no safe area, and its sizes are attention crops.
 * A portrait-shaped file with no portrait beside it is the portrait master.
 */
export async function wallpaperMasters(entry: MediaEntry): Promise<WallpaperMaster[]> {
  const main = await sourceInfo(entry.file, entry);
  const files: [string | undefined, WallpaperOrientation][] =
    !entry.portrait && main.height > main.width
      ? [[entry.file, 'portrait']]
      : [
          [entry.file, 'landscape'],
          [entry.portrait, 'portrait'],
        ];
  const masters: WallpaperMaster[] = [];
  for (const [file, orientation] of files) {
    if (!file) continue;
    const { width, height } = await sourceInfo(file, entry);
    const safe = entry.settings.safeAreas?.[orientation];
    masters.push({
      file,
      orientation,
      width,
      height,
      ...(safe && { safeArea: scaleSafeArea(safe, width, height) }),
    });
  }
  return masters;
}

const cache = new Map<MediaEntry, Promise<WallpaperDownload[]>>();

/**
 * Every size of src/features/wallpaper/sizes.ts the entry has a master for, each cut from the
 * master of its orientation where `wallpaperCrop` says (all the text kept), as a JPEG of exactly
 * that size. A crop that would lose part of the safe area (a replacement master of another shape)
 * is still made, with a build warning.
 */
export function wallpaperDownloads(entry: MediaEntry): Promise<WallpaperDownload[]> {
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
              `[media] ${master.file}: the ${size.width}x${size.height} wallpaper cuts into the safe area recorded in ${MEDIA_DATA_FILE}`,
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
              name: `${entry.slug}-${dimensions}.${box ? digest(info.hash, box.left, box.top, box.width, box.height) : digest(info.hash, 'attention')}.jpg`,
              contentType: 'image/jpeg',
              width: size.width,
              height: size.height,
              encode: () =>
                (box
                  ? sharp(info.path).extract(box).resize(size.width, size.height, { fit: 'fill' })
                  : sharp(info.path).resize(size.width, size.height, {
                      fit: 'cover',
                      position: sharp.strategy.attention,
                    })
                )
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
