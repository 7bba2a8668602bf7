import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
// Type-only imports: erased at build time, so a cache hit never loads satori or sharp.
import type { Font as SatoriFont, SatoriNode } from 'satori';
import type { JpegOptions, Sharp, SharpOptions } from 'sharp';
import { SHARE_CARD } from './card-size.ts';

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

export const CARD_WIDTH = SHARE_CARD.width;
export const CARD_HEIGHT = SHARE_CARD.height;
/** Crawlers fetch the card on every share; 100 KB keeps that fast on any connection. */
export const CARD_MAX_BYTES = 100_000;
/** Bump when the design changes, so cached cards from the old design are not reused. */
export const CARD_TEMPLATE_VERSION = 1;

export interface CardInput {
  title: string;
  /** The site's name, shown as a small line above the title. */
  siteName: string;
  /** e.g. "Author · April 12, 2022". */
  byline: string;
  /** e.g. "milestones.milvus.io". */
  host: string;
  /** A local cover image. `carriesTitle`: the art already shows the title, so it is shown alone. */
  cover?: { data: Buffer; carriesTitle?: boolean };
}

export interface RenderedCard {
  data: Buffer;
  type: 'image/jpeg';
  width: typeof CARD_WIDTH;
  height: typeof CARD_HEIGHT;
  /** True when the card came from the cache directory, without drawing. */
  fromCache: boolean;
  /** Characters no bundled font can draw; they are left out of the card (the caller warns). */
  missing: string[];
}

export interface Size {
  width: number;
  height: number;
}

export interface Box extends Size {
  x: number;
  y: number;
}

export type CardLayout =
  | { template: 'typographic'; text: Box }
  | { template: 'cover-only'; cover: Box }
  | { template: 'cover-beside' | 'cover-above'; cover: Box; text: Box };

// ---------------------------------------------------------------------------------------------
// Design tokens and geometry

const BRAND = {
  background: '#0b1a2e',
  /** Two discs in the bottom-right corner, a shade and two lighter than the background. */
  arcOuter: '#0d1f36',
  arcInner: '#10253f',
  accent: '#00a1ea',
  /** The accent lightened for small text on the navy. */
  accentText: '#4cc4ff',
  title: '#ffffff',
  byline: '#c3d2e6',
  rule: '#22344b',
  /** The hairline around a cover (1 px of it shows around the picture). */
  frame: '#2f4663',
} as const;

/** Outer margin of the cover layouts. */
const PAD = 56;
/** Space between the cover and the title area. */
const GAP = 48;
/** Beside the title, a cover is at most this wide, so the title column keeps ~460 px. */
const BESIDE_MAX_COVER_WIDTH = 576;
/** ...and this wide for a long title, whose column then grows to ~600 px. */
const BESIDE_MAX_COVER_WIDTH_LONG = 440;
/** Covers at least this wide (width / height) go above the title instead of beside it. */
const WIDE_COVER_ASPECT = 2.4;
/** Above the title, a cover is at most this tall, leaving a band for two title lines and a byline... */
const ABOVE_MAX_COVER_HEIGHT = 300;
/** ...or up to four, for a long title. */
const ABOVE_MAX_COVER_HEIGHT_LONG = 230;
/** A title longer than this (in ems of its font, ~100 characters) gets more room beside or below a cover. */
const LONG_TITLE_EMS = 48;
const ABOVE_GAP = 32;
/** Corner radius of a cover shown beside or above the title. */
const COVER_RADIUS = 12;
/** Margins of the typographic card. */
const TEXT_PAD_X = 80;
const TEXT_PAD_Y = 64;

/** The cover scaled to fit `max` (up or down), keeping its aspect ratio. */
function fitSize(cover: Size, max: Size): Size {
  const scale = Math.min(max.width / cover.width, max.height / cover.height);
  return {
    width: Math.max(1, Math.round(cover.width * scale)),
    height: Math.max(1, Math.round(cover.height * scale)),
  };
}

/**
 * Where the cover and the title go, from the cover's pixel size and the title's length (pure;
 * the renderer places elements at exactly these boxes). Without a cover (or its size), the
 * typographic card.
 */
