import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CARD_HEIGHT,
  CARD_MAX_BYTES,
  CARD_WIDTH,
  cardCacheKey,
  cardLayout,
  renderCard,
  type Box,
  type CardInput,
  type Size,
} from './render-card';

const COVER = readFileSync(
  fileURLToPath(new URL('../../../assets/media/covers/milvus-10k-cover.png', import.meta.url)),
);
/** For people to look at; test-results/ is not committed. */
const SAMPLES = fileURLToPath(new URL('../../../../test-results/cards/', import.meta.url));

const base = {
  siteName: 'Milvus Milestones',
  byline: 'Milvus Team · April 12, 2022',
  host: 'milestones.milvus.io',
};
const LONG_150 =
  'Milvus 2.3 brings GPU indexes, range search, upserts, and change data capture to the open-source vector database used by thousands of teams worldwide!';

let cacheDir: string;
let wideCover: Buffer;

beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), 'cards-'));
  process.env.CARD_CACHE_DIR = cacheDir;
  mkdirSync(SAMPLES, { recursive: true });
  // A 3.2:1 banner cut from the real cover, for the cover-above layout.
  wideCover = await sharp(COVER)
    .extract({ left: 0, top: 200, width: 1600, height: 500 })
    .png()
    .toBuffer();
});

afterAll(() => {
  rmSync(cacheDir, { recursive: true, force: true });
  delete process.env.CARD_CACHE_DIR;
});

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inCard(box: Box): boolean {
  return (
    box.x >= 0 && box.y >= 0 && box.x + box.width <= CARD_WIDTH && box.y + box.height <= CARD_HEIGHT
  );
}

/** The box's aspect ratio is the cover's, within what rounding each side to whole pixels allows. */
function expectSameAspect(box: Box, cover: Size): void {
  const aspect = cover.width / cover.height;
  const rounding = aspect * (0.5 / box.width + 0.5 / box.height);
  expect(Math.abs(box.width / box.height - aspect)).toBeLessThanOrEqual(rounding);
}

describe('cardLayout', () => {
  const input: CardInput = { ...base, title: 'A title', cover: { data: Buffer.alloc(0) } };

  it.each([
    ['16:9', { width: 1600, height: 900 }, 'cover-beside'],
    ['1.91:1', { width: 1200, height: 628 }, 'cover-beside'],
    ['square', { width: 800, height: 800 }, 'cover-beside'],
    ['portrait', { width: 600, height: 900 }, 'cover-beside'],
    ['tiny', { width: 40, height: 30 }, 'cover-beside'],
    ['3.2:1 banner', { width: 1600, height: 500 }, 'cover-above'],
    ['5:1 strip', { width: 2000, height: 400 }, 'cover-above'],
  ] as const)(
    'puts a %s cover whole beside or above the title, never under it',
    (_name, cover, template) => {
      const layout = cardLayout(input, cover);
      expect(layout.template).toBe(template);
      if (layout.template !== 'cover-beside' && layout.template !== 'cover-above')
        throw new Error('unexpected template');
      expect(intersects(layout.cover, layout.text)).toBe(false);
      expect(inCard(layout.cover)).toBe(true);
      expect(inCard(layout.text)).toBe(true);
      expectSameAspect(layout.cover, cover);
      // Room for a legible title: at least ~9 characters of 60 px type per line, and two lines.
      expect(layout.text.width).toBeGreaterThanOrEqual(430);
      expect(layout.text.height).toBeGreaterThanOrEqual(140);
    },
  );

  it.each([
    ['beside', { width: 1600, height: 900 }],
    ['above', { width: 1600, height: 500 }],
  ] as const)('gives a long title more room %s the cover, which stays whole', (_where, cover) => {
    const short = cardLayout(input, cover);
    const long = cardLayout({ ...input, title: LONG_150 }, cover);
    if (!('text' in short) || !('text' in long) || !('cover' in long))
      throw new Error('unexpected template');
    expect(long.template).toBe(short.template);
    expect(long.text.width * long.text.height).toBeGreaterThan(
      short.text.width * short.text.height,
    );
    expect(intersects(long.cover, long.text)).toBe(false);
    expectSameAspect(long.cover, cover);
  });

  it('frames a cover that carries the title alone, contained and centred', () => {
    const cover = { width: 1600, height: 900 };
    const layout = cardLayout(
      { ...input, cover: { data: Buffer.alloc(0), carriesTitle: true } },
      cover,
    );
    expect(layout.template).toBe('cover-only');
    if (layout.template !== 'cover-only') return;
    expect(layout.cover).toEqual({ x: 40, y: 0, width: 1120, height: 630 });
    expectSameAspect(layout.cover, cover);
    const tall = cardLayout(
      { ...input, cover: { data: Buffer.alloc(0), carriesTitle: true } },
      { width: 2400, height: 1000 },
    );
    if (tall.template !== 'cover-only') throw new Error('unexpected template');
    expect(tall.cover).toEqual({ x: 0, y: 65, width: 1200, height: 500 });
  });

  it('is typographic without a cover', () => {
    const layout = cardLayout({ ...base, title: 'A title' });
    expect(layout.template).toBe('typographic');
    if (layout.template === 'typographic') expect(inCard(layout.text)).toBe(true);
  });
});

