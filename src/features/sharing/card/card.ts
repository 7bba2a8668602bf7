import sharp from 'sharp';
import { shareCardFonts, type FontStack } from './fonts';
import { clampLines, lineWidth, linePath, linesText, shapeText, wrapClusters, type Cluster } from './layout';

/** 1200x630 (1.91:1) is what X's summary_large_image, Facebook and LinkedIn all show uncropped. */
export const SHARE_CARD_WIDTH = 1200;
export const SHARE_CARD_HEIGHT = 630;
/** Every platform accepts up to at least 5 MB; staying under 1 MB keeps crawlers fast. */
export const SHARE_CARD_MAX_BYTES = 1_000_000;

export interface ShareCardInput {
  title: string;
  /** Small line above the title (the site name). */
  eyebrow: string;
  /** Line at the bottom left (author and date, or the site's description). */
  footer: string;
  /** Bottom right, e.g. the site's host name. */
  corner?: string;
  /** The post's cover image, only when the site has it locally (remote images are never fetched). */
  cover?: Buffer;
}

export type ShareCardType = 'image/png' | 'image/jpeg';

export interface ShareCard {
  data: Buffer;
  type: ShareCardType;
  width: number;
  height: number;
  /** The title as laid out, one string per line (for tests and debugging). */
  titleLines: string[];
  titleSize: number;
  /** Characters none of the bundled fonts can draw; they are left out. */
  missing: string[];
}

/** A card with a photo is a JPEG (a PNG photo would be several MB); a flat card is a PNG. */
export function shareCardType(hasCover: boolean): ShareCardType {
  return hasCover ? 'image/jpeg' : 'image/png';
}

export function shareCardExtension(type: ShareCardType): 'png' | 'jpg' {
  return type === 'image/png' ? 'png' : 'jpg';
}

const MARGIN_X = 80;
const TEXT_WIDTH = SHARE_CARD_WIDTH - 2 * MARGIN_X;
const TITLE_TOP = 168;
const TITLE_BOTTOM = 505;
const LINE_HEIGHT = 1.18;
const TITLE_SIZES = [80, 72, 64, 58, 52, 46, 42];
const MAX_TITLE_LINES = 5;

interface TitleLayout {
  lines: Cluster[][];
  size: number;
}

/** The largest title size whose lines fit the title box; at the smallest size, the rest is cut with "…". */
export function layoutTitle(title: string, fonts: FontStack): TitleLayout & { missing: string[] } {
  const { clusters, missing } = shapeText(title, fonts);
  const box = TITLE_BOTTOM - TITLE_TOP;
  for (const size of TITLE_SIZES) {
    const maxLines = Math.min(MAX_TITLE_LINES, Math.floor((box + size * (LINE_HEIGHT - 1)) / (size * LINE_HEIGHT)));
    const lines = wrapClusters(clusters, TEXT_WIDTH / size);
    if (lines.length <= maxLines) return { lines, size, missing };
  }
  const size = TITLE_SIZES[TITLE_SIZES.length - 1] ?? 42;
  const maxLines = Math.min(MAX_TITLE_LINES, Math.floor((box + size * (LINE_HEIGHT - 1)) / (size * LINE_HEIGHT)));
  const ellipsis = shapeText('…', fonts).clusters[0];
  const lines = wrapClusters(clusters, TEXT_WIDTH / size);
  return { lines: ellipsis ? clampLines(lines, maxLines, TEXT_WIDTH / size, ellipsis) : lines.slice(0, maxLines), size, missing };
}

/** One line of small text, cut with "…" if wider than `maxWidth` pixels. */
function smallLine(text: string, fonts: FontStack, size: number, maxWidth: number): { line: Cluster[]; missing: string[] } {
  const { clusters, missing } = shapeText(text, fonts);
  const ellipsis = shapeText('…', fonts).clusters[0];
  const lines = wrapClusters(clusters, maxWidth / size);
  const [line = []] = ellipsis ? clampLines(lines, 1, maxWidth / size, ellipsis) : lines;
  return { line, missing };
}