export function cardLayout(input: CardInput, coverSize?: Size): CardLayout {
  if (!input.cover || !coverSize || coverSize.width <= 0 || coverSize.height <= 0) {
    return {
      template: 'typographic',
      text: {
        x: TEXT_PAD_X,
        y: TEXT_PAD_Y,
        width: CARD_WIDTH - 2 * TEXT_PAD_X,
        height: CARD_HEIGHT - 2 * TEXT_PAD_Y,
      },
    };
  }
  if (input.cover.carriesTitle) {
    const size = fitSize(coverSize, { width: CARD_WIDTH, height: CARD_HEIGHT });
    return {
      template: 'cover-only',
      cover: {
        x: Math.round((CARD_WIDTH - size.width) / 2),
        y: Math.round((CARD_HEIGHT - size.height) / 2),
        ...size,
      },
    };
  }
  const long = guessWidth(cardText(input.title)) > LONG_TITLE_EMS;
  if (coverSize.width / coverSize.height >= WIDE_COVER_ASPECT) {
    const size = fitSize(coverSize, {
      width: CARD_WIDTH - 2 * PAD,
      height: long ? ABOVE_MAX_COVER_HEIGHT_LONG : ABOVE_MAX_COVER_HEIGHT,
    });
    const cover = { x: Math.round((CARD_WIDTH - size.width) / 2), y: PAD, ...size };
    const top = cover.y + cover.height + ABOVE_GAP;
    return {
      template: 'cover-above',
      cover,
      text: { x: PAD, y: top, width: CARD_WIDTH - 2 * PAD, height: CARD_HEIGHT - PAD - top },
    };
  }
  const size = fitSize(coverSize, {
    width: long ? BESIDE_MAX_COVER_WIDTH_LONG : BESIDE_MAX_COVER_WIDTH,
    height: CARD_HEIGHT - 2 * PAD,
  });
  const cover = {
    x: CARD_WIDTH - PAD - size.width,
    y: Math.round((CARD_HEIGHT - size.height) / 2),
    ...size,
  };
  return {
    template: 'cover-beside',
    cover,
    text: { x: PAD, y: PAD, width: cover.x - GAP - PAD, height: CARD_HEIGHT - 2 * PAD },
  };
}

// ---------------------------------------------------------------------------------------------
// Elements for satori (React-element-like objects; no React needed)
//
// Drawn with what librsvg rasterises fast: satori turns `overflow: hidden`, borders and <img>
// into SVG masks, and librsvg draws each mask as a whole-card layer (tens of ms each), so texts
// are cut with `lineClamp` instead, rules are thin boxes, and the cover is pasted into the
// raster afterwards (see `pasteCover`). Gradients over the whole card cost ~5 ms (radial ones
// more), so the background is flat shapes.

type Style = Record<string, string | number>;
type Child = CardElement | string | null | undefined | false;

interface CardElement {
  type: string;
  props: { style?: Style; children?: Child | Child[]; [attribute: string]: unknown };
}

/** `h('div', { style }, ...children)`; a div with several children must have `display: flex`. */
function h(
  type: string,
  props: { style?: Style; [attribute: string]: unknown },
  ...children: Child[]
): CardElement {
  const kept = children.filter((child) => child !== null && child !== undefined && child !== false);
  return { type, props: { ...props, children: kept.length === 1 ? kept[0] : kept } };
}

/**
 * A small brand mark: an accent tile with a milestone flag, a pole and a swallow-tailed flag
 * (the notch is a square turned 45 degrees in the tile's colour: no clip paths or gradients,
 * which librsvg draws slowly).
 */
function brandMark(size: number): CardElement {
  const unit = size / 24;
  const box = (
    left: number,
    top: number,
    width: number,
    height: number,
    style: Style,
  ): CardElement =>
    h('div', {
      style: {
        position: 'absolute',
        left: left * unit,
        top: top * unit,
        width: width * unit,
        height: height * unit,
        ...style,
      },
    });
  return h(
    'div',
    {
      style: {
        display: 'flex',
        position: 'relative',
        width: size,
        height: size,
        flexShrink: 0,
        borderRadius: Math.round(size * 0.26),
        backgroundColor: BRAND.accent,
      },
    },
    box(6.5, 4.5, 2.4, 15, { borderRadius: 1.2 * unit, backgroundColor: '#ffffff' }),
    box(8.4, 5, 10.6, 7.6, { backgroundColor: '#ffffff' }),
    box(16.3, 6.1, 5.4, 5.4, { backgroundColor: BRAND.accent, transform: 'rotate(45deg)' }),
  );
}

/** One line of text, cut with "…" when too long. */
function oneLine(text: string, style: Style): CardElement {
  return h('div', { style: { display: 'block', lineClamp: 1, minWidth: 0, ...style } }, text);
}

function eyebrow(siteName: string, markSize: number, fontSize: number): CardElement {
  return h(
    'div',
    { style: { display: 'flex', alignItems: 'center', gap: Math.round(markSize * 0.4) } },
    brandMark(markSize),
    oneLine(siteName.toUpperCase(), {
      fontSize,
      fontWeight: 700,
      letterSpacing: Math.round(fontSize * 0.12),
      color: BRAND.accentText,
    }),
  );
}

/** A horizontal hairline (a box, not a border: see above). */
function rule(): CardElement {
  return h('div', {
    style: { display: 'flex', height: 2, flexShrink: 0, backgroundColor: BRAND.rule },
  });
}

const TITLE_STYLE: Style = { fontWeight: 700, color: BRAND.title, letterSpacing: '-0.02em' };
const TITLE_LINE_HEIGHT = 1.12;

function titleBlock(title: string, fit: TitleFit, width: number): CardElement {
  return h(
    'div',
    {
      // An unclamped title reports its own height: the pass needs no copy at its size.
      ...(fit.fits === false ? {} : { 'data-size': fit.size }),
      style: {
        display: 'block',
        width,
        fontSize: fit.size,
        lineHeight: TITLE_LINE_HEIGHT,
        // Balanced lines look set by hand; but satori balances for the unclamped line count,
        // so a clamped title would wrap as if it were narrower: clamped titles wrap normally.
        ...(fit.fits === false ? { lineClamp: fit.maxLines } : { textWrap: 'balance' }),
        ...TITLE_STYLE,
      },
    },
    title,
  );
}

