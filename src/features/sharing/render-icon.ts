import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { SITE_ICONS, type SiteIcon } from './icons';

/** Opaque (flattened onto the mark's own colour) so no platform shows a transparent corner. */
export async function renderIcon(name: SiteIcon): Promise<Buffer> {
  const svg = await readFile(resolve(process.cwd(), 'public/favicon.svg'));
  const { size } = SITE_ICONS[name];
  return sharp(svg, { density: (72 * size) / 32 })
    .resize(size, size)
    .flatten({ background: '#0b3d91' })
    .png({ compressionLevel: 9, palette: true })
    .toBuffer();
}