describe('cardCacheKey', () => {
  const input: CardInput = { ...base, title: 'Milvus 2.0', cover: { data: COVER } };

  it('is the same for the same input, and changes with the title, any text, the cover bytes or carriesTitle', () => {
    const key = cardCacheKey(input);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cardCacheKey({ ...input, cover: { data: Buffer.from(COVER) } })).toBe(key);
    const edited = Buffer.from(COVER);
    edited[edited.length - 20] = (edited[edited.length - 20] ?? 0) ^ 1;
    const variants = [
      { ...input, title: 'Milvus 2.1' },
      { ...input, byline: 'Someone else · April 12, 2022' },
      { ...input, host: 'example.org' },
      { ...input, siteName: 'Other' },
      { ...input, cover: { data: edited } },
      { ...input, cover: { data: COVER, carriesTitle: true } },
      { ...base, title: 'Milvus 2.0' },
    ];
    const keys = new Set([key, ...variants.map(cardCacheKey)]);
    expect(keys.size).toBe(variants.length + 1);
  });
});

interface Sample {
  name: string;
  input: () => CardInput;
  template: string;
}

const samples: Sample[] = [
  {
    name: 'typographic-short',
    template: 'typographic',
    input: () => ({ ...base, title: '10,000 stars on GitHub' }),
  },
  {
    name: 'typographic-150-chars',
    template: 'typographic',
    input: () => ({ ...base, title: LONG_150 }),
  },
  {
    name: 'typographic-cjk',
    template: 'typographic',
    input: () => ({ ...base, title: '向量数据库的里程碑：Milvus 在 GitHub 上获得一万颗星' }),
  },
  {
    name: 'typographic-emoji',
    template: 'typographic',
    input: () => ({ ...base, title: 'We did it 🎉 10,000 stars ⭐ and counting 🚀👍🏽' }),
  },
  {
    name: 'cover-beside',
    template: 'cover-beside',
    input: () => ({
      ...base,
      title: 'Milvus passes 10,000 stars on GitHub',
      cover: { data: COVER },
    }),
  },
  {
    name: 'cover-beside-150-chars',
    template: 'cover-beside',
    input: () => ({ ...base, title: LONG_150, cover: { data: COVER } }),
  },
  {
    name: 'cover-beside-cjk',
    template: 'cover-beside',
    input: () => ({ ...base, title: '向量数据库的里程碑', cover: { data: COVER } }),
  },
  {
    name: 'cover-above',
    template: 'cover-above',
    input: () => ({
      ...base,
      title: 'Milvus joins the LF AI & Data Foundation',
      cover: { data: wideCover },
    }),
  },
  {
    name: 'cover-above-150-chars',
    template: 'cover-above',
    input: () => ({ ...base, title: LONG_150, cover: { data: wideCover } }),
  },
  {
    name: 'cover-only',
    template: 'cover-only',
    input: () => ({
      ...base,
      title: '10,000 stars on GitHub',
      cover: { data: COVER, carriesTitle: true },
    }),
  },
];