function root(...children: Child[]): CardElement {
  return h(
    'div',
    {
      style: {
        display: 'flex',
        position: 'relative',
        boxSizing: 'border-box',
        width: CARD_WIDTH,
        height: CARD_HEIGHT,
        fontFamily: PRIMARY_FONT,
        backgroundColor: BRAND.background,
      },
    },
    // Depth without a gradient (librsvg spends ~5 ms a card on a full-card gradient): two large
    // discs, slightly lighter than the background, rising from the bottom-right corner.
    h('div', {
      style: {
        position: 'absolute',
        left: 640,
        top: 250,
        width: 1000,
        height: 1000,
        borderRadius: 500,
        backgroundColor: BRAND.arcOuter,
      },
    }),
    h('div', {
      style: {
        position: 'absolute',
        left: 860,
        top: 420,
        width: 800,
        height: 800,
        borderRadius: 400,
        backgroundColor: BRAND.arcInner,
      },
    }),
    ...children,
  );
}

function absolute(box: Box, style: Style, ...children: Child[]): CardElement {
  return h(
    'div',
    {
      style: {
        position: 'absolute',
        left: box.x,
        top: box.y,
        width: box.width,
        height: box.height,
        display: 'flex',
        ...style,
      },
    },
    ...children,
  );
}

/** Where the cover goes: a rounded plate 1 px larger than the picture, so 1 px of it frames it. */
function coverPlate(box: Box): CardElement {
  return absolute(
    { x: box.x - 1, y: box.y - 1, width: box.width + 2, height: box.height + 2 },
    { borderRadius: COVER_RADIUS + 1, backgroundColor: BRAND.frame },
  );
}

interface CardTexts {
  title: string;
  siteName: string;
  byline: string;
  host: string;
}

function typographicCard(texts: CardTexts, box: Box, fit: TitleFit): CardElement {
  return root(
    absolute(
      box,
      { flexDirection: 'column' },
      eyebrow(texts.siteName, 44, 26),
      h(
        'div',
        { style: { display: 'flex', flexGrow: 1, alignItems: 'center' } },
        titleBlock(texts.title, fit, box.width),
      ),
      rule(),
      h(
        'div',
        {
          style: {
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 32,
            paddingTop: 24,
          },
        },
        oneLine(texts.byline, {
          fontSize: 28,
          fontWeight: 500,
          color: BRAND.byline,
          flexShrink: 1,
        }),
        oneLine(texts.host, {
          fontSize: 26,
          fontWeight: 500,
          color: BRAND.accentText,
          flexShrink: 0,
          maxWidth: '45%',
        }),
      ),
    ),
  );
}

function coverBesideCard(
  texts: CardTexts,
  layout: { cover: Box; text: Box },
  fit: TitleFit,
): CardElement {
  const { text } = layout;
  return root(
    absolute(
      text,
      { flexDirection: 'column' },
      eyebrow(texts.siteName, 36, 22),
      h(
        'div',
        { style: { display: 'flex', flexGrow: 1, alignItems: 'center' } },
        titleBlock(texts.title, fit, text.width),
      ),
      rule(),
      h(
        'div',
        { style: { display: 'flex', flexDirection: 'column', gap: 8, paddingTop: 20 } },
        oneLine(texts.byline, { fontSize: 24, fontWeight: 500, color: BRAND.byline }),
        oneLine(texts.host, { fontSize: 22, fontWeight: 500, color: BRAND.accentText }),
      ),
    ),
    coverPlate(layout.cover),
  );
}

