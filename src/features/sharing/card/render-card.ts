// Type-only imports: erased at build time, so a cache hit never loads satori or sharp.
import type { Font as SatoriFont, SatoriNode } from 'satori';
import { join } from 'node:path';
import { cardCacheDir, cardCacheKey, readCached, writeCached, type Drawn } from './card-cache.ts';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardLayout,
  cardText,
  COVER_RADIUS,
  graphemes,
  type Box,
  type CardInput,
  type CardLayout,
  type RenderedCard,
} from './card-layout.ts';
import { loadSatori, loadSharp } from './engines.ts';
import { emojiImages, fontsFor, satoriFonts } from './fonts.ts';
import {
  coverOnlyCard,
  coverSizeOf,
  decodeCover,
  encodeJpeg,
  pasteCover,
  type Raster,
} from './pixels.ts';
import { coverAboveCard, coverBesideCard, typographicCard, type CardTexts } from './templates.ts';
import {
  ABOVE_TITLE,
  BESIDE_TITLE,
  bestFit,
  capLines,
  guessFit,
  sameFit,
  titleProbes,
  TYPOGRAPHIC_TITLE,
  type TitleFit,
  type TitleScale,
} from './title-fit.ts';

export {
  CARD_HEIGHT,
  CARD_MAX_BYTES,
  CARD_WIDTH,
  cardLayout,
  type Box,
  type CardInput,
  type RenderedCard,
  type Size,
} from './card-layout.ts';
export { cardCacheDir, cardCacheKey } from './card-cache.ts';

/**
 * Share cards (Open Graph / X summary_large_image), 1200x630 JPEGs laid out with satori
 * (flexbox -> SVG with glyph outlines, so no system fonts are involved) and rasterised by sharp.
 *
 * Three templates:
 * - a local cover beside (or, for very wide covers, above) a title area: the cover is shown whole
 *   and no text is ever drawn over it;
 * - a cover that already carries the title: the cover alone, contained and centred;
 * - no cover: a typographic card.
 *
 * Cards are cached on disk by a hash of everything that decides their pixels, so a rebuild only
 * draws cards whose post changed; a hit touches neither the fonts nor satori nor sharp.
 */

interface PreparedTexts {
  texts: CardTexts;
  fonts: SatoriFont[];
  graphemeImages: Record<string, string>;
  missing: string[];
}

/** Cleans the texts, picks their fonts, draws their emoji, and lists what no font draws. */
async function prepareTexts(input: CardInput, withSiteLine: boolean): Promise<PreparedTexts> {
  const title = fontsFor(cardText(input.title), 700);
  const siteName = fontsFor(cardText(input.siteName), withSiteLine ? 500 : 700);
  // The eyebrow is drawn upper-case, so its fonts are chosen for the upper-case letters.
  const siteUpper = fontsFor(siteName.text.toUpperCase(), 700);
  const byline = fontsFor(cardText(input.byline), 500);
  const host = fontsFor(cardText(input.host), 500);
  const parts = [title, siteName, siteUpper, byline, host];
  const missing = [
    ...new Set([...title.missing, ...siteName.missing, ...byline.missing, ...host.missing]),
  ];
  return {
    texts: { title: title.text, siteName: siteName.text, byline: byline.text, host: host.text },
    fonts: satoriFonts(parts.flatMap((part) => [...part.faces])),
    graphemeImages: await emojiImages(new Map(parts.flatMap((part) => [...part.emoji]))),
    missing,
  };
}

/** Height left for the title in each layout's text box, after the eyebrow, byline and gaps. */
function titleRoom(template: 'typographic' | 'cover-beside' | 'cover-above', text: Box): number {
  switch (template) {
    case 'typographic':
      return text.height - 44 - 2 - 24 - 34 - 40; // brand mark, rule, gap, byline, breathing room
    case 'cover-beside':
      return text.height - 36 - 2 - 20 - 29 - 8 - 27 - 32; // brand mark, rule, gap, byline, gap, host, breathing room
    case 'cover-above':
      return text.height - 30 - 12; // the footer row and the least gap above it
  }
}

const TITLE_SCALES = {
  typographic: TYPOGRAPHIC_TITLE,
  'cover-beside': BESIDE_TITLE,
  'cover-above': ABOVE_TITLE,
};

type TextLayout = Extract<CardLayout, { text: Box }>;

interface Pass {
  svg: string;
  /** The title size that the card should have, measured in this pass. */
  best: TitleFit;
  /** False when `best` may be wrong: the drawn size did not fit and smaller sizes were not measured. */
  settled: boolean;
  /** Graphemes that no loaded font has a glyph for. */
  unsupported: string[];
}

/**
 * One satori pass: the card with its title at `fit`, plus hidden copies of the title at the
 * larger candidate sizes (or, with `everySize`, at all of them), so the same pass tells whether
 * `fit` was the right size: the guess is usually right or too small. It also learns which
 * characters no loaded font has a glyph for (fontsource's unicode-ranges are wider than some
 * fonts: Inter's lists U+2000-206F, yet has no U+2011).
 */
