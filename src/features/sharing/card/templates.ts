import {
  BRAND,
  CARD_HEIGHT,
  CARD_WIDTH,
  COVER_RADIUS,
  guessWidth,
  h,
  PRIMARY_FONT,
  TITLE_LINE_HEIGHT,
  TITLE_STYLE,
  type Box,
  type CardElement,
  type Child,
  type Style,
} from './card-layout.ts';
import type { TitleFit } from './title-fit.ts';

// The card templates, as elements for satori (React-element-like objects; no React needed).
//
// Drawn with what librsvg rasterises fast: satori turns `overflow: hidden`, borders and <img>
// into SVG masks, and librsvg draws each mask as a whole-card layer, so texts are cut with
// `lineClamp` instead, rules are thin boxes, and the cover is pasted into the raster afterwards
// (see `pasteCover`). Full-card gradients are slow to rasterise too: the background is flat shapes.

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
    // Depth without a gradient (slow to rasterise over the whole card): two large
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

export interface CardTexts {
  title: string;
  siteName: string;
  byline: string;
  host: string;
}

export function typographicCard(texts: CardTexts, box: Box, fit: TitleFit): CardElement {
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

export function coverBesideCard(
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

export function coverAboveCard(
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