function coverAboveCard(
  texts: CardTexts,
  layout: { cover: Box; text: Box },
  fit: TitleFit,
): CardElement {
  const { text } = layout;
  // One footer row: the site name goes first when the row would be too long, so the byline stays.
  const withSite = `${texts.siteName} · ${texts.byline}`;
  const siteAndByline =
    guessWidth(`${withSite}${texts.host}`) * 22 < text.width - 120 ? withSite : texts.byline;
  return root(
    coverPlate(layout.cover),
    absolute(
      text,
      { flexDirection: 'column', justifyContent: 'space-between' },
      titleBlock(texts.title, fit, text.width),
      h(
        'div',
        { style: { display: 'flex', alignItems: 'center', gap: 14 } },
        brandMark(30),
        oneLine(siteAndByline, {
          fontSize: 22,
          fontWeight: 500,
          color: BRAND.byline,
          flexShrink: 1,
        }),
        h('div', { style: { display: 'flex', flexGrow: 1 } }),
        oneLine(texts.host, {
          fontSize: 22,
          fontWeight: 500,
          color: BRAND.accentText,
          flexShrink: 0,
          maxWidth: '40%',
        }),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Title size: the largest size whose lines fit, measured by satori itself

interface TitleFit {
  size: number;
  maxLines: number;
  /** False when even the smallest size needs more lines: the title is then cut with "…". */
  fits?: boolean;
}

interface TitleScale {
  /** Candidate sizes, largest first, each with the most lines it may take. */
  steps: TitleFit[];
}

/** Typographic card: 84 px for short titles down to 56 px (still 19 px when X shows the card 400 px wide). */
const TYPOGRAPHIC_TITLE: TitleScale = {
  steps: [
    { size: 84, maxLines: 3 },
    { size: 74, maxLines: 3 },
    { size: 66, maxLines: 4 },
    { size: 60, maxLines: 4 },
    { size: 56, maxLines: 4 },
    // Past ~140 characters, a fifth line rather than a smaller size or a cut title.
    { size: 56, maxLines: 5 },
  ],
};

/** Beside a cover, the column is ~460 px (~600 px for long titles): 60 px down to 44 px. */
const BESIDE_TITLE: TitleScale = {
  steps: [
    { size: 60, maxLines: 3 },
    { size: 54, maxLines: 4 },
    { size: 48, maxLines: 5 },
    { size: 44, maxLines: 7 },
  ],
};

/** Below a wide cover, a band of two lines (up to four for long titles, whose cover is smaller). */
const ABOVE_TITLE: TitleScale = {
  steps: [
    { size: 56, maxLines: 2 },
    { size: 50, maxLines: 2 },
    { size: 44, maxLines: 2 },
    { size: 44, maxLines: 3 },
    { size: 44, maxLines: 4 },
  ],
};

/** Lines never exceed what fits in `height` (line heights are whole pixels in satori). */
function capLines(scale: TitleScale, height: number): TitleScale {
  return {
    steps: scale.steps.map((step) => ({
      size: step.size,
      maxLines: Math.max(
        1,
        Math.min(step.maxLines, Math.floor(height / Math.round(step.size * TITLE_LINE_HEIGHT))),
      ),
    })),
  };
}

/** Roughly how wide `text` is, in ems of Inter Bold at -0.02em tracking: only a first guess (satori measures). */
function guessWidth(text: string): number {
  let ems = 0;
  for (const { segment } of graphemes.segment(text)) {
    const codePoint = segment.codePointAt(0) ?? 0;
    if (segment === ' ') ems += 0.22;
    else if (codePoint >= 0x1100)
      ems += 1; // CJK, full-width forms, emoji
    else if (/[ijlrtf.,:;'!|()[\]-]/.test(segment)) ems += 0.33;
    else if (/[mwMW]/.test(segment)) ems += 0.86;
    else if (/[A-Z]/.test(segment)) ems += 0.68;
    else if (/[0-9]/.test(segment)) ems += 0.6;
    else ems += 0.55;
  }
  return ems;
}

/** Words (and, in CJK text, single characters, which can break anywhere) with their guessed widths. */
function guessWords(text: string): Array<{ ems: number; spaceBefore: boolean }> {
  const words: Array<{ ems: number; spaceBefore: boolean }> = [];
  let spaceBefore = false;
  let word = '';
  const flush = () => {
    if (word) words.push({ ems: guessWidth(word), spaceBefore });
    word = '';
    spaceBefore = false;
  };
  for (const { segment } of graphemes.segment(text)) {
    if (segment === ' ') {
      flush();
      spaceBefore = true;
    } else if ((segment.codePointAt(0) ?? 0) >= 0x2e80) {
      flush();
      words.push({ ems: 1, spaceBefore });
      spaceBefore = false;
    } else word += segment;
  }
  flush();
  return words;
}

/** Guessed widths run ~4% narrow (no kerning, no rounding); this evens out over- and under-guesses. */
const GUESS_MARGIN = 1.04;

/**
 * The size to draw first: the largest whose lines, wrapped word by word with guessed widths,
 * fit. Right for ~97% of titles; a wrong guess costs a second satori pass.
 */
function guessFit(title: string, width: number, scale: TitleScale): TitleFit {
  const words = guessWords(title);
  for (const step of scale.steps) {
    let lines = 1;
    let used = 0;
    for (const word of words) {
      const added = (used && word.spaceBefore ? guessWidth(' ') : 0) + word.ems;
      if (used && (used + added) * step.size * GUESS_MARGIN > width) {
        lines += 1;
        used = word.ems;
      } else used += added;
    }
    if (lines <= step.maxLines) return { ...step, fits: true };
  }
  const last = scale.steps[scale.steps.length - 1];
  if (!last) throw new Error('render-card: a title scale needs at least one step');
  return { ...last, fits: false };
}

/**
 * Copies of the title at the candidate sizes `sizes`, laid out but not drawn, for
 * `onNodeDetected` to read their heights. Below the card, so satori skips their glyphs (it builds
 * the outlines of hidden text, then drops them; text outside the card it skips); `position:
 * absolute` moves nothing else. Balancing keeps the number of lines, so the copies skip it.
 */
function titleProbes(title: string, width: number, sizes: number[]): CardElement | undefined {
  if (!sizes.length) return undefined;
  const hidden: Style = {
    position: 'absolute',
    left: 0,
    top: 2 * CARD_HEIGHT,
    visibility: 'hidden',
  };
  return h(
    'div',
    { style: { ...hidden, display: 'flex', flexDirection: 'column', width } },
    ...sizes.map((size) =>
      h(
        'div',
        {
          'data-size': size,
          style: {
            display: 'block',
            visibility: 'hidden',
            width,
            fontSize: size,
            lineHeight: TITLE_LINE_HEIGHT,
            ...TITLE_STYLE,
          },
        },
        title,
      ),
    ),
  );
}

/** The largest step whose measured lines fit; if none, the smallest, clamped with "…". */
function bestFit(heights: Map<number, number>, scale: TitleScale): TitleFit {
  for (const step of scale.steps) {
    const height = heights.get(step.size);
    const lines =
      height === undefined
        ? Infinity
        : Math.round(height / Math.round(step.size * TITLE_LINE_HEIGHT));
    if (lines <= step.maxLines) return { ...step, fits: true };
  }
  const last = scale.steps[scale.steps.length - 1];
  if (!last) throw new Error('render-card: a title scale needs at least one step');
  return { ...last, fits: false };
}

function sameFit(a: TitleFit, b: TitleFit): boolean {
  return a.size === b.size && a.maxLines === b.maxLines && a.fits === b.fits;
}

// ---------------------------------------------------------------------------------------------
// Fonts: @fontsource files (OFL), chosen per card by the characters it draws

type Weight = 500 | 700;

interface Face {
  /** Unique per subset (same across weights), so satori's fallback sees every file. */
  name: string;
  file: string;
  weight: Weight;
  ranges: Array<[number, number]>;
}

/** Families in fallback order: Inter, then Noto Emoji (monochrome), then Noto Sans SC for CJK. */
const FONT_PACKAGES = [
  '@fontsource/inter',
  '@fontsource/noto-emoji',
  '@fontsource/noto-sans-sc',
] as const;
/** The Latin Inter face is named like this; every other face is a fallback. */
const PRIMARY_FONT = 'Inter';

const requireHere = createRequire(import.meta.url);

/** The root folder of an installed package, found from its main file or a file it exports. */
function packageRoot(name: string, entry?: string): string {
  let dir = dirname(requireHere.resolve(entry ? `${name}/${entry}` : name));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name
    )
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`render-card: cannot find the package.json of ${name}`);
    dir = parent;
  }
}

function packageVersion(root: string): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** Reads fontsource's `@font-face` blocks: each `.woff` file (satori reads WOFF) and its unicode-range. */
function parseFontFaces(css: string, dir: string, weight: Weight): Face[] {
  const faces: Face[] = [];
  for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
    const file = /url\(\.\/files\/([^)]+?)\.woff\)/.exec(block)?.[1];
    if (!file) continue;
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    const ranges: Array<[number, number]> = range
      ? range.split(',').map((part) => {
          const [start = '0', end = start] = part.trim().replace(/^U\+/i, '').split('-');
          return [parseInt(start, 16), parseInt(end, 16)];
        })
      : [[0, 0x10ffff]];
    const subset = file.replace(new RegExp(`-${weight}-normal$`), '');
    faces.push({
      name: subset === 'inter-latin' ? PRIMARY_FONT : subset,
      file: join(dir, 'files', `${file}.woff`),
      weight,
      ranges,
    });
  }
  // Inter's CSS lists Latin last; it goes first, as the primary font.
  return faces.sort((a, b) => Number(b.name === PRIMARY_FONT) - Number(a.name === PRIMARY_FONT));
}

const catalogs = new Map<Weight, Face[]>();

/** Every face at one weight, in fallback order (CSS only; font files are read on first use). */
function catalog(weight: Weight): Face[] {
  let faces = catalogs.get(weight);
  if (!faces) {
    faces = FONT_PACKAGES.flatMap((name) => {
      const root = packageRoot(name, `${weight}.css`);
      return parseFontFaces(readFileSync(join(root, `${weight}.css`), 'utf8'), root, weight);
    });
    catalogs.set(weight, faces);
  }
  return faces;
}

const fontData = new Map<string, Buffer>();
const fontArrays = new Map<string, SatoriFont[]>();

/**
 * Satori's font list for these faces, plus Inter Latin at both weights. The same faces give the
 * same array with the same buffers, so satori reuses its parsed fonts and shaping cache.
 */
function satoriFonts(faces: Iterable<Face>, withPrimary = true): SatoriFont[] {
  const all = new Set<Face>(faces);
  for (const weight of withPrimary ? ([700, 500] as const) : []) {
    const primary = catalog(weight).find((face) => face.name === PRIMARY_FONT);
    if (primary) all.add(primary);
  }
  // Catalog order is fallback order: primary first, then Inter's other subsets, emoji, CJK.
  const order = (face: Face) =>
    catalog(face.weight).indexOf(face) * 2 + (face.weight === 700 ? 0 : 1);
  const sorted = [...all].sort((a, b) => order(a) - order(b));
  const key = sorted.map((face) => face.file).join('|');
  let fonts = fontArrays.get(key);
  if (!fonts) {
    fonts = sorted.map((face) => {
      let data = fontData.get(face.file);
      if (!data) {
        data = readFileSync(face.file);
        fontData.set(face.file, data);
      }
      return { name: face.name, data, weight: face.weight, style: 'normal' as const };
    });
    fontArrays.set(key, fonts);
  }
  return fonts;
}

/** Code points that join or modify others (ZWJ, variation selectors, keycap, tags): never "missing". */
function isJoiner(codePoint: number): boolean {
  return (
    codePoint === 0x200d ||
    codePoint === 0x20e3 ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0xe0020 && codePoint <= 0xe007f)
  );
}