async function drawPass(
  prepared: PreparedTexts,
  layout: TextLayout,
  fit: TitleFit,
  scale: TitleScale,
  everySize = false,
): Promise<Pass> {
  const satori = await loadSatori();
  const { texts } = prepared;
  const card =
    layout.template === 'typographic'
      ? typographicCard(texts, layout.text, fit)
      : layout.template === 'cover-beside'
        ? coverBesideCard(texts, layout, fit)
        : coverAboveCard(texts, layout, fit);
  const children = [card.props.children].flat();
  // A clamped title measures nothing (its height is cut): its size is probed too.
  const all = everySize || fit.fits === false;
  const sizes = [...new Set(scale.steps.map((step) => step.size))].filter((size) =>
    all ? true : size > fit.size,
  );
  const element = {
    ...card,
    props: {
      ...card.props,
      children: [...children, titleProbes(texts.title, layout.text.width, sizes)],
    },
  };
  const heights = new Map<number, number>();
  const unsupported = new Set<string>();
  const svg = await satori(element as never, {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: prepared.fonts,
    graphemeImages: prepared.graphemeImages,
    onNodeDetected: (node: SatoriNode) => {
      const size = node.props['data-size'];
      if (typeof size === 'number') heights.set(size, node.height);
    },
    // Called with the graphemes no font has; emoji drawn as images are asked about too.
    loadAdditionalAsset: async (_code: string, segment: string) => {
      for (const { segment: grapheme } of graphemes.segment(segment)) {
        if (!(grapheme in prepared.graphemeImages) && grapheme.trim()) unsupported.add(grapheme);
      }
      return [];
    },
  });
  const best = bestFit(heights, scale);
  return { svg, best, settled: all || best.fits === true, unsupported: [...unsupported] };
}

/** Leaves out graphemes that turned out to have no glyph, and records them as missing. */
function dropUnsupported(prepared: PreparedTexts, unsupported: string[]): void {
  const drop = (text: string) =>
    [...graphemes.segment(text)]
      .map(({ segment }) => (unsupported.includes(segment) ? '' : segment))
      .join('')
      .replace(/ {2,}/g, ' ')
      .trim();
  const { texts } = prepared;
  prepared.texts = {
    title: drop(texts.title),
    siteName: drop(texts.siteName),
    byline: drop(texts.byline),
    host: drop(texts.host),
  };
  prepared.missing = [...new Set([...prepared.missing, ...unsupported])];
}

async function drawCard(input: CardInput): Promise<Drawn> {
  const coverSize = input.cover ? await coverSizeOf(input.cover.data) : undefined;
  const layout = cardLayout(input, coverSize);
  // Decoding runs on sharp's threads while satori lays the card out.
  const cover =
    input.cover && 'cover' in layout ? decodeCover(input.cover.data, layout.cover) : undefined;
  cover?.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled".
  if (layout.template === 'cover-only') {
    return {
      data: await encodeJpeg(
        coverOnlyCard(await (cover as Promise<Raster>), layout.cover),
        input.title,
      ),
      missing: [],
    };
  }

  const prepared = await prepareTexts(input, layout.template === 'cover-above');
  const scale = capLines(TITLE_SCALES[layout.template], titleRoom(layout.template, layout.text));
  // Usually one pass: drawn at a guessed size that the pass confirms. A wrong guess, or a
  // character without a glyph, costs a second pass.
  let fit = guessFit(prepared.texts.title, layout.text.width, scale);
  let pass = await drawPass(prepared, layout, fit, scale);
  if (pass.unsupported.length) {
    dropUnsupported(prepared, pass.unsupported);
    fit = guessFit(prepared.texts.title, layout.text.width, scale);
    pass = await drawPass(prepared, layout, fit, scale);
  }
  // The guess did not fit: measure every size (rare; guesses err on the small side).
  if (!pass.settled) pass = await drawPass(prepared, layout, fit, scale, true);
  if (!sameFit(pass.best, fit)) pass = await drawPass(prepared, layout, pass.best, scale);

  if (!cover || layout.template === 'typographic') {
    return {
      data: await encodeJpeg({ svg: Buffer.from(pass.svg) }, input.title),
      missing: prepared.missing,
    };
  }
  // With a cover: rasterise, paste the cover in, then encode.
  const sharp = await loadSharp();
  const card: Raster = {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    pixels: await sharp(Buffer.from(pass.svg)).removeAlpha().raw().toBuffer(),
  };
  pasteCover(card, await cover, layout.cover, COVER_RADIUS);
  return { data: await encodeJpeg(card, input.title), missing: prepared.missing };
}

const inFlight = new Map<string, Promise<{ drawn: Drawn; fromCache: boolean }>>();

/**
 * The share card for a post or page: from the cache when an identical card was drawn before
 * (by this or an earlier build), else drawn and stored.
 */
export async function renderCard(input: CardInput): Promise<RenderedCard> {
  const dir = cardCacheDir();
  const key = cardCacheKey(input);
  // The feed and the card route may ask for one card at once: one draw serves both.
  const where = join(dir, key);
  let pending = inFlight.get(where);
  if (!pending) {
    pending = (async () => {
      const cached = await readCached(dir, key);
      const drawn = cached ?? (await drawCard(input));
      if (!cached) await writeCached(dir, key, drawn);
      return { drawn, fromCache: Boolean(cached) };
    })().finally(() => inFlight.delete(where));
    inFlight.set(where, pending);
  }
  const { drawn, fromCache } = await pending;
  return {
    data: drawn.data,
    type: 'image/jpeg',
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fromCache,
    missing: drawn.missing,
  };
}