/** The card as SVG: all text is glyph outlines, so rendering needs no installed fonts. */
export function shareCardSvg(input: ShareCardInput, hasCover = Boolean(input.cover)) {
  const { bold, regular } = shareCardFonts();
  const title = layoutTitle(input.title, bold);
  const eyebrow = smallLine(input.eyebrow.toUpperCase(), bold, 28, TEXT_WIDTH);
  const corner = input.corner ? smallLine(input.corner, regular, 26, 420) : undefined;
  const footerWidth = TEXT_WIDTH - (corner ? lineWidth(corner.line) * 26 + 40 : 0);
  const footer = smallLine(input.footer, regular, 28, footerWidth);

  const titlePaths = title.lines
    .map((line, i) => linePath(line, MARGIN_X, TITLE_TOP + title.size * 0.93 + i * title.size * LINE_HEIGHT, title.size))
    .join('');
  const cornerPath = corner
    ? linePath(corner.line, SHARE_CARD_WIDTH - MARGIN_X - lineWidth(corner.line) * 26, 568, 26)
    : '';

  const background = hasCover
    ? // Darkens the photo behind the text so white type stays readable on any cover.
      `<linearGradient id="shade" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#050d1a" stop-opacity="0.9"/><stop offset="0.6" stop-color="#050d1a" stop-opacity="0.62"/><stop offset="1" stop-color="#050d1a" stop-opacity="0.12"/></linearGradient></defs><rect width="${SHARE_CARD_WIDTH}" height="${SHARE_CARD_HEIGHT}" fill="url(#shade)"/>`
    : `<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#07162c"/><stop offset="1" stop-color="#0d3d6b"/></linearGradient><radialGradient id="glow" cx="1" cy="0" r="0.9"><stop offset="0" stop-color="#38bdf8" stop-opacity="0.35"/><stop offset="1" stop-color="#38bdf8" stop-opacity="0"/></radialGradient></defs><rect width="${SHARE_CARD_WIDTH}" height="${SHARE_CARD_HEIGHT}" fill="url(#bg)"/><rect width="${SHARE_CARD_WIDTH}" height="${SHARE_CARD_HEIGHT}" fill="url(#glow)"/>`;

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_CARD_WIDTH}" height="${SHARE_CARD_HEIGHT}" viewBox="0 0 ${SHARE_CARD_WIDTH} ${SHARE_CARD_HEIGHT}"><defs>` +
    background +
    `<rect x="${MARGIN_X}" y="124" width="72" height="6" rx="3" fill="#38bdf8"/>` +
    `<path fill="#7dd3fc" d="${linePath(eyebrow.line, MARGIN_X, 100, 28)}"/>` +
    `<path fill="#ffffff" d="${titlePaths}"/>` +
    `<path fill="#cbd5e1" d="${linePath(footer.line, MARGIN_X, 568, 28)}"/>` +
    (cornerPath ? `<path fill="#94a3b8" d="${cornerPath}"/>` : '') +
    `</svg>`;
  const missing = [...new Set([...title.missing, ...eyebrow.missing, ...footer.missing, ...(corner?.missing ?? [])])];
  return { svg, titleLines: linesText(title.lines), titleSize: title.size, missing };
}

/** Renders the share card at 1200x630: over the cover when there is one, else on the site's colours. */
export async function renderShareCard(input: ShareCardInput): Promise<ShareCard> {
  const { svg, titleLines, titleSize, missing } = shareCardSvg(input);
  const overlay = Buffer.from(svg);
  const type = shareCardType(Boolean(input.cover));
  let data: Buffer;
  if (input.cover) {
    const base = sharp(input.cover, { animated: false })
      .resize(SHARE_CARD_WIDTH, SHARE_CARD_HEIGHT, { fit: 'cover', position: 'attention' })
      .composite([{ input: overlay, top: 0, left: 0 }])
      .flatten({ background: '#07162c' });
    const raw = await base.png().toBuffer();
    let quality = 86;
    do {
      data = await sharp(raw).jpeg({ quality, mozjpeg: true }).toBuffer();
      quality -= 8;
    } while (data.length >= SHARE_CARD_MAX_BYTES && quality > 40);
  } else {
    data = await sharp(overlay).png({ compressionLevel: 9 }).toBuffer();
    if (data.length >= SHARE_CARD_MAX_BYTES) data = await sharp(overlay).png({ palette: true }).toBuffer();
  }
  if (data.length >= SHARE_CARD_MAX_BYTES) {
    throw new Error(`Share card for "${input.title}" is ${data.length} bytes; it must stay under ${SHARE_CARD_MAX_BYTES}`);
  }
  return { data, type, width: SHARE_CARD_WIDTH, height: SHARE_CARD_HEIGHT, titleLines, titleSize, missing };
}