/** Control characters and line breaks become spaces; runs of spaces collapse. */
function cardText(text: string): string {
  return (
    text
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

function covers(face: Face, codePoint: number): boolean {
  return face.ranges.some(([start, end]) => codePoint >= start && codePoint <= end);
}

const EMOJI_PREFIX = 'noto-emoji-';
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

interface TextFonts {
  /** The text without the characters no font draws. */
  text: string;
  /** Faces for the text itself. */
  faces: Set<Face>;
  /** Each emoji (a whole grapheme: ZWJ sequences, skin tones, flags) with the faces that draw it. */
  emoji: Map<string, Set<Face>>;
  missing: string[];
}

/**
 * Which faces draw `text` at `weight`, and the characters none can (removed from the text, so
 * the card shows no empty boxes). Emoji are set apart: they are drawn as images (see `emojiImages`).
 */
function fontsFor(text: string, weight: Weight): TextFonts {
  const faces = new Set<Face>();
  const emoji = new Map<string, Set<Face>>();
  const missing: string[] = [];
  const emojiFaces = catalog(700).filter((face) => face.name.startsWith(EMOJI_PREFIX));
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    if (segment === ' ') {
      kept += segment;
      continue;
    }
    const codePoints = [...segment].map((char) => char.codePointAt(0) ?? 0);
    const base = codePoints[0] ?? 0;
    const first = catalog(weight).find((face) => covers(face, base));
    const presentation = codePoints.some(
      (codePoint) => codePoint === 0xfe0f || codePoint === 0x20e3 || codePoint === 0x200d,
    );
    if (
      (first?.name.startsWith(EMOJI_PREFIX) || presentation) &&
      emojiFaces.some((face) => covers(face, base))
    ) {
      const drawing = new Set<Face>();
      for (const codePoint of codePoints) {
        const face = emojiFaces.find((candidate) => covers(candidate, codePoint));
        if (face) drawing.add(face);
      }
      emoji.set(segment, drawing);
      kept += segment;
      continue;
    }
    for (const [index, codePoint] of codePoints.entries()) {
      const char = String.fromCodePoint(codePoint);
      const face =
        index === 0 ? first : catalog(weight).find((candidate) => covers(candidate, codePoint));
      if (face) {
        faces.add(face);
        kept += char;
      } else if (isJoiner(codePoint)) {
        kept += char;
      } else if (!missing.includes(char)) {
        missing.push(char);
      }
    }
  }
  return { text: kept.replace(/ {2,}/g, ' ').trim(), faces, emoji, missing };
}

const emojiCache = new Map<string, string>();

/**
 * Each emoji as a small SVG (its Noto Emoji glyph, drawn by satori on its own), for satori's
 * `graphemeImages`. Drawing emoji inside the text instead hits two satori limits: it picks a
 * font per UTF-16 surrogate, so a second emoji from another fontsource file comes out as an
 * empty box, and a space after an emoji takes the emoji font's very wide space.
 */
async function emojiImages(emoji: Map<string, Set<Face>>): Promise<Record<string, string>> {
  const images: Record<string, string> = {};
  for (const [grapheme, faces] of emoji) {
    let image = emojiCache.get(grapheme);
    if (!image) {
      const satori = await loadSatori();
      const size = 120;
      const svg = await satori(
        h(
          'div',
          {
            style: {
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              width: size,
              height: size,
              fontSize: Math.round(size * 0.92),
              lineHeight: 1,
              color: BRAND.title,
              fontFamily: [...faces][0]?.name ?? PRIMARY_FONT,
            },
          },
          grapheme,
        ) as never,
        { width: size, height: size, fonts: satoriFonts(faces, false) },
      );
      image = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      emojiCache.set(grapheme, image);
    }
    images[grapheme] = image;
  }
  return images;
}

// ---------------------------------------------------------------------------------------------
// Lazily loaded engines

type SatoriFunction = (element: never, options: Record<string, unknown>) => Promise<string>;
type SharpFunction = (input?: Buffer, options?: SharpOptions) => Sharp;

let satoriModule: Promise<SatoriFunction> | undefined;
let sharpModule: Promise<SharpFunction> | undefined;

function loadSatori(): Promise<SatoriFunction> {
  satoriModule ??= import('satori').then((module) => module.default as unknown as SatoriFunction);
  return satoriModule;
}

function loadSharp(): Promise<SharpFunction> {
  sharpModule ??= import('sharp').then((module) => module.default as unknown as SharpFunction);
  return sharpModule;
}

// ---------------------------------------------------------------------------------------------
// Pixels: covers are decoded once into raw RGB and pasted into the card's raster

/**
 * mozjpeg's quantisation table and overshoot deringing (crisp white text), as a baseline JPEG:
 * the very pixels of `mozjpeg: true` without its slow searches and progressive scans, which save
 * ~5% of bytes for ~60% more encoding time; the cards stay far under CARD_MAX_BYTES.
 */
const JPEG: JpegOptions = { quality: 80, quantisationTable: 3, overshootDeringing: true };
/**
 * When a busy cover pushes a card over CARD_MAX_BYTES, these qualities are tried in turn (a
 * photo needs at most the first; a cover of pure noise shown alone needs the last).
 */
const FALLBACK_QUALITIES = [72, 64, 56, 48, 40, 32, 24];
const CHANNELS = 3;

/** A raw RGB image (no alpha). */
interface Raster extends Size {
  pixels: Buffer;
}

/** A card's pixels for sharp: a raw RGB raster, or an SVG that sharp rasterises in the same pipeline. */
type CardSource = Raster | { svg: Buffer };

async function encodeJpeg(card: CardSource, what: string): Promise<Buffer> {
  const sharp = await loadSharp();
  const source = () =>
    'svg' in card
      ? sharp(card.svg).removeAlpha()
      : sharp(card.pixels, { raw: { width: card.width, height: card.height, channels: CHANNELS } });
  let data = await source().jpeg(JPEG).toBuffer();
  for (const quality of FALLBACK_QUALITIES) {
    if (data.length <= CARD_MAX_BYTES) break;
    data = await source()
      .jpeg({ ...JPEG, quality })
      .toBuffer();
  }
  if (data.length > CARD_MAX_BYTES) {
    throw new Error(
      `render-card: the card for "${what}" is ${data.length} bytes even at quality ${FALLBACK_QUALITIES.at(-1)}; the limit is ${CARD_MAX_BYTES}`,
    );
  }
  return data;
}

/** The cover's pixel size, after its EXIF orientation. */
async function coverSizeOf(cover: Buffer): Promise<Size> {
  const sharp = await loadSharp();
  const meta = await sharp(cover).metadata();
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) throw new Error('render-card: cannot read the size of the cover image');
  return { width, height };
}