describe('renderCard', () => {
  it('is tested with a 150-character title', () => expect(LONG_150).toHaveLength(150));

  it.each(samples)(
    'draws $name as a 1200x630 JPEG of at most 100 KB',
    async ({ name, input, template }) => {
      const card = await renderCard(input());
      writeFileSync(join(SAMPLES, `${name}.jpg`), card.data);
      expect(card).toMatchObject({
        type: 'image/jpeg',
        width: 1200,
        height: 630,
        fromCache: false,
        missing: [],
      });
      const meta = await sharp(card.data).metadata();
      expect(meta).toMatchObject({ format: 'jpeg', width: CARD_WIDTH, height: CARD_HEIGHT });
      expect(card.data.length).toBeLessThanOrEqual(CARD_MAX_BYTES);
      const cover = input().cover;
      const coverMeta = cover && (await sharp(cover.data).metadata());
      expect(
        cardLayout(input(), coverMeta && { width: coverMeta.width, height: coverMeta.height })
          .template,
      ).toBe(template);
    },
    60_000,
  );

  it('keeps a card with a very busy cover under 100 KB by lowering the quality', async () => {
    // Noise, a little blurred: far busier than any photo, and it fills the card when shown alone.
    const noise = Buffer.alloc(1600 * 900 * 3);
    let seed = 1;
    for (let i = 0; i < noise.length; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      noise[i] = seed >> 23;
    }
    const busy = await sharp(noise, { raw: { width: 1600, height: 900, channels: 3 } })
      .blur(0.8)
      .png()
      .toBuffer();
    for (const carriesTitle of [false, true]) {
      const card = await renderCard({
        ...base,
        title: 'Busy cover',
        cover: { data: busy, carriesTitle },
      });
      writeFileSync(join(SAMPLES, `busy-cover${carriesTitle ? '-only' : ''}.jpg`), card.data);
      expect(card.data.length).toBeLessThanOrEqual(CARD_MAX_BYTES);
      expect(await sharp(card.data).metadata()).toMatchObject({
        format: 'jpeg',
        width: CARD_WIDTH,
        height: CARD_HEIGHT,
      });
    }
  }, 60_000);

  it('draws nothing over the cover: its box in the card is the cover itself', async () => {
    const input: CardInput = {
      ...base,
      title: 'A title that wraps onto more than one line beside the cover',
      cover: { data: COVER },
    };
    const layout = cardLayout(input, { width: 1600, height: 900 });
    if (layout.template !== 'cover-beside') throw new Error('unexpected template');
    const inset = 14; // past the rounded corners
    const region = {
      left: layout.cover.x + inset,
      top: layout.cover.y + inset,
      width: layout.cover.width - 2 * inset,
      height: layout.cover.height - 2 * inset,
    };
    const card = await renderCard(input);
    const drawn = await sharp(card.data).extract(region).removeAlpha().raw().toBuffer();
    const expected = await sharp(COVER)
      .resize(layout.cover.width, layout.cover.height, { fit: 'fill' })
      .flatten({ background: '#0b1a2e' })
      .extract({ left: inset, top: inset, width: region.width, height: region.height })
      .removeAlpha()
      .raw()
      .toBuffer();
    let difference = 0;
    for (let i = 0; i < drawn.length; i++)
      difference += Math.abs((drawn[i] ?? 0) - (expected[i] ?? 0));
    // JPEG noise only (a line of white title text over it would add tens per channel).
    expect(difference / drawn.length).toBeLessThan(3);
  }, 60_000);

  it('serves the second call from the cache: same bytes, fast', async () => {
    const input: CardInput = { ...base, title: 'Cached card', cover: { data: COVER } };
    const first = await renderCard(input);
    const started = performance.now();
    const second = await renderCard(input);
    const elapsed = performance.now() - started;
    expect(first.fromCache).toBe(false);
    expect(second.fromCache).toBe(true);
    expect(second.data.equals(first.data)).toBe(true);
    expect(elapsed).toBeLessThan(50);
    expect(readdirSync(cacheDir).filter((file) => file.endsWith('.tmp'))).toEqual([]);
    // A different title or different cover bytes are different cards.
    expect((await renderCard({ ...input, title: 'Cached card, edited' })).fromCache).toBe(false);
    const edited = Buffer.from(COVER);
    edited[edited.length - 20] = (edited[edited.length - 20] ?? 0) ^ 1;
    expect(cardCacheKey({ ...input, cover: { data: edited } })).not.toBe(cardCacheKey(input));
  }, 60_000);

  it('lists characters no font draws, leaves them out, and still draws the card; the list survives the cache', async () => {
    // U+10FFFD is in no font's range; U+2011 is in Inter's range but not in the font.
    const input: CardInput = { ...base, title: 'Cloud\u2011native \u{10FFFD} vector search' };
    const card = await renderCard(input);
    expect(card.missing.sort()).toEqual(['\u2011', '\u{10FFFD}'].sort());
    expect((await sharp(card.data).metadata()).width).toBe(CARD_WIDTH);
    const again = await renderCard(input);
    expect(again.fromCache).toBe(true);
    expect(again.missing.sort()).toEqual(card.missing);
  }, 60_000);

  it('survives concurrent renders of the same card (temp file, then rename)', async () => {
    const input: CardInput = { ...base, title: 'Two builds at once' };
    const [a, b] = await Promise.all([renderCard(input), renderCard(input)]);
    expect(a.data.length).toBeGreaterThan(0);
    expect(b.data.length).toBeGreaterThan(0);
    expect((await renderCard(input)).fromCache).toBe(true);
    expect(readdirSync(cacheDir).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('answers a cache hit without loading satori or sharp', async () => {
    const input: CardInput = { ...base, title: 'Hit without engines', cover: { data: COVER } };
    const drawn = await renderCard(input);
    vi.resetModules();
    vi.doMock('satori', () => {
      throw new Error('satori was loaded on a cache hit');
    });
    vi.doMock('sharp', () => {
      throw new Error('sharp was loaded on a cache hit');
    });
    try {
      const fresh = await import('./render-card');
      const hit = await fresh.renderCard(input);
      expect(hit.fromCache).toBe(true);
      expect(hit.data.equals(drawn.data)).toBe(true);
    } finally {
      vi.doUnmock('satori');
      vi.doUnmock('sharp');
      vi.resetModules();
    }
  }, 60_000);
});
