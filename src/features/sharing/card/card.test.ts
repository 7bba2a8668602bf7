import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { renderShareCard, SHARE_CARD_HEIGHT, SHARE_CARD_MAX_BYTES, SHARE_CARD_WIDTH, shareCardSvg } from './card';
import { shareCardFonts } from './fonts';
import { shapeText, wrapClusters } from './layout';

const base = { eyebrow: 'Milvus Milestones', footer: 'The Milvus Community · April 12, 2022', corner: 'example.org' };

/** Share of bright (text) pixels in a region of the card: proves glyphs were actually drawn there. */
async function brightShare(png: Buffer, region: { left: number; top: number; width: number; height: number }) {
  const { data, info } = await sharp(png).extract(region).greyscale().raw().toBuffer({ resolveWithObject: true });
  let bright = 0;
  for (const value of data) if (value > 200) bright++;
  return bright / (info.width * info.height);
}

describe('renderShareCard', () => {
  test('a title-only card is a 1200x630 PNG under 1 MB, with the title drawn in the title area', async () => {
    const card = await renderShareCard({ ...base, title: 'A Small Step for Milvus - 10,000 Stars' });
    const meta = await sharp(card.data).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', SHARE_CARD_WIDTH, SHARE_CARD_HEIGHT]);
    expect(card.type).toBe('image/png');
    expect(card.data.length).toBeLessThan(SHARE_CARD_MAX_BYTES);
    expect(card.missing).toEqual([]);
    expect(card.titleLines.join(' ')).toBe('A Small Step for Milvus - 10,000 Stars');
    expect(await brightShare(card.data, { left: 80, top: 180, width: 1040, height: 150 })).toBeGreaterThan(0.05);
    // The empty band under a two-line title stays background.
    expect(await brightShare(card.data, { left: 80, top: 420, width: 1040, height: 80 })).toBe(0);
  });

  test('a card over a local cover is a JPEG of the same size', async () => {
    const cover = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#f0c040' } }).png().toBuffer();
    const card = await renderShareCard({ ...base, title: 'Cover card', cover });
    const meta = await sharp(card.data).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', SHARE_CARD_WIDTH, SHARE_CARD_HEIGHT]);
    expect(card.type).toBe('image/jpeg');
    expect(card.data.length).toBeLessThan(SHARE_CARD_MAX_BYTES);
    // The right side shows the (lightly shaded) cover colour.
    const { channels } = await sharp(card.data).extract({ left: 1000, top: 20, width: 180, height: 80 }).stats();
    const [red, , blue] = channels.map((c) => c.mean) as [number, number, number];
    expect(red).toBeGreaterThan(blue + 40);
  });

  test('quotes, markup, Chinese and emoji are all drawn (no character lacks a glyph)', async () => {
    const title = 'Say "hi" <script> & </script> 🚀⭐️ 向量数据库入门 ‘quotes’ «guillemets» — Ünïcødé';
    const card = await renderShareCard({ ...base, title });
    expect(card.missing).toEqual([]);
    expect(card.titleLines.join(' ').replace(/\s+/g, ' ')).toBe(title);
  });

  test('a very long title shrinks, then is cut with an ellipsis, and never leaves the card', async () => {
    const title = 'Milvus '.repeat(60).trim();
    const { titleLines, titleSize } = shareCardSvg({ ...base, title });
    expect(titleSize).toBeLessThan(80);
    expect(titleLines.length).toBeLessThanOrEqual(5);
    expect(titleLines.at(-1)?.endsWith('…')).toBe(true);
    const { bold } = shareCardFonts();
    for (const line of titleLines) {
      const width = shapeText(line, bold).clusters.reduce((sum, c) => sum + c.advance, 0) * titleSize;
      expect(width).toBeLessThanOrEqual(SHARE_CARD_WIDTH - 160);
    }
  });
});

test('Chinese wraps between characters, Latin only between words', () => {
  const { bold } = shareCardFonts();
  const chinese = wrapClusters(shapeText('向量数据库入门向量数据库入门', bold).clusters, 4.2);
  expect(chinese.length).toBeGreaterThan(1);
  const latin = wrapClusters(shapeText('alpha beta gamma delta', bold).clusters, 6);
  for (const line of latin) {
    const text = line.map((c) => c.text).join('');
    expect(text).toMatch(/^(alpha|beta|gamma|delta)( (alpha|beta|gamma|delta))*$/);
  }
});