/** A few recent covers, decoded and resized: re-rendering a post (new title, dev server) reuses them. */
const decodedCovers = new Map<string, Raster>();

/** The cover resized to `size` (it already has that aspect ratio), on the brand background if transparent. */
async function decodeCover(cover: Buffer, size: Size): Promise<Raster> {
  const key = `${createHash('sha256').update(cover).digest('hex')} ${size.width}x${size.height}`;
  let raster = decodedCovers.get(key);
  if (!raster) {
    const sharp = await loadSharp();
    const pixels = await sharp(cover, { animated: false })
      .rotate()
      .resize(size.width, size.height, { fit: 'fill' })
      .flatten({ background: BRAND.background })
      .removeAlpha()
      .raw()
      .toBuffer();
    raster = { ...size, pixels };
    if (decodedCovers.size >= 4) decodedCovers.delete(decodedCovers.keys().next().value as string);
    decodedCovers.set(key, raster);
  }
  return raster;
}

/**
 * Copies the cover into the card at `box`, with rounded corners: corner pixels are blended with
 * what is underneath by how much of them the rounded shape covers (anti-aliasing).
 */
function pasteCover(card: Raster, cover: Raster, box: Box, radius: number): void {
  const rowBytes = cover.width * CHANNELS;
  const r = Math.min(radius, Math.floor(cover.width / 2), Math.floor(cover.height / 2));
  for (let y = 0; y < cover.height; y++) {
    const target = ((box.y + y) * card.width + box.x) * CHANNELS;
    const source = y * rowBytes;
    if (y >= r && y < cover.height - r) {
      cover.pixels.copy(card.pixels, target, source, source + rowBytes);
      continue;
    }
    cover.pixels.copy(
      card.pixels,
      target + r * CHANNELS,
      source + r * CHANNELS,
      source + rowBytes - r * CHANNELS,
    );
    const centreY = y < r ? r : cover.height - r;
    for (let x = 0; x < cover.width; x = x === r - 1 ? cover.width - r : x + 1) {
      const centreX = x < r ? r : cover.width - r;
      const coverage = Math.min(
        1,
        Math.max(0, r - Math.hypot(x + 0.5 - centreX, y + 0.5 - centreY) + 0.5),
      );
      for (let channel = 0; channel < CHANNELS; channel++) {
        const at = target + x * CHANNELS + channel;
        card.pixels[at] = Math.round(
          (cover.pixels[source + x * CHANNELS + channel] ?? 0) * coverage +
            (card.pixels[at] ?? 0) * (1 - coverage),
        );
      }
    }
  }
}

function hexRgb(hex: string): [number, number, number] {
  const value = parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** The average colour of the cover's outermost column or row. */
function edgeColour(
  cover: Raster,
  edge: 'left' | 'right' | 'top' | 'bottom',
): [number, number, number] {
  const sum = [0, 0, 0];
  const vertical = edge === 'left' || edge === 'right';
  const count = vertical ? cover.height : cover.width;
  for (let i = 0; i < count; i++) {
    const x = edge === 'left' ? 0 : edge === 'right' ? cover.width - 1 : i;
    const y = edge === 'top' ? 0 : edge === 'bottom' ? cover.height - 1 : i;
    for (let channel = 0; channel < CHANNELS; channel++)
      sum[channel] =
        (sum[channel] ?? 0) + (cover.pixels[(y * cover.width + x) * CHANNELS + channel] ?? 0);
  }
  return [0, 1, 2].map((channel) => Math.round((sum[channel] ?? 0) / count)) as [
    number,
    number,
    number,
  ];
}

/**
 * A cover that carries the title, whole and centred. The bars beside (or above and below) it
 * fade from the brand background at the card's edge to the colour of the cover's own edge, so
 * the cover sits on the brand background without a hard seam. No SVG is involved.
 */
function coverOnlyCard(cover: Raster, box: Box): Raster {
  const card: Raster = {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    pixels: Buffer.alloc(CARD_WIDTH * CARD_HEIGHT * CHANNELS),
  };
  const brand = hexRgb(BRAND.background);
  const mix = (from: number[], to: number[], t: number) =>
    from.map((value, channel) => Math.round(value + ((to[channel] ?? 0) - value) * t));
  // One row pattern (left and right bars), or one colour per row (top and bottom bars).
  const left = edgeColour(cover, 'left');
  const right = edgeColour(cover, 'right');
  const top = edgeColour(cover, 'top');
  const bottom = edgeColour(cover, 'bottom');
  const row = Buffer.alloc(CARD_WIDTH * CHANNELS);
  for (let x = 0; x < CARD_WIDTH; x++) {
    const colour =
      x < box.x
        ? mix(brand, left, x / box.x)
        : x >= box.x + box.width
          ? mix(right, brand, (x - box.x - box.width + 1) / (CARD_WIDTH - box.x - box.width))
          : brand;
    row.set(colour, x * CHANNELS);
  }
  for (let y = 0; y < CARD_HEIGHT; y++) {
    if (y < box.y)
      card.pixels.fill(
        Buffer.from(mix(brand, top, y / box.y)),
        y * CARD_WIDTH * CHANNELS,
        (y + 1) * CARD_WIDTH * CHANNELS,
      );
    else if (y >= box.y + box.height) {
      const t = (y - box.y - box.height + 1) / (CARD_HEIGHT - box.y - box.height);
      card.pixels.fill(
        Buffer.from(mix(bottom, brand, t)),
        y * CARD_WIDTH * CHANNELS,
        (y + 1) * CARD_WIDTH * CHANNELS,
      );
    } else row.copy(card.pixels, y * CARD_WIDTH * CHANNELS);
  }
  pasteCover(card, cover, box, 0);
  return card;
}

// ---------------------------------------------------------------------------------------------
// Drawing

interface Drawn {
  data: Buffer;
  missing: string[];
}

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

// ---------------------------------------------------------------------------------------------
// Cache

/** `CARD_CACHE_DIR`, or node_modules/.cache/milestones-cards (kept between builds by most CIs). */
export function cardCacheDir(): string {
  return (
    process.env.CARD_CACHE_DIR || join(process.cwd(), 'node_modules', '.cache', 'milestones-cards')
  );
}

let fingerprint: string | undefined;

/** What else decides the pixels: the versions of satori, sharp and each font package. */
function engineFingerprint(): string {
  const packages: Array<[name: string, entry?: string]> = [
    ['satori'],
    ['sharp'],
    ...FONT_PACKAGES.map((name): [string, string] => [name, '700.css']),
  ];
  fingerprint ??= packages
    .map(([name, entry]) => `${name}@${packageVersion(packageRoot(name, entry))}`)
    .join(' ');
  return fingerprint;
}

/** sha256 of the template version, engine and font versions, the texts, and the cover's bytes. */
export function cardCacheKey(input: CardInput): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      version: CARD_TEMPLATE_VERSION,
      engine: engineFingerprint(),
      jpeg: JPEG,
      title: input.title,
      siteName: input.siteName,
      byline: input.byline,
      host: input.host,
      cover: input.cover ? { carriesTitle: Boolean(input.cover.carriesTitle) } : null,
    }),
  );
  // JSON has no raw newline, so this separator cannot be confused with the texts.
  hash.update('\n');
  if (input.cover) hash.update(input.cover.data);
  return hash.digest('hex');
}

function isMissingFile(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

async function readCached(dir: string, key: string): Promise<Drawn | undefined> {
  let data: Buffer;
  try {
    data = await readFile(join(dir, `${key}.jpg`));
  } catch (error) {
    if (isMissingFile(error)) return undefined;
    throw error;
  }
  // The list of missing characters is stored beside the card, only when there are some.
  let missing: string[] = [];
  try {
    missing = JSON.parse(await readFile(join(dir, `${key}.json`), 'utf8')) as string[];
  } catch (error) {
    if (!isMissingFile(error)) throw error;
  }
  return { data, missing };
}

/** Writes a temporary file, then renames it: a concurrent build sees the whole file or none. */
async function writeAtomically(path: string, data: Buffer | string): Promise<void> {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

let warnedCacheWrite = false;

async function writeCached(dir: string, key: string, drawn: Drawn): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    // The list first: once the card exists, a reader finds its list too.
    if (drawn.missing.length)
      await writeAtomically(join(dir, `${key}.json`), JSON.stringify(drawn.missing));
    await writeAtomically(join(dir, `${key}.jpg`), drawn.data);
  } catch (error) {
    // The card is still good; only the next build will have to draw it again.
    if (!warnedCacheWrite)
      console.warn(
        `[share-card] cannot write the card cache in ${dir}: ${(error as Error).message}`,
      );
    warnedCacheWrite = true;
  }
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
